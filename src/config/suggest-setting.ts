/**
 * Suggests known settings for a misspelled one, comparing the last part of each path with case,
 * `-`, `_` and `.` ignored: `pagesize`, `start-date` and `startDate` all find their setting. A
 * name also matches when it contains the other (`timeout` finds `request_timeout_seconds`) or is
 * within a small edit distance (`page_szie`). Returns at most two paths, best first.
 */
export function suggestSettings(unknownName: string, knownPaths: Iterable<string>): string[] {
  const normalisedName = normalise(unknownName);
  const scored: { path: string; score: number }[] = [];

  for (const path of knownPaths) {
    const score = similarity(normalisedName, normalise(lastPart(path)));
    if (score !== undefined) scored.push({ path, score });
  }

  const best = Math.min(...scored.map((candidate) => candidate.score));
  return scored
    .filter((candidate) => candidate.score === best)
    .slice(0, 2)
    .map((candidate) => candidate.path);
}

// Lower scores are closer; `undefined` means not similar enough to suggest.
function similarity(name: string, known: string): number | undefined {
  if (name === known) return 0;

  const shorter = Math.min(name.length, known.length);
  if (shorter >= 4 && (known.includes(name) || name.includes(known))) return 1;

  const distance = editDistance(name, known);
  const allowed = Math.max(1, Math.floor(name.length / 3));
  return distance <= allowed ? 1 + distance : undefined;
}

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
// neighbouring letters each cost 1, so `szie` is one step from `size`.
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;

  // d[i][j] is the distance between the first i letters of a and the first j letters of b.
  const d: number[][] = Array.from({ length: rows }, () => new Array<number>(columns).fill(0));
  for (let i = 0; i < rows; i++) d[i][0] = i;
  for (let j = 0; j < columns; j++) d[0][j] = j;

  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < columns; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);

      const swapped = i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1];
      if (swapped) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }

  return d[a.length][b.length];
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_.\s]/g, '');
}

function lastPart(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}
