/**
 * How many cases a fast-check property tries, and how long it may take.
 *
 * By default a property tries `ciRuns` cases, a number sized so that it takes about a second on the
 * project's 2-core machine: the suite stays quick enough to run between two edits, and each run
 * draws new cases (fast-check picks a new seed every time; a failure prints the seed and the
 * shrunk case to replay). `CALMCLIENT_PROPERTY_RUNS=N` makes every property try N cases instead,
 * for a deeper search on demand: `npm run test:deep` (docs/testing.md).
 */

const KNOB = 'CALMCLIENT_PROPERTY_RUNS';

function wantedRuns(): number | undefined {
  const wanted = process.env[KNOB];
  if (wanted === undefined || wanted.trim() === '') return undefined;
  const runs = Number(wanted);
  if (!Number.isSafeInteger(runs) || runs < 1) throw new Error(`${KNOB} must be a whole number of cases, not "${wanted}"`);
  return runs;
}

/** The number of cases for a property whose CI size is `ciRuns`. */
export function propertyRuns(ciRuns: number): number {
  return wantedRuns() ?? ciRuns;
}

/**
 * The test timeout for a property of `ciRuns` cases that fits in `ciBudgetMs` at its CI size: the
 * suite's 30 s by default, and as much more as a larger run needs, in the same proportion, with
 * room for a slower machine.
 */
export function propertyTimeout(ciRuns: number, ciBudgetMs = 1_000): number {
  const runs = propertyRuns(ciRuns);
  return Math.max(30_000, Math.ceil((runs / ciRuns) * ciBudgetMs * 10));
}
