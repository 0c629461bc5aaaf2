import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { SessionRecord } from '../src/store/sessions.js';
import { SUITE_TZ } from './suite-env.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin', 'calmclient.js');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');

const created: string[] = [];

/** Removes the folders `tempDir` made; tests/setup.ts calls it after each test file. */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh folder (a data dir, an --out), removed when the test file ends: no test touches the real home. */
export function tempDir(prefix = 'calmclient-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/**
 * The environment every CLI a test runs gets: a temporary home, no colours, English and the suite's
 * time zone (tests/suite-env.ts) unless `extra` says otherwise.
 */
export function cliEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CALMCLIENT_HOME: home,
    NO_COLOR: '1',
    LANG: 'en_US.UTF-8',
    TZ: SUITE_TZ,
    ...extra,
  };
  // NODE_EXTRA_CA_CERTS too: Node reads that bundle as each process starts (about 40 ms of a 300 ms
  // `start --answers` on the project's machine, which sets it), and calmclient opens no connection.
  for (const name of ['FORCE_COLOR', 'LC_ALL', 'LC_MESSAGES', 'CALMCLIENT_LANG', 'NODE_EXTRA_CA_CERTS'] as const)
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

export interface RunOptions {
  home: string;
  env?: NodeJS.ProcessEnv;
  /** What stdin holds; it is closed after it, as a pipe would be. */
  input?: string;
  cwd?: string;
}

/**
 * Runs a command in the test's own process: `run(argv)` of src/cli.ts, as `bin/calmclient.js`
 * calls it, with the environment of `cliEnv` and `cwd` for the time of the call, stdin holding
 * `input` (a pipe, not a terminal), stdout and stderr caught. Tens of times faster than `runCli`,
 * and what it proves is the same for a command's output, exit code and files.
 *
 * It runs the TypeScript sources, not the bundle, and cannot see what only a process shows: the
 * exit code as `process.exit` passes it on, a terminal or its absence, output into a pipe,
 * signals, colours (chosen once per process, so FORCE_COLOR and NO_COLOR are refused here), the
 * start-up itself. Tests of those spawn `runCli` or a `PtySession`; a call that reaches
 * `process.exit` fails here and says so.
 *
 * Calls run one at a time (they share the process's environment and standard streams), and give
 * everything back as they found it.
 */
export function runInProcess(args: readonly string[], options: RunOptions): Promise<CliResult> {
  const turn = queue.then(() => runHere(args, options));
  queue = turn.catch(() => undefined);
  return turn;
}

let queue: Promise<unknown> = Promise.resolve();

async function runHere(args: readonly string[], options: RunOptions): Promise<CliResult> {
  for (const name of ['FORCE_COLOR', 'NO_COLOR'])
    if (options.env && name in options.env)
      throw new Error(`${name}: the colours are chosen once per process (src/terminal/output.ts), not per run: test this with runCli`);
  const { run } = await import('../src/cli.js');
  const stdout = new Captured();
  const stderr = new Captured();
  const stdin = new PassThrough();
  stdin.end(options.input ?? '');
  const restoreEnv = replaceEnv(cliEnv(options.home, options.env));
  const restoreStreams = replaceStreams({ stdin, stdout, stderr });
  const exit = process.exit;
  process.exit = ((code?: number | string | null) => {
    throw new Error(`process.exit(${code ?? ''}) in a command run in-process: test this one with runCli`);
  }) as typeof process.exit;
  const cwd = process.cwd();
  try {
    process.chdir(options.cwd ?? ROOT);
    const code = await run([process.execPath, BIN, ...args]);
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  } finally {
    process.chdir(cwd);
    process.exit = exit;
    restoreStreams();
    restoreEnv();
  }
}

/** A standard stream into a pipe: no terminal, no width; what is written is kept, at once. */
class Captured extends Writable {
  private readonly chunks: Buffer[] = [];

  // Kept as it is called, not through Writable's queue: the text is whole when the command returns.
  override write(chunk: unknown, encoding?: unknown, callback?: unknown): boolean {
    const done = [encoding, callback].find((arg): arg is (error?: Error | null) => void => typeof arg === 'function');
    const enc = typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8';
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, enc) : Buffer.from(chunk as Uint8Array));
    if (done) process.nextTick(done);
    return true;
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/** Makes `process.env` hold exactly `env`, in place (Node acts on some variables as they are set: TZ). */
function replaceEnv(env: NodeJS.ProcessEnv): () => void {
  const before = { ...process.env };
  const set = (wanted: NodeJS.ProcessEnv) => {
    for (const name of Object.keys(process.env)) if (!(name in wanted)) delete process.env[name];
    for (const [name, value] of Object.entries(wanted)) if (value !== undefined && process.env[name] !== value) process.env[name] = value;
  };
  set(env);
  return () => set(before);
}

type StreamName = 'stdin' | 'stdout' | 'stderr';

/** Puts `streams` in the place of the process's own, and gives back a function that puts them back. */
function replaceStreams(streams: Record<StreamName, NodeJS.ReadableStream | NodeJS.WritableStream>): () => void {
  const names = Object.keys(streams) as StreamName[];
  const saved = names.map((name) => [name, Object.getOwnPropertyDescriptor(process, name)] as const);
  for (const name of names) Object.defineProperty(process, name, { value: streams[name], configurable: true, writable: true });
  return () => {
    for (const [name, descriptor] of saved)
      if (descriptor) Object.defineProperty(process, name, descriptor);
      else delete (process as Partial<Record<StreamName, unknown>>)[name];
  };
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

/** A finished English crisis session of Dupont & Fils, as `saveSession` takes it; `overrides` change any field. */
export function sessionRecord(id: string, overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    version: 1,
    id,
    kind: 'crisis',
    status: 'open',
    client: 'Dupont & Fils',
    lang: 'en',
    playbook: { id: 'crisis', source: '/somewhere/crisis.yaml' },
    createdAt: '2026-11-22T09:00:00.000Z',
    updatedAt: '2026-11-22T09:30:00.000Z',
    answers: { tone: 'angry', agreement: true, needs: ['shine'] },
    promise: { what: 'Fix the payment module', by: '2026-11-25' },
    nextContact: '2026-11-26T10:00',
    files: { recap: '/somewhere/recap.md' },
    ...overrides,
  };
}
