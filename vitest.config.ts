import { mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { SUITE_TZ } from './tests/suite-env.js';

// Before the workers start, so that they inherit it: Node reads TZ when it first needs a local time.
process.env.TZ = SUITE_TZ;
// No test may touch the real home: a run that forgets CALMCLIENT_HOME lands in a home of the
// suite's own, where the platform's data and config folders are made.
const home = mkdtempSync(join(tmpdir(), 'calmclient-suite-home-'));
Object.assign(process.env, {
  HOME: home,
  XDG_DATA_HOME: join(home, '.local', 'share'),
  XDG_CONFIG_HOME: join(home, '.config'),
  XDG_CACHE_HOME: join(home, '.cache'),
});

export default defineConfig({
  test: {
    env: { TZ: SUITE_TZ },
    setupFiles: ['tests/setup.ts'],
    // End-to-end tests spawn the built CLI, some in a pseudo-terminal: give slow machines room.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // On CI, a JSON report too, from which .ci/run prints a plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.vitest-report.json' }]] : ['default'],
    // Test files share their worker and the modules it loaded, instead of a new process each: that
    // was a third of the suite's time (docs/testing.md). A file that changes what others could see
    // (the environment, the folder, the clock, a module's state) puts it back; tests/setup.ts checks
    // what it can. The two projects never share a worker: every command run in-process sets the
    // state src/ keeps (the checker's language, zod's locale) from its own arguments, which a unit
    // test calling the checker directly must not inherit.
    poolOptions: { forks: { isolate: false } },
    // Two files at a time even on two cores (vitest's default is one less than the cores): a file
    // waiting on a spawned CLI or a pseudo-terminal leaves a core to the other.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'] } },
    ],
  },
});
