/**
 * Errors the simulated API returns, with the HTTP status and Gainsight error code of each.
 * Codes and statuses follow Gainsight's error-code tables where they list the case; the others
 * are marked as modelling choices where they are created.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string | null,
    readonly errorDesc: string,
    /** Extra envelope members, such as `title` on OBJECT_NOT_FOUND. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(errorDesc);
  }
}

export function unauthorized(): ApiError {
  return new ApiError(401, 'GS_APIG_2401', 'Unauthorized');
}

export function unknownRoute(method: string, path: string): ApiError {
  return new ApiError(404, 'GS_APIG_1000', `No API route matches ${method} ${path}`);
}

/**
 * Rejects a write to a data path: the simulator serves only reads. Gainsight does have write
 * APIs there, so HTTP 405 with GS_APIG_1000 is a modelling choice.
 */
export function writeNotSupported(method: string, path: string): ApiError {
  return new ApiError(405, 'GS_APIG_1000', `${method} ${path} is a write, and the simulator serves reads only`);
}

export function invalidField(names: readonly string[]): ApiError {
  return new ApiError(400, 'GSOBJ_1002', `Invalid field, please re-check data mapping: ${names.join(', ')}`);
}

export function invalidDateTime(field: string, value: unknown): ApiError {
  return new ApiError(400, 'GSOBJ_1005', `Invalid dateTime format (${field}= ${String(value)})`);
}

export function invalidDate(field: string, value: unknown): ApiError {
  return new ApiError(400, 'GSOBJ_1006', `Invalid date format (${field}= ${String(value)})`);
}

/**
 * Rejects a request the simulator cannot read. NOTE: Gainsight's documentation does not name an
 * error code for a malformed query body; GSOBJ_1008 is a modelling choice.
 */
export function invalidRequest(description: string): ApiError {
  return new ApiError(400, 'GSOBJ_1008', description);
}

export function noEntityMatches(): ApiError {
  return new ApiError(400, 'GSOBJ_1011', 'No entity matches the given criteria');
}

/**
 * Gainsight documents the body (`title: OBJECT_NOT_FOUND`, no error code) but not the status;
 * HTTP 400 is a modelling choice, matching its other GSOBJ errors.
 */
export function objectNotFound(name: string): ApiError {
  return new ApiError(400, null, 'Requested object not found.', {
    title: 'OBJECT_NOT_FOUND',
    message: `No object named ${name}`,
  });
}

export function rateLimited(limit: number): ApiError {
  return new ApiError(429, 'GS_APIG_2404', `Rate limit of ${limit} calls per minute exceeded`);
}
