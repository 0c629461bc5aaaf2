import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin', 'calmclient.js');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');

const created: string[] = [];
// Registered when a test file imports this module, so folders made inside tests go too.
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder (a data dir, an --out), removed when the test file ends: no test touches the real home. */
export function tempDir(prefix = 'calmclient-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** The environment every spawned CLI gets: a temporary home, no colours, English unless asked. */
export function cliEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CALMCLIENT_HOME: home, NO_COLOR: '1', LANG: 'en_US.UTF-8', ...extra };
  for (const name of ['FORCE_COLOR', 'LC_ALL', 'LC_MESSAGES', 'CALMCLIENT_LANG'] as const)
    if (!(name in extra)) delete env[name];
  return env;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built binary without a terminal (stdin is a pipe, closed after `input`). */
export function runCli(args: string[], options: { home: string; env?: NodeJS.ProcessEnv; input?: string; cwd?: string }): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: cliEnv(options.home, options.env),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 20_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Writes an unfinished session record into a test data dir, as an interrupted interactive run
 * leaves it; `fields` override the defaults (an English crisis draft of Dupont's).
 */
export function writeDraft(home: string, fields: Record<string, unknown> & { id: string }): void {
  const kind = typeof fields.kind === 'string' ? fields.kind : 'crisis';
  const lang = typeof fields.lang === 'string' ? fields.lang : 'en';
  const record = {
    version: 1,
    kind,
    status: 'draft',
    client: 'Dupont',
    lang,
    playbook: { id: kind, source: join(ROOT, 'playbooks', lang, `${kind}.yaml`) },
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:05:00.000Z',
    answers: {},
    files: {},
    ...fields,
  };
  mkdirSync(join(home, 'sessions'), { recursive: true, mode: 0o700 });
  writeFileSync(join(home, 'sessions', `${fields.id}.json`), JSON.stringify(record));
}
