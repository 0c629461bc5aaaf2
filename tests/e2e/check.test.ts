import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node-pty';
import { describe, expect, it } from 'vitest';
import { BIN, cliEnv, FIXTURES, ROOT, runInProcess, tempDir } from '../helpers.js';

const home = tempDir();
const draft = (lang: string, name: string): string => join(FIXTURES, 'replies', 'dev', lang, name);
const WITH_FINDINGS = draft('en', '10-newsletter-sorry-but.md');
const CLEAN = draft('en', '01-launch-new-date.md');

interface JsonReport {
  version: number;
  file: string;
  lang: string;
  findings: { rule: string; category: string; line: number; col: number; endLine: number; endCol: number; text: string; message: string; suggestion: string }[];
  summary: { findings: number; rules: string[] };
}

describe('calmclient check', () => {
  it('prints each finding with its place, the words underlined and a suggestion, then a summary; exit 1', async () => {
    const result = await runInProcess(['check', WITH_FINDINGS], { home });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    const head = lines.findIndex((line) => line.startsWith(`${WITH_FINDINGS}:3:5 apology-but `));
    expect(head).toBeGreaterThanOrEqual(0);
    // A long line is cut between words around the finding.
    expect(lines[head + 1]).toBe("  I'm sorry about the newsletter, but the contact list you sent had the columns in a different order…");
    expect(lines[head + 2]).toBe(`      ${'^'.repeat('sorry about the newsletter, but'.length)}`);
    expect(lines[head + 3]).toMatch(/^ {2}→ End the apology with a full stop\./);
    // The finding about the draft as a whole (no acknowledgement anywhere: the apology is taken back) comes last.
    expect(result.stdout).toMatch(new RegExp(`^${WITH_FINDINGS}:1:1 feeling-first `, 'm'));
    expect(lines.filter((line) => line !== '').at(-1)).toBe(
      `${WITH_FINDINGS}: 4 findings from 4 rules: apology-but, client-fault, not-my-fault, feeling-first`,
    );
    // NO_COLOR: carets carry the underline, and no escape sequence gets in the way.
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });

  it('says so and exits 0 when the draft is clean', async () => {
    const result = await runInProcess(['check', CLEAN], { home });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${CLEAN}: no finding. The draft reads calm and concrete.\n`);
  });

  it('reads the draft from standard input with -, or with no FILE when input is piped', async () => {
    const input = readFileSync(WITH_FINDINGS, 'utf8');
    for (const args of [['check', '-'], ['check']]) {
      const result = await runInProcess(args, { home, input });
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stdout).toMatch(/^<stdin>:3:5 apology-but /m);
    }
  });

  it('prints a stable JSON report with --format json', async () => {
    const result = await runInProcess(['check', WITH_FINDINGS, '--format', 'json'], { home });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report).toMatchObject({ version: 2, file: WITH_FINDINGS, lang: 'en' });
    expect(report.summary).toEqual({ findings: 4, rules: ['apology-but', 'client-fault', 'not-my-fault', 'feeling-first'] });
    expect(report.findings[0]).toEqual({
      rule: 'apology-but',
      category: 'non-apology',
      level: 'warning',
      line: 3,
      col: 5,
      endLine: 3,
      endCol: 36,
      offset: 15,
      length: 31,
      text: 'sorry about the newsletter, but',
      // The message quotes the draft's own words.
      message: expect.stringContaining('"sorry about the newsletter, but"'),
      suggestion: expect.stringContaining('full stop'),
    });
    expect(JSON.parse((await runInProcess(['check', CLEAN, '--format', 'json'], { home })).stdout)).toMatchObject({ findings: [], summary: { findings: 0, rules: [] } });
  });

  it('guesses the language of the draft with --lang auto (the default)', async () => {
    const french = await runInProcess(['check', draft('fr', '12-formulaire-petit-bug.md'), '--format', 'json'], { home });
    expect(JSON.parse(french.stdout)).toMatchObject({ lang: 'fr', summary: { rules: expect.arrayContaining(['calm-down', 'soon']) } });
    const english = await runInProcess(['check', draft('en', '12-booking-form-small-bug.md'), '--lang', 'auto', '--format', 'json'], { home });
    expect(JSON.parse(english.stdout)).toMatchObject({ lang: 'en', summary: { rules: expect.arrayContaining(['calm-down', 'soon']) } });
    const text = await runInProcess(['check', draft('fr', '12-formulaire-petit-bug.md')], { home });
    // French spacing: a no-break space before the colon.
    expect(text.stdout).toMatch(/\u00a0: 7 remarques de 5 règles\u00a0: calm-down, minimising, soon, feeling-first, no-next-date\n$/);
    // The categories in the JSON report are the corpus labels' (docs/check.md).
    expect((JSON.parse(french.stdout) as JsonReport).findings.map((f) => f.category)).toEqual(expect.arrayContaining(['no-empathy', 'no-next-step']));
  });

  it('adds the rules of --rules FILE, which may use the built-in lists', async () => {
    const rules = join(home, 'my-rules.yaml');
    writeFileSync(
      rules,
      [
        'lang: en',
        'rules:',
        '  - id: weekend-work',
        '    category: overpromise',
        '    message: Promising your weekend sets an expectation you will have to keep.',
        '    suggestion: Give a weekday you can keep.',
        '    patterns: ["over the weekend", "on <weekday> night"]',
        '    examples:',
        '      match: ["I will do it over the weekend."]',
        '      no_match: ["I will do it on Monday."]',
        '',
      ].join('\n'),
    );
    const text = 'Hi Ben,\n\nI am sorry. I will fix it over the weekend, or on Sunday night at the latest.\n';
    const result = await runInProcess(['check', '-', '--rules', rules, '--format', 'json'], { home, input: text });
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as JsonReport).findings.map((f) => `${f.rule}:${f.text}`)).toEqual([
      'weekend-work:over the weekend',
      'weekend-work:on Sunday night',
    ]);

    const french = await runInProcess(['check', draft('fr', '01-site-nouvelle-date.md'), '--rules', rules], { home });
    expect(french.code).toBe(0);
    expect(french.stderr).toContain(`${rules} holds rules for "en" but the draft is in "fr": its rules are not applied`);
  });

  it('places the draft\'s dates against --date: a day before it is past, not a next step', async () => {
    const text = 'Hi Ben,\n\nI am sorry about the mix-up. The corrected file reaches you on 9 March.\n';
    const rules = async (date: string): Promise<string[]> =>
      (JSON.parse((await runInProcess(['check', '-', '--format', 'json', '--date', date], { home, input: text })).stdout) as JsonReport).findings.map((f) => f.rule);
    expect(await rules('2026-03-04')).toEqual([]);
    expect(await rules('2026-03-20')).toEqual(['no-next-date']);
    const bad = await runInProcess(['check', '-', '--date', '4 March'], { home, input: text });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown date "4 March": write it as YYYY-MM-DD/);
  });

  it('refuses a broken rules file with the place of every problem; exit 2', async () => {
    const rules = join(home, 'broken-rules.yaml');
    writeFileSync(rules, 'rules:\n  - id: mine\n    category: blame\n    message: m\n    suggestion: s\n    patterns: ["sorry {but"]\n');
    const result = await runInProcess(['check', CLEAN, '--rules', rules], { home });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${rules}:6:23: pattern: "{" is never closed (character 7 of the pattern)`);
    expect(result.stderr).toContain('    patterns: ["sorry {but"]\n                        ^');
  });

  it('refuses bad usage with a message and exit 2, never a stack trace', async () => {
    const cases: [string[], string | undefined, RegExp][] = [
      [['check'], '', /<stdin> is empty: there is nothing to check/],
      [['check', 'missing.md'], undefined, /file not found: missing\.md/],
      [['check', CLEAN, '--format', 'xml'], undefined, /unknown format "xml": use text or json/],
      [['check', CLEAN, '--lang', 'de'], undefined, /unknown language "de": use fr, en or auto/],
    ];
    for (const [args, input, message] of cases) {
      const result = await runInProcess(args, { home, ...(input === undefined ? {} : { input }) });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('does not wait for a draft on a terminal when no FILE is given', async () => {
    const terminal = spawn(process.execPath, [BIN, 'check'], { cols: 120, rows: 30, cwd: ROOT, env: cliEnv(home) as Record<string, string> });
    let output = '';
    terminal.onData((data) => (output += data));
    const code = await new Promise<number>((resolve) => terminal.onExit(({ exitCode }) => resolve(exitCode)));
    expect(code).toBe(2);
    expect(output).toMatch(/no draft to check: give a FILE, or pipe the draft in/);
  });

  it('explains itself in --help, with examples', async () => {
    const result = await runInProcess(['check', '--help'], { home });
    expect(result.code).toBe(0);
    for (const part of ['--lang <lang>', '--format <format>', '--rules <file>', 'calmclient check reply.md', 'calmclient-ignore'])
      expect(result.stdout).toContain(part);
  });
});
