import { existsSync, readdirSync, readFileSync, watch } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../src/store/sessions.js';
import { slugify } from '../../src/text/slug.js';
import { FIXTURES, runInProcess, tempDir } from '../helpers.js';
import { startCli } from '../reliability/spawn.js';

/**
 * `start --answers` killed (SIGKILL) at random moments, many runs side by side into one data folder
 * and one --out: what is left must be a store calmclient reads, with no document that no record
 * lists, and `forget` must then leave nothing of the client anywhere. At least 100 kills of a live
 * run; `CALMCLIENT_CRASH_KILLS=N` for more.
 */
const KILLS = Number(process.env.CALMCLIENT_CRASH_KILLS ?? '') || 100;
const SIDE_BY_SIDE = 4;
const crisisAnswers = join(FIXTURES, 'answers', 'crisis-en.yaml');
const CLIENT = 'Crash & Co';
const OTHER = 'Autre Client';

/** Every file under `dir`, hidden ones included. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function records(home: string): SessionRecord[] {
  return readdirSync(join(home, 'sessions'))
    .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
    .map((name) => JSON.parse(readFileSync(join(home, 'sessions', name), 'utf8')) as SessionRecord);
}

const isDocument = (path: string): boolean => /\.(md|eml|ics)$/.test(path);

describe('start --answers killed at random moments (issue 13, the crash test)', () => {
  it(`survives ${KILLS} kills: the store reads, every document has its record, forget leaves nothing`, async () => {
    const started = Date.now();
    const home = tempDir();
    const out = tempDir();
    // Another client's sessions, which must come out of all this untouched. (Run in-process, as are
    // the checks at the end: only the runs that are killed need a process of their own.)
    for (let i = 0; i < 2; i++) expect((await runInProcess(['start', '--answers', crisisAnswers, '--client', OTHER, '--out', out], { home })).code).toBe(0);
    const untouched = new Map(filesUnder(home).concat(filesUnder(out)).map((path) => [path, readFileSync(path, 'utf8')]));

    // How long a run takes here, side by side with the others.
    const timed = Date.now();
    const calibration = await Promise.all(
      Array.from({ length: SIDE_BY_SIDE }, () => startCli(['start', '--answers', crisisAnswers, '--client', CLIENT, '--out', out], home).done),
    );
    for (const run of calibration) expect(run.code).toBe(0);
    const span = Date.now() - timed;

    // A third of the kills fall anywhere in a run. The others fall while it writes: the first
    // temporary file of its session (named after the session and its process, after the probe of
    // the folder) starts the record and the documents, and the kill comes from 0 to 150 ms after
    // it, about the time the writing takes here.
    const writing = new Map<number, () => void>();
    const seen = (_event: string, name: string | Buffer | null): void => {
      const pid = /^\.\d{4}-\d{2}-\d{2}-.*\.(\d+)\.[0-9a-f]{8}\.tmp$/s.exec(String(name ?? ''))?.[1];
      if (pid !== undefined) writing.get(Number(pid))?.();
    };
    const watchers = [watch(join(home, 'sessions'), seen), watch(out, seen)];

    let kills = 0;
    let whileWriting = 0;
    let finished = 0;
    const worker = async (): Promise<void> => {
      while (kills < KILLS) {
        const run = startCli(['start', '--answers', crisisAnswers, '--client', CLIENT, '--out', out], home);
        const kill = (during = false): void => {
          if (run.child.exitCode === null && run.child.signalCode === null && run.child.kill('SIGKILL')) {
            kills++;
            if (during) whileWriting++;
          }
        };
        const timers: NodeJS.Timeout[] = [];
        const pid = run.child.pid ?? 0;
        if (Math.random() < 1 / 3) timers.push(setTimeout(() => kill(), Math.random() * span));
        else
          writing.set(pid, () => {
            writing.delete(pid);
            timers.push(setTimeout(() => kill(true), Math.random() * 150));
          });
        const result = await run.done;
        writing.delete(pid);
        for (const timer of timers) clearTimeout(timer);
        if (result.signal === null) {
          finished++;
          expect(result.stderr).toBe('');
          expect(result.code).toBe(0);
        }
      }
    };
    await Promise.all(Array.from({ length: SIDE_BY_SIDE }, worker));
    for (const watcher of watchers) watcher.close();
    const crashed = Date.now() - started;

    // The store reads: every record whole, none skipped.
    const history = await runInProcess(['history', '--json'], { home });
    expect(history.code).toBe(0);
    expect(history.stderr).toBe('');
    // What the kills left: drafts that list files (killed between the record and the end), temporary files.
    const caughtWriting = records(home).filter((record) => record.status === 'draft' && (record.written?.length ?? 0) > 0).length;
    const temporary = [...filesUnder(home), ...filesUnder(out)].filter((path) => path.endsWith('.tmp')).length;
    const listed = new Set(records(home).flatMap((record) => [...(record.written ?? []), ...Object.values(record.files)]));
    // No document exists that no record lists.
    for (const path of [...filesUnder(out), ...filesUnder(join(home, 'recaps'))].filter(isDocument))
      expect(listed.has(path), `${path} is listed by no record`).toBe(true);

    const forget = await runInProcess(['forget', CLIENT, '--yes'], { home });
    expect(forget.code).toBe(0);
    // Nothing of the client is left: no file named for it, none holding its name, under either folder.
    const slug = slugify(CLIENT);
    for (const path of [...filesUnder(home), ...filesUnder(out)]) {
      expect(path).not.toContain(slug);
      expect(readFileSync(path, 'utf8')).not.toContain(CLIENT);
    }
    for (const [path, contents] of untouched) expect(readFileSync(path, 'utf8')).toBe(contents);
    expect(records(home).map((record) => record.client)).toEqual([OTHER, OTHER]);
    expect(kills).toBeGreaterThanOrEqual(KILLS);
    // eslint-disable-next-line no-console -- the numbers the reliability notes quote
    console.info(
      `crash test: ${kills} kills (${whileWriting} while writing; left ${caughtWriting} drafts listing their documents, ${temporary} temporary files), ${finished} runs finished, run span ${Math.round(span)} ms, ${crashed} ms in all`,
    );
  }, 300_000);
});
