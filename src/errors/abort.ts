/** True for the error an aborted wait or request throws (`AbortError`, code `ABORT_ERR`). */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || (error as { code?: unknown }).code === 'ABORT_ERR');
}
