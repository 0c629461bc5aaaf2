/**
 * The time zone of the whole suite: the test workers (vitest.config.ts) and every CLI the tests
 * start (`cliEnv` in tests/helpers.ts). One with summer time, so that a test written on a winter
 * day and run in summer, or on a machine elsewhere, sees the same local times. A test of other
 * zones passes its own `TZ` to `cliEnv`, or runs in a process of its own.
 */
export const SUITE_TZ = 'Europe/Paris';
