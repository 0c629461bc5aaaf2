import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, type SourceProblem } from '../../src/errors.js';
import { loadPlaybookFile, parsePlaybook } from '../../src/playbook/load.js';
import { FIXTURES, tempDir } from '../helpers.js';
import { frenchSpacing } from '../../src/i18n/catalogue.js';

const broken = (name: string) => join(FIXTURES, 'playbooks', 'broken', name);
const noTemplates = () => {
  throw new Error('no template files in these tests');
};

function problemsOf(load: () => unknown): SourceProblem[] {
  try {
    load();
  } catch (error) {
    if (error instanceof InputError) return [...error.problems];
    throw error;
  }
  throw new Error('expected the playbook to be refused');
}

describe('loading a playbook', () => {
  it('loads a valid playbook with its inline templates', () => {
    const playbook = loadPlaybookFile(join(FIXTURES, 'playbooks', 'mini.yaml'), 'en');
    expect(playbook.steps.map((s) => s.type)).toEqual(['advice', 'text', 'select', 'confirm', 'input', 'checkbox', 'date', 'date']);
    expect(playbook.templates.emailSubject).toBe('Our plan, {{client}}');
  });

  it.each([
    ['unknown-type.yaml', 8, 11, /unknown step type "inptu": expected one of advice, input/],
    ['duplicate-id.yaml', 10, 9, /duplicate step id "a" \(first used at line 7\)/],
    ['when-later.yaml', 10, 19, /names step "b", which comes later/],
    ['when-unknown.yaml', 10, 19, /names step "nope", which does not exist/],
    ['missing-field.yaml', 7, 5, /missing field "message"/],
    ['wrong-type.yaml', 10, 14, /default: .*expected boolean/],
    ['yaml-syntax.yaml', 10, 1, /^YAML syntax: Flow sequence/],
    ['template-name.yaml', 14, 23, /template uses "clinet"/],
  ])('%s → line %i, column %i', (file, line, col, message) => {
    const [problem, ...others] = problemsOf(() => loadPlaybookFile(broken(file), 'en'));
    expect(others).toEqual([]);
    expect(problem).toMatchObject({ file: broken(file), line, col });
    expect(problem?.message).toMatch(message);
    expect(problem?.sourceLine).toBeDefined();
  });

  it('speaks French when the user does', () => {
    const [problem] = problemsOf(() => loadPlaybookFile(broken('missing-field.yaml'), 'fr'));
    expect(problem?.message).toBe(frenchSpacing('champ « message » manquant'));
    const [typeProblem] = problemsOf(() => loadPlaybookFile(broken('wrong-type.yaml'), 'fr'));
    expect(typeProblem?.message).toMatch(/booléen attendu/);
    // The next parse in English speaks English again: the language is the call's, not a setting.
    expect(problemsOf(() => loadPlaybookFile(broken('missing-field.yaml'), 'en'))[0]?.message).toBe('missing field "message"');
  });

  const valid = `id: x\nkind: crisis\nlang: en\ntitle: T\ndescription: D\nsteps:\n  - id: a\n    type: input\n    message: hi\ntemplates:\n  recap: { text: "{{a}}" }\n  email: { subject: s, body: { text: b } }\n`;

  it('reads a BOM and CRLF line endings like any file', () => {
    const playbook = parsePlaybook('crlf.yaml', `\uFEFF${valid.replace(/\n/g, '\r\n')}`, 'en', noTemplates);
    expect(playbook.steps[0]?.id).toBe('a');
  });

  it('locates problems in CRLF files on the right line', () => {
    const text = valid.replace('type: input', 'type: nope').replace(/\n/g, '\r\n');
    const [problem] = problemsOf(() => parsePlaybook('crlf.yaml', text, 'en', noTemplates));
    expect(problem).toMatchObject({ line: 8, col: 11, sourceLine: '    type: nope' });
  });

  it('reports an unknown field at the key', () => {
    const [problem] = problemsOf(() => parsePlaybook('x.yaml', valid.replace('    message: hi', '    message: hi\n    colour: red'), 'en', noTemplates));
    expect(problem).toMatchObject({ line: 10, col: 5, message: 'unknown field "colour"' });
  });

  it('refuses a condition on the step itself and on an unknown choice value', () => {
    const self = valid.replace('    message: hi', '    message: hi\n    when: { step: a, equals: x }');
    expect(problemsOf(() => parsePlaybook('x.yaml', self, 'en', noTemplates))[0]?.message).toMatch(/comes later \(or is this step\)/);
    const choices = valid.replace(
      '    message: hi\n',
      '    message: hi\n  - id: b\n    type: select\n    message: m\n    choices: [{ value: y, label: Y }, { value: n, label: N }]\n  - id: c\n    type: input\n    message: c\n    when: { step: b, equals: maybe }\n',
    );
    expect(problemsOf(() => parsePlaybook('x.yaml', choices, 'en', noTemplates))[0]?.message).toMatch(/no choice "maybe"; its choices are: y, n/);
  });

  it('refuses reserved ids, unescaped template values and partials', () => {
    const reserved = valid.replace('id: a\n', 'id: client\n').replace('{{a}}', '{{client}}');
    expect(problemsOf(() => parsePlaybook('x.yaml', reserved, 'en', noTemplates))[0]?.message).toMatch(/reserved name/);
    const raw = valid.replace('"{{a}}"', '"{{{a}}}"');
    expect(problemsOf(() => parsePlaybook('x.yaml', raw, 'en', noTemplates))[0]?.message).toMatch(/not allowed/);
    const partial = valid.replace('"{{a}}"', '"{{>a}}"');
    expect(problemsOf(() => parsePlaybook('x.yaml', partial, 'en', noTemplates))[0]?.message).toMatch(/partials/);
  });

  it('refuses alias bombs instead of expanding them', () => {
    const bomb = `${valid}a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`;
    const [problem] = problemsOf(() => parsePlaybook('bomb.yaml', bomb, 'en', noTemplates));
    expect(problem?.message).toMatch(/alias/i);
  });

  it('refuses files over 1 MiB, binary files and invalid UTF-8, naming the file', () => {
    const dir = tempDir();
    const big = join(dir, 'big.yaml');
    writeFileSync(big, `# ${'x'.repeat(1024 * 1024)}\n`);
    expect(() => loadPlaybookFile(big, 'en')).toThrow(/big\.yaml is larger than 1 MiB/);
    const binary = join(dir, 'binary.yaml');
    writeFileSync(binary, Buffer.from([0x69, 0x64, 0x3a, 0x00, 0x01]));
    expect(() => loadPlaybookFile(binary, 'en')).toThrow(/not a text file/);
    const latin1 = join(dir, 'latin1.yaml');
    writeFileSync(latin1, Buffer.from('title: caf\xe9\n', 'latin1'));
    expect(() => loadPlaybookFile(latin1, 'en')).toThrow(/invalid UTF-8/);
    expect(() => loadPlaybookFile(join(dir, 'absent.yaml'), 'en')).toThrow(/file not found/);
  });

  it('locates a problem in a template file at its own line and column', () => {
    const text = valid.replace('recap: { text: "{{a}}" }', 'recap: { file: recap.md }');
    const [problem] = problemsOf(() =>
      parsePlaybook('x.yaml', text, 'en', () => ({ path: 'recap.md', text: '# Recap\n\nSaid {{a}}, {{b}}.\n' })),
    );
    expect(problem).toMatchObject({ file: 'recap.md', line: 3, col: 13, message: expect.stringContaining('"b"') });
  });
});
