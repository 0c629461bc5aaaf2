import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionRecord } from '../../src/store/sessions.js';
import { FIXTURES, tempDir, writeDraft } from '../helpers.js';

/**
 * A disk that fills up, or a file that cannot be deleted, at one chosen moment: `node:fs` as the
 * code sees it, with `writeSync` failing with ENOSPC at its n-th call and `rmSync` with EACCES for
 * the paths listed. The commands run in this process, through cli.ts's `run`.
 */
const faults = vi.hoisted(() => ({ writesLeft: Infinity, writes: 0, undeletable: new Set<string>() }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const fail = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });
  return {
    ...fs,
    writeSync: ((...args: Parameters<typeof fs.writeSync>) => {
      faults.writes++;
      if (faults.writesLeft-- <= 0) throw fail('ENOSPC');
      return fs.writeSync(...args);
    }) as typeof fs.writeSync,
    rmSync: ((path: Parameters<typeof fs.rmSync>[0], options?: Parameters<typeof fs.rmSync>[1]) => {
      if (faults.undeletable.has(String(path))) throw fail('EACCES');
      return fs.rmSync(path, options);
    }) as typeof fs.rmSync,
  };
});

// Test files share their worker and its modules (vitest.config.ts): calmclient's modules are loaded
// anew here, on the `node:fs` above, and dropped again when the file ends.
vi.resetModules();
const { run } = await import('../../src/cli.js');
afterAll(() => {
  vi.doUnmock('node:fs');
  vi.resetModules();
});
const crisisAnswers = join(FIXTURES, 'answers', 'crisis-en.yaml');

async function calmclient(home: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  process.env.CALMCLIENT_HOME = home;
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const code = await run([process.execPath, 'calmclient', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

function records(home: string): SessionRecord[] {
  const dir = join(home, 'sessions');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as SessionRecord);
}

const home0 = process.env.CALMCLIENT_HOME;
beforeEach(() => {
  faults.writesLeft = Infinity;
  faults.writes = 0;
  faults.undeletable.clear();
});
afterEach(() => {
  if (home0 === undefined) delete process.env.CALMCLIENT_HOME;
  else process.env.CALMCLIENT_HOME = home0;
});

describe('a disk that fills up at any moment of `start --answers` (issue 13, item 6)', () => {
  it('exits 2 naming the folder and the reason, writes all or nothing, and keeps the answers resumable', async () => {
    // How many writes a whole run makes.
    const probe = tempDir();
    mkdirSync(join(probe, 'out'));
    expect((await calmclient(probe, ['start', '--answers', crisisAnswers, '--out', join(probe, 'out')])).code).toBe(0);
    const total = faults.writes;
    expect(total).toBeGreaterThanOrEqual(6);

    for (let failing = 0; failing < total; failing++) {
      const home = tempDir();
      const out = join(home, 'out');
      mkdirSync(out);
      faults.writes = 0;
      faults.writesLeft = failing;
      const result = await calmclient(home, ['start', '--answers', crisisAnswers, '--out', out]);
      faults.writesLeft = Infinity;
      expect(result.code, `write ${failing + 1} of ${total} failing`).toBe(2);
      expect(result.stderr).toMatch(/cannot write to \S+: ENOSPC \(no space left on the disk\)/);
      expect(result.stderr).not.toMatch(/bug|Unexpected/);
      // All or nothing: no document without its record, no temporary file left.
      expect(readdirSync(out)).toEqual([]);
      expect(readdirSync(join(home, 'sessions')).filter((name) => !name.endsWith('.json'))).toEqual([]);
      const saved = records(home);
      expect(saved.length).toBeLessThanOrEqual(1);
      const [draft] = saved;
      if (draft) {
        // The answers are kept, and going on once the disk has room writes the documents.
        expect(draft.status).toBe('draft');
        expect(result.stderr).toContain(`Your answers are saved in session ${draft.id}`);
        const resumed = await calmclient(home, ['start', '--resume', draft.id, '--answers', crisisAnswers, '--out', out]);
        expect(resumed.code).toBe(0);
        expect(readdirSync(out)).toHaveLength(4);
      }
    }
  }, 120_000);
});

describe('forget, when a file cannot be deleted (issue 13, item 2)', () => {
  it('names each file it could not delete, deletes the rest, and exits 2', async () => {
    const home = tempDir();
    expect((await calmclient(home, ['start', '--answers', crisisAnswers, '--client', 'Roux'])).code).toBe(0);
    const [session] = records(home);
    const recap = session?.files.recap ?? '';
    faults.undeletable.add(recap);
    const result = await calmclient(home, ['forget', 'Roux', '--yes']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`could not delete ${recap}: EACCES (permission denied)`);
    expect(result.stderr).toContain('1 file(s) could not be deleted (see above): they still hold data about "Roux".');
    expect(existsSync(recap)).toBe(true);
    expect(existsSync(session?.files.email ?? '')).toBe(false);
    // The record that lists it stays, so that `forget` finds it again once the cause is fixed.
    expect(records(home).map((left) => left.id)).toEqual([session?.id]);
    faults.undeletable.clear();
    const again = await calmclient(home, ['forget', 'Roux', '--yes']);
    expect(again.stdout).toContain('Deleted 1 session(s) and 1 file(s) about "Roux".');
    expect(records(home)).toEqual([]);
  });
});

describe('resuming on a full disk (issue 13, item 6)', () => {
  it('says which folder is full when even the lock cannot be written, and goes on once there is room', async () => {
    const home = tempDir();
    const out = join(home, 'out');
    mkdirSync(out);
    writeDraft(home, { id: '2026-01-01-dupont-0001', answers: { breathe: true } });
    const [draft] = records(home);
    faults.writesLeft = 0;
    const full = await calmclient(home, ['start', '--resume', draft?.id ?? '', '--answers', crisisAnswers, '--out', out]);
    faults.writesLeft = Infinity;
    expect(full.code).toBe(2);
    expect(full.stderr).toMatch(/cannot write to \S+\/sessions: ENOSPC \(no space left on the disk\)/);
    expect((await calmclient(home, ['start', '--resume', draft?.id ?? '', '--answers', crisisAnswers, '--out', out])).code).toBe(0);
  });
});
