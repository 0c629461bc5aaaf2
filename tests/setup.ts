import { afterAll, beforeAll, expect, vi } from 'vitest';
import { removeTempDirs } from './helpers.js';

/**
 * Run before every test file. Files share their worker (vitest.config.ts): what one leaves changed
 * in the process, the next one would see. Checked here: the environment, the working folder and
 * the clock. The temporary folders a file made go when it ends.
 */

let env: NodeJS.ProcessEnv = {};
let cwd = '';

beforeAll(() => {
  env = { ...process.env };
  cwd = process.cwd();
});

afterAll(() => {
  removeTempDirs();
  expect(vi.isFakeTimers(), 'the file left fake timers on (vi.useRealTimers in an afterEach)').toBe(false);
  expect(process.cwd(), 'the file left the process in another folder').toBe(cwd);
  expect({ ...process.env }, 'the file left the environment changed').toEqual(env);
});
