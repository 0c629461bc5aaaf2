import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli, runInProcess, tempDir, writeDraft, type CliResult } from '../helpers.js';
import { slugify } from '../../src/text/slug.js';

const answers = (name: string) => join(FIXTURES, 'answers', name);
const mode = (path: string) => statSync(path).mode & 0o777;

function writtenPaths(stdout: string): { recap: string; email: string } {
  const paths = stdout.split('\n').map((line) => /(\/\S+\.md)$/.exec(line)?.[1]).filter((p): p is string => p !== undefined);
  const recap = paths.find((p) => /-recap(-\d+)?\.md$/.test(p));
  const email = paths.find((p) => /-email(-\d+)?\.md$/.test(p));
  if (!recap || !email) throw new Error(`no paths in:\n${stdout}`);
  return { recap, email };
}

describe.each([
  ['en', 'crisis-en.yaml', 'Dupont & Fils', slugify('Dupont & Fils'), /Subject: /, /Hello Priya,/],
  ['fr', 'crisis-fr.yaml', 'Société Lefèvre', 'société-lefèvre', /Objet\u00a0: /, /Bonjour Sophie,/],
])('calmclient start --answers (%s)', (lang, file, client, slug, subject, greeting) => {
  const home = tempDir();
  const out = join(home, 'out');
  let result: CliResult;

  beforeAll(async () => {
    mkdirSync(out);
    result = await runInProcess(['start', '--lang', lang, '--answers', answers(file), '--out', out], { home });
  });

  it('exits 0 and prints the two paths', async () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { recap, email } = writtenPaths(result.stdout);
    expect(recap).toMatch(new RegExp(`^${out}/\\d{4}-\\d{2}-\\d{2}-${slug}-recap\\.md$`));
    expect(email).toMatch(new RegExp(`^${out}/\\d{4}-\\d{2}-\\d{2}-${slug}-email\\.md$`));
  });

  it('writes a complete recap and email, private to the user', async () => {
    const { recap, email } = writtenPaths(result.stdout);
    const recapText = readFileSync(recap, 'utf8');
    const emailText = readFileSync(email, 'utf8');
    expect(recapText).toContain(client);
    expect(emailText).toMatch(subject);
    expect(emailText).toMatch(greeting);
    for (const text of [recapText, emailText]) {
      expect(text).not.toMatch(/\{\{|undefined|null|NaN/);
      expect(text).toMatch(/\d{4}/);
    }
    expect(mode(recap)).toBe(0o600);
    expect(mode(email)).toBe(0o600);
  });

  it('saves the session record in the data dir', async () => {
    const sessions = join(home, 'sessions');
    const [record] = readdirSync(sessions);
    expect(mode(sessions)).toBe(0o700);
    const session = JSON.parse(readFileSync(join(sessions, record ?? ''), 'utf8'));
    expect(session).toMatchObject({ version: 1, kind: 'crisis', status: 'open', client, lang });
    expect(mode(join(sessions, record ?? ''))).toBe(0o600);
  });

  it('never overwrites an earlier recap: a second run gets a -2 file', async () => {
    const again = await runInProcess(['start', '--lang', lang, '--answers', answers(file), '--out', out], { home });
    expect(again.code).toBe(0);
    expect(writtenPaths(again.stdout).recap).toMatch(/-recap-2\.md$/);
  });
});

describe('calmclient start, when it cannot run', () => {
  const home = tempDir();

  // Spawned, these two: what a process without a terminal does.
  it('stops at once without a terminal and without --answers', () => {
    const started = Date.now();
    const result = runCli(['start'], { home });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no terminal to ask questions on.*--answers FILE/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('says the same in French', () => {
    const result = runCli(['start'], { home, env: { LANG: 'fr_FR.UTF-8' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/pas de terminal/);
  });

  it('lists every missing required answer by id', async () => {
    const partial = join(home, 'partial.yaml');
    writeFileSync(partial, 'client: Dupont\nclient_words: It is late.\ntone: angry\n');
    const result = await runInProcess(['start', '--answers', partial], { home });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/required answers missing in .*partial\.yaml: gap, fault, need, hidden_demand, solution, deadline, agreement, followup_date/);
    expect(existsIn(home, 'recaps')).toBe(false);
  });

  it('points at a wrong answer in the answers file, with a suggestion for a typo', async () => {
    const wrong = join(home, 'wrong.yaml');
    writeFileSync(wrong, `${readFileSync(answers('crisis-en.yaml'), 'utf8')}tonne: angry\n`);
    const typo = await runInProcess(['start', '--answers', wrong], { home });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/wrong\.yaml:\d+:1: unknown step id "tonne" in playbook "crisis" \(did you mean "tone"\?\)/);

    const badValue = join(home, 'bad-value.yaml');
    writeFileSync(badValue, readFileSync(answers('crisis-en.yaml'), 'utf8').replace('tone: angry', 'tone: furious'));
    const refused = await runInProcess(['start', '--answers', badValue], { home });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/bad-value\.yaml:5:7: tone: "furious" is not one of: worried, frustrated, angry, personal/);
    expect(refused.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('asks for the client when neither --client nor the answers file names one', async () => {
    const anonymous = join(home, 'anonymous.yaml');
    writeFileSync(anonymous, readFileSync(answers('crisis-en.yaml'), 'utf8').replace(/^client: .*\n/m, ''));
    const result = await runInProcess(['start', '--answers', anonymous], { home });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--client NAME/);
    expect((await runInProcess(['start', '--answers', anonymous, '--client', 'Martin'], { home })).code).toBe(0);
  });

  it.each(['../../etc/passwd', 'CON', '😡 Dupont & fils', '...'])('keeps files for a client called %j inside --out', async (client) => {
    const out = tempDir();
    const result = await runInProcess(['start', '--answers', answers('crisis-en.yaml'), '--client', client, '--out', out], { home });
    expect(result.code).toBe(0);
    const { recap, email } = writtenPaths(result.stdout);
    for (const path of [recap, email]) expect(path.startsWith(`${out}/`) && !path.slice(out.length + 1).includes('/')).toBe(true);
    expect(readFileSync(recap, 'utf8')).toContain(client);
  });

  it('makes a missing --out folder with its parents, private, and says so', async () => {
    const out = join(home, 'new', 'deep', 'folder');
    const result = await runInProcess(['start', '--answers', answers('crisis-en.yaml'), '--out', out, '--lang', 'fr'], { home });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Dossier créé\u00a0: ${out}`);
    expect(readdirSync(out).filter((name) => name.endsWith('.md'))).toHaveLength(2);
    if (process.platform !== 'win32') expect(statSync(join(home, 'new')).mode & 0o777).toBe(0o700);
  });

  it('refuses an --out folder it cannot make before asking anything', async () => {
    const file = join(home, 'a-file');
    writeFileSync(file, 'x');
    const result = await runInProcess(['start', '--answers', answers('crisis-en.yaml'), '--out', join(file, 'nope')], { home });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot write to .*nope: it is not a folder/);
  });

  it.runIf(existsSync('/sys'))('says which folder failed when writing is refused, and leaves nothing behind', async () => {
    // /sys refuses new files even to root, who passes every permission check before writing.
    const result = await runInProcess(['start', '--answers', answers('crisis-en.yaml'), '--out', '/sys'], { home });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot write to \/sys: EACCES/);
    expect(result.stderr).not.toMatch(/Unexpected error/);
  });

  it('reports a broken playbook with its line and column, never a stack trace', async () => {
    const result = await runInProcess(['start', '--playbook', join(FIXTURES, 'playbooks', 'broken', 'unknown-type.yaml')], { home });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown-type\.yaml:8:11: unknown step type "inptu"/);
    expect(result.stderr).toContain('      type: inptu\n            ^');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an unknown language or playbook id as bad usage', async () => {
    expect(await runInProcess(['start', '--lang', 'de'], { home })).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown language "de"/) });
    expect(await runInProcess(['start', '--playbook', 'nope'], { home })).toMatchObject({ code: 2, stderr: expect.stringMatching(/no playbook "nope"/) });
  });
});

function existsIn(dir: string, name: string): boolean {
  return readdirSync(dir).includes(name);
}

describe('calmclient start --resume, without a terminal', () => {
  it('finishes a draft from an answers file, keeping the earlier answers', async () => {
    const home = tempDir();
    const id = '2026-11-20-dupont-ab12';
    writeDraft(home, { id, answers: { breathe: true, listen: true, client_words: 'Typed before the call dropped.', tone: 'angry' } });
    const rest = join(home, 'rest.yaml');
    writeFileSync(rest, readFileSync(answers('crisis-en.yaml'), 'utf8').replace(/^client_words:.*\n(  .*\n)*/m, '').replace(/^tone:.*\n/m, ''));

    const result = await runInProcess(['start', '--resume', id, '--answers', rest], { home });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const saved = JSON.parse(readFileSync(join(home, 'sessions', `${id}.json`), 'utf8'));
    expect(saved).toMatchObject({ id, status: 'open', answers: { client_words: 'Typed before the call dropped.', tone: 'angry' } });
    expect(readFileSync(writtenPaths(result.stdout).recap, 'utf8')).toContain('Typed before the call dropped.');
  });

  it('resumes a checklist the same way, with its mission', async () => {
    const home = tempDir();
    const id = '2026-11-20-dupont-c0de';
    writeDraft(home, {
      id,
      kind: 'prevention',
      answers: { frame: true, stakes: 'settled', stakes_details: 'Typed before the interruption.' },
      templateValues: { mission: 'New shop' },
    });
    const rest = join(home, 'rest.yaml');
    writeFileSync(rest, readFileSync(answers('prevention-en.yaml'), 'utf8').replace(/^stakes(_details)?:.*\n/gm, ''));
    const result = await runInProcess(['checklist', '--resume', '--answers', rest], { home });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const saved = JSON.parse(readFileSync(join(home, 'sessions', `${id}.json`), 'utf8'));
    expect(saved).toMatchObject({ id, status: 'done', answers: { stakes_details: 'Typed before the interruption.' } });
    const email = readFileSync(writtenPaths(result.stdout).email, 'utf8');
    expect(email).toContain('Typed before the interruption.');
    expect(email).toContain('New shop');
  });

  it('says so when there is nothing to resume', async () => {
    const home = tempDir();
    const result = await runInProcess(['start', '--resume'], { home });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no unfinished crisis session to resume/);
  });
});
