import fc from 'fast-check';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadPlaybookFile } from '../../src/playbook/load.js';
import { tempDir } from '../helpers.js';
import { propertyRuns as runs, propertyTimeout as timeoutFor } from '../properties.js';

/** A playbook whose recap template is the file `name`. */
function playbookWith(name: string): string {
  return [
    'id: shared',
    'kind: crisis',
    'lang: en',
    'title: Shared',
    'description: From a colleague.',
    'steps:',
    '  - id: said',
    '    type: text',
    '    message: What did they say?',
    'templates:',
    '  recap:',
    `    file: ${JSON.stringify(name)}`,
    '  email:',
    '    subject: "Hello {{client}}"',
    '    body:',
    '      text: "Hello {{client}}"',
    '',
  ].join('\n');
}

/** Loads the playbook and returns the located problem its `file:` line gets, or the recap when it loads. */
function load(dir: string, name: string): { problem?: { line: number; col: number; message: string }; recap?: string } {
  const file = join(dir, 'shared.yaml');
  writeFileSync(file, playbookWith(name));
  try {
    return { recap: loadPlaybookFile(file, 'en').templates.recap };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const problem = error.problems[0];
    return problem ? { problem } : {};
  }
}

describe('playbook templates stay in the playbook\'s folder (issue 13, item 9)', () => {
  const outside = tempDir();
  writeFileSync(join(outside, 'secret.txt'), 'the user\'s private key');
  const dir = join(tempDir(), 'playbooks');
  mkdirSync(join(dir, 'parts'), { recursive: true });
  writeFileSync(join(dir, 'recap.md'), '# Recap for {{client}}');
  writeFileSync(join(dir, 'parts', 'recap.md'), '# Part for {{client}}');
  symlinkSync(join(outside, 'secret.txt'), join(dir, 'escape.md'));
  symlinkSync(outside, join(dir, 'elsewhere'));
  symlinkSync(join(dir, 'parts', 'recap.md'), join(dir, 'inside-link.md'));

  it.each([
    ['../../../../etc/passwd', /must sit in the playbook's folder or below it/],
    ['/etc/passwd', /an absolute path is refused/],
    ['parts/../../secret.txt', /must sit in the playbook's folder/],
    ['parts\\..\\..\\secret.txt', /must sit in the playbook's folder/],
    ['escape.md', /leads outside the playbook's folder through a link/],
    ['elsewhere/secret.txt', /leads outside the playbook's folder through a link/],
  ])('refuses file: %j, located at its line', (name, message) => {
    const { problem, recap } = load(dir, name);
    expect(recap).toBeUndefined();
    expect(problem).toMatchObject({ line: 12, col: 11 });
    expect(problem?.message).toMatch(message);
  });

  it.each([
    ['recap.md', '# Recap for {{client}}'],
    ['parts/recap.md', '# Part for {{client}}'],
    ['./parts/recap.md', '# Part for {{client}}'],
    ['inside-link.md', '# Part for {{client}}'],
  ])('reads file: %j', (name, text) => {
    expect(load(dir, name).recap).toBe(text);
  });

  it(
    'never reads a file outside the folder, whatever the path',
    () => {
      const segment = fc.constantFrom('..', '.', 'parts', 'recap.md', 'elsewhere', 'escape.md', 'secret.txt', 'etc', '', '~');
      const path = fc.tuple(fc.constantFrom('', '/', 'C:\\', '\\\\server\\share\\'), fc.array(segment, { minLength: 1, maxLength: 6 }), fc.constantFrom('/', '\\'))
        .map(([start, parts, sep]) => `${start}${parts.join(sep)}`);
      fc.assert(
        fc.property(path, (name) => {
          const { problem, recap } = load(dir, name);
          // Either a located problem, or a template from inside the folder: never the secret.
          if (recap === undefined) expect(problem?.line).toBe(12);
          else expect(['# Recap for {{client}}', '# Part for {{client}}']).toContain(recap);
        }),
        { numRuns: runs(150) },
      );
    },
    timeoutFor(150),
  );
});
