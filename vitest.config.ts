import { defineConfig } from 'vitest/config';
import { SUITE_TZ } from './tests/suite-env.js';

// Before the workers start, so that they inherit it: Node reads TZ when it first needs a local time.
process.env.TZ = SUITE_TZ;

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    env: { TZ: SUITE_TZ },
    // End-to-end tests spawn the built CLI, some in a pseudo-terminal: give slow machines room.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // On CI, a JSON report too, from which .ci/run prints a plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.vitest-report.json' }]] : ['default'],
  },
});
