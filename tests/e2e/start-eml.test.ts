import PostalMime from 'postal-mime';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runInProcess, tempDir } from '../helpers.js';

const answers = join(FIXTURES, 'answers', 'crisis-en.yaml');

interface Session {
  files: { recap?: string; email?: string; eml?: string };
}

/** The recap and e-mail files written (the calendar file of the next contact is another feature's). */
function writtenFiles(home: string): string[] {
  return readdirSync(join(home, 'recaps'))
    .filter((name) => !name.endsWith('.ics'))
    .sort();
}

describe('calmclient start: the e-mail draft as an .eml file', () => {
  it('writes the markdown draft and the .eml by default; a mail parser reads the same subject and text back', async () => {
    const home = tempDir();
    const result = await runInProcess(['start', '--answers', answers], { home });
    expect(result.code).toBe(0);
    const written = (end: string): string => result.stdout.split('\n').find((line) => line.endsWith(end))?.trim().split(/\s+/).at(-1) ?? '';
    const [recap, emailMd, emailEml] = [written('-recap.md'), written('-email.md'), written('-email.eml')];
    expect(writtenFiles(home)).toEqual([recap, emailEml, emailMd].map((path) => path.split('/').at(-1)).sort());

    const markdown = readFileSync(emailMd ?? '', 'utf8');
    const subject = markdown.split('\n')[0]?.replace(/^Subject: /, '');
    const raw = readFileSync(emailEml ?? '', 'utf8');
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const email = await PostalMime.parse(raw);
    expect(email.subject).toBe(subject);
    expect(email.headers.find((header) => header.key === 'x-unsent')?.value).toBe('1');
    const text = (email.text ?? '').replace(/\r\n/g, '\n');
    expect(text).toContain('Hello Priya,');
    expect(text).toContain('Camille Martin');
    expect(text.startsWith('Subject:')).toBe(false);

    const sessions = readdirSync(join(home, 'sessions'));
    const session = JSON.parse(readFileSync(join(home, 'sessions', sessions[0] ?? ''), 'utf8')) as Session;
    expect(session.files).toMatchObject({ recap, email: emailMd, eml: emailEml });
  });

  it('writes only the markdown draft with --format md, only the .eml with --format eml', async () => {
    const mdHome = tempDir();
    expect((await runInProcess(['start', '--answers', answers, '--format', 'md'], { home: mdHome })).code).toBe(0);
    expect(writtenFiles(mdHome).map((name) => name.replace(/^.*-(recap|email)/, '$1'))).toEqual(['email.md', 'recap.md']);
    const emlHome = tempDir();
    expect((await runInProcess(['start', '--answers', answers, '--format', 'eml'], { home: emlHome })).code).toBe(0);
    expect(writtenFiles(emlHome).map((name) => name.replace(/^.*-(recap|email)/, '$1'))).toEqual(['email.eml', 'recap.md']);
  });

  it('refuses an unknown format with exit 2 before asking anything', async () => {
    const home = tempDir();
    const result = await runInProcess(['start', '--answers', answers, '--format', 'pdf'], { home });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('md, eml, both');
  });

  it('encodes the French draft: accents in the subject and body come back intact', async () => {
    const home = tempDir();
    const french = join(home, 'reponses.yaml');
    const text = readFileSync(answers, 'utf8')
      .replace('client: Dupont & Fils', 'client: Société Générale d’Études')
      .replace('signature: Camille Martin', 'signature: Hélène Château');
    writeFileSync(french, text);
    const result = await runInProcess(['start', '--answers', french, '--lang', 'fr'], { home });
    expect(result.stderr).toBe('');
    const emlPath = result.stdout.match(/(\S+-email\.eml)$/m)?.[1] ?? '';
    const raw = readFileSync(emlPath, 'utf8');
    expect(raw).toMatch(/^[\x00-\x7f]*$/);
    expect(raw).toMatch(/^Subject: =\?UTF-8\?B\?/m);
    const email = await PostalMime.parse(raw);
    const markdown = readFileSync(emlPath.replace(/\.eml$/, '.md'), 'utf8');
    expect(email.subject).toBe(markdown.split('\n')[0]?.replace(/^Objet\u00a0: /, ''));
    expect(email.subject).toMatch(/é/);
    expect(email.text).toContain('Bonjour Priya,');
    expect(email.text).toContain('Hélène Château');
  });
});
