import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runInProcess, tempDir } from '../helpers.js';

interface ListedRow {
  id: string;
  lang: string | null;
  source: 'user' | 'built-in';
  active: boolean;
  valid: boolean;
  file: string;
  problem?: { file: string; line: number; col: number; message: string };
}

const listJson = async (home: string): Promise<ListedRow[]> =>
  JSON.parse((await runInProcess(['playbooks', 'list', '--json'], { home })).stdout) as ListedRow[];

describe('calmclient playbooks new', () => {
  it('writes a starter playbook in CALMCLIENT_HOME/playbooks/<lang>/ and prints its path', async () => {
    const home = tempDir();
    const result = await runInProcess(['playbooks', 'new', 'my-crisis'], { home });
    const file = join(home, 'playbooks', 'en', 'my-crisis.yaml');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toContain(file);
    expect(result.stdout).toContain(`calmclient playbooks validate ${file}`);
    expect(result.stderr).toBe('');
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${join(ROOT, 'schema', 'playbook.schema.json')}`);
    expect((await runInProcess(['playbooks', 'validate', file], { home })).code).toBe(0);
  });

  it('writes French with --lang fr, the kind asked, and --quiet leaves the path alone on stdout', async () => {
    const home = tempDir();
    const result = await runInProcess(['playbooks', 'new', 'cadrage', '--lang', 'fr', '--kind', 'prevention', '--quiet'], { home });
    const file = join(home, 'playbooks', 'fr', 'cadrage.yaml');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${file}\n`);
    expect(readFileSync(file, 'utf8')).toMatch(/^kind: prevention {2}#/m);
    expect(readFileSync(file, 'utf8')).toContain('Qu\'a dit le client ?');
  });

  it('never overwrites: a second `new` with the same id fails and leaves the file as it was', async () => {
    const home = tempDir();
    expect((await runInProcess(['playbooks', 'new', 'mine'], { home })).code).toBe(0);
    const file = join(home, 'playbooks', 'en', 'mine.yaml');
    writeFileSync(file, '# edited by hand\n');
    const again = await runInProcess(['playbooks', 'new', 'mine'], { home });
    expect(again.code).toBe(2);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(file, 'utf8')).toBe('# edited by hand\n');
  });

  it('says so, with exit 2, when the playbooks folder cannot be written', async () => {
    const home = tempDir();
    writeFileSync(join(home, 'playbooks'), 'a file where the folder should be');
    const result = await runInProcess(['playbooks', 'new', 'mine'], { home });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cannot write to ${join(home, 'playbooks', 'en')}`);
  });

  it('refuses a bad id, a reserved id and an unknown kind with exit 2', async () => {
    const home = tempDir();
    for (const args of [['Bad Id'], ['reply-rules'], ['ok', '--kind', 'panic']]) {
      const result = await runInProcess(['playbooks', 'new', ...args], { home });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^calmclient: /);
    }
    expect(existsSync(join(home, 'playbooks', 'en', 'ok.yaml'))).toBe(false);
  });
});

describe('the user playbooks folder', () => {
  it('is listed beside the built-in playbooks, with a source column', async () => {
    const home = tempDir();
    await runInProcess(['playbooks', 'new', 'my-crisis'], { home });
    const table = await runInProcess(['playbooks', 'list', '--lang', 'en'], { home });
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^ID\s+KIND\s+LANG\s+STEPS\s+SOURCE\s+TITLE$/);
    expect(table.stdout).toMatch(/^my-crisis\s+crisis\s+en\s+5\s+yours\s+My own playbook$/m);
    expect(table.stdout).toMatch(/^crisis\s+crisis\s+en\s+\d+\s+built-in\s+/m);
    const rows = (await listJson(home));
    expect(rows.find((row) => row.id === 'my-crisis')).toMatchObject({ source: 'user', active: true, valid: true, lang: 'en' });
    expect(rows.find((row) => row.id === 'crisis' && row.lang === 'en')).toMatchObject({ source: 'built-in', active: true });
  });

  it('runs a user playbook by id with start --playbook ID', async () => {
    const home = tempDir();
    await runInProcess(['playbooks', 'new', 'my-crisis'], { home });
    const answers = join(home, 'answers.yaml');
    writeFileSync(answers, 'client: Dupont\nclient_words: It is late.\nfault: mine\napology: I am sorry for the delay.\nnext_call: "+2"\n');
    const result = await runInProcess(['start', '--playbook', 'my-crisis', '--answers', answers, '--format', 'md'], { home });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const email = result.stdout.match(/(\S+-email\.md)$/m)?.[1] ?? '';
    expect(readFileSync(email, 'utf8')).toContain('I am sorry for the delay.');
  });

  it('lets a user playbook with a built-in id replace the built-in one for --playbook ID', async () => {
    const home = tempDir();
    await runInProcess(['playbooks', 'new', 'crisis'], { home });
    const rows = (await listJson(home));
    expect(rows.filter((row) => row.id === 'crisis' && row.lang === 'en').map((row) => [row.source, row.active])).toEqual([
      ['built-in', false],
      ['user', true],
    ]);
    expect((await runInProcess(['playbooks', 'list', '--lang', 'en'], { home })).stdout).toContain('built-in, replaced by yours');
    const show = JSON.parse((await runInProcess(['playbooks', 'show', 'crisis', '--json'], { home })).stdout) as { source: string; title: string };
    expect(show.source).toBe(join(home, 'playbooks', 'en', 'crisis.yaml'));
    // The French built-in one is still there for French users.
    expect(JSON.parse((await runInProcess(['playbooks', 'show', 'crisis', '--lang', 'fr', '--json'], { home })).stdout).source).toBe(
      join(ROOT, 'playbooks', 'fr', 'crisis.yaml'),
    );
  });

  it('shows a broken user playbook as invalid, with its first located problem, without hiding the others', async () => {
    const home = tempDir();
    await runInProcess(['playbooks', 'new', 'broken'], { home });
    const file = join(home, 'playbooks', 'en', 'broken.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: My own playbook', 'title: My own playbook\ncolour: blue'));
    const table = await runInProcess(['playbooks', 'list'], { home });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^broken\s+-\s+en\s+-\s+yours\s+invalid: unknown field "colour"$/m);
    expect(table.stdout).toMatch(/^crisis\s+crisis\s+fr\s/m);
    expect(table.stderr).toContain(`${file}:10:1: unknown field "colour"`);
    const broken = (await listJson(home)).find((row) => row.id === 'broken');
    expect(broken).toMatchObject({ valid: false, problem: { file, line: 10, col: 1, message: 'unknown field "colour"' } });
    // Running it reports the same located problem.
    const start = await runInProcess(['start', '--playbook', 'broken', '--answers', join(FIXTURES, 'answers', 'crisis-en.yaml')], { home });
    expect(start.code).toBe(2);
    expect(start.stderr).toContain(`${file}:10:1: unknown field "colour"`);
  });

  it('reports a playbook whose id or language does not match its place, and a file outside the language folders', async () => {
    const home = tempDir();
    await runInProcess(['playbooks', 'new', 'renamed'], { home });
    const dir = join(home, 'playbooks', 'en');
    writeFileSync(join(dir, 'other.yaml'), readFileSync(join(dir, 'renamed.yaml'), 'utf8'));
    mkdirSync(join(home, 'playbooks', 'fr'));
    writeFileSync(join(home, 'playbooks', 'fr', 'renamed.yaml'), readFileSync(join(dir, 'renamed.yaml'), 'utf8'));
    writeFileSync(join(home, 'playbooks', 'loose.yaml'), 'id: loose\n');
    const rows = (await listJson(home));
    expect(rows.find((row) => row.id === 'other')?.problem?.message).toBe(
      'the playbook\'s id is "renamed" but its file is named "other.yaml": rename one so that they match',
    );
    expect(rows.find((row) => row.id === 'renamed' && row.lang === 'fr')?.problem).toMatchObject({
      line: 8,
      message: 'playbook language is "en" but it sits in the "fr" folder',
    });
    expect(rows.find((row) => row.id === 'loose')).toMatchObject({ valid: false, lang: null, source: 'user' });
    expect(rows.find((row) => row.id === 'loose')?.problem?.message).toContain('en/, fr/');
  });

  it('names the user playbooks in the list of known ids when an id is unknown', async () => {
    const home = tempDir();
    await runInProcess(['playbooks', 'new', 'mine'], { home });
    const result = await runInProcess(['playbooks', 'show', 'nope'], { home });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/known: .*mine/);
  });
});
