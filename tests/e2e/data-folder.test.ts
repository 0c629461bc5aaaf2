import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runInProcess, tempDir, writeDraft } from '../helpers.js';

const crisisAnswers = join(FIXTURES, 'answers', 'crisis-en.yaml');
const mode = (path: string): number => statSync(path).mode & 0o777;
const root = process.getuid?.() === 0;

describe('a data folder calmclient cannot write to (issue 13, item 6)', () => {
  const cases: [string, () => string, RegExp][] = [
    ['a file where the folder should be', () => {
      const file = join(tempDir(), 'data');
      writeFileSync(file, 'not a folder');
      return file;
    }, /cannot write to \S+\/data\/sessions: ENOTDIR/],
    ['a folder inside /proc, where nothing can be made', () => '/proc/self', /cannot write to \/proc\/self\/sessions: ENOENT/],
  ];
  if (!root)
    cases.push([
      'a read-only folder',
      () => {
        const dir = tempDir();
        chmodSync(dir, 0o500);
        return dir;
      },
      /cannot write to \S+\/sessions: EACCES \(permission denied\)/,
    ]);

  it.each(cases)('%s: exit 2 with the folder and the reason, before anything is written', async (_what, make, message) => {
    const home = make();
    const out = tempDir();
    const result = await runInProcess(['start', '--answers', crisisAnswers, '--out', out], { home });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/bug|Unexpected|\n\s+at /);
    expect(readdirSync(out)).toEqual([]);
  });

  it('checks it before the first question, as it checks --out (no terminal needed to see it)', async () => {
    const file = join(tempDir(), 'data');
    writeFileSync(file, '');
    const result = await runInProcess(['checklist', '--client', 'Dupont', '--answers', join(FIXTURES, 'answers', 'prevention-en.yaml')], { home: file });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot write to .*data\/sessions/);
  });
});

describe('the privacy of the data folders (issue 13, item 13)', () => {
  it('tightens folders left open to 0700, with a note on stderr', async () => {
    const home = tempDir();
    writeDraft(home, { id: '2026-01-01-dupont-0001' });
    mkdirSync(join(home, 'recaps'));
    for (const dir of [home, join(home, 'sessions'), join(home, 'recaps')]) chmodSync(dir, 0o777);
    const result = await runInProcess(['history'], { home });
    expect(result.code).toBe(0);
    for (const dir of [home, join(home, 'sessions'), join(home, 'recaps')]) {
      expect(mode(dir)).toBe(0o700);
      expect(result.stderr).toContain(`Note: ${dir} could be read by others (mode 0777); it holds notes about your clients, so it is now private (0700).`);
    }
    expect((await runInProcess(['history'], { home })).stderr).toBe('');
  });

  it('leaves alone a shared folder it does not own or that has the sticky bit (such as /tmp)', async () => {
    const home = join(tempDir(), 'shared');
    mkdirSync(home);
    chmodSync(home, 0o1777);
    writeDraft(home, { id: '2026-01-01-dupont-0002' });
    const result = await runInProcess(['history'], { home });
    expect(mode(home)).toBe(0o777);
    expect(statSync(home).mode & 0o1000).toBe(0o1000);
    expect(result.stderr).not.toContain(`Note: ${home} `);
  });
});
