/**
 * How many cases the reliability properties try: a number sized to about a second each here, or
 * `CALMCLIENT_PROPERTY_RUNS=N` for a deeper search on demand (the same knob as the rest of the
 * suite's properties).
 */
export function runs(ciRuns: number): number {
  const wanted = process.env.CALMCLIENT_PROPERTY_RUNS;
  if (wanted === undefined || wanted.trim() === '') return ciRuns;
  const value = Number(wanted);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`CALMCLIENT_PROPERTY_RUNS must be a whole number of cases, not "${wanted}"`);
  return value;
}

/** A test timeout that grows with a deeper run. */
export function timeoutFor(ciRuns: number, ciBudgetMs = 1_000): number {
  return Math.max(30_000, Math.ceil((runs(ciRuns) / ciRuns) * ciBudgetMs * 10));
}
