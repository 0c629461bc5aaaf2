import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/engine/answers.js';
import { effectiveAnswers } from '../../src/engine/run.js';
import { loadPlaybookFile } from '../../src/playbook/load.js';
import { renderSession, tidyPunctuation } from '../../src/render/documents.js';
import { dropEmptySections, escapeMarkdown } from '../../src/render/markdown.js';
import { slugify } from '../../src/text/slug.js';
import { FIXTURES } from '../helpers.js';

const mini = loadPlaybookFile(join(FIXTURES, 'playbooks', 'mini.yaml'), 'en');
const NOW = new Date(2026, 10, 22, 10, 0);

function render(answers: Answers, client = 'Dupont SA') {
  return renderSession({ playbook: mini, answers: effectiveAnswers(mini, answers), client, now: NOW });
}

const full: Answers = {
  breathe: true,
  said: 'The launch slipped.\nMy board meets on Thursday.',
  gap: 'delay',
  mine: true,
  gesture: 'A free day on the next sprint',
  needs: ['control', 'shine'],
  deadline: '2026-11-25',
  call: '2026-11-26T10:00',
};

describe('renderSession', () => {
  it('renders the recap and the email of a full run', () => {
    const { recap, email } = render(full);
    expect(recap.path).toBe('2026-11-22-dupont-sa-recap.md');
    expect(email.path).toBe('2026-11-22-dupont-sa-email.md');
    expect(email.subject).toBe('Our plan, Dupont SA');
    expect(recap.contents).toMatchSnapshot();
    expect(email.contents).toMatchSnapshot();
  });

  it('drops the sections of a skipped branch instead of leaving them empty', () => {
    const { recap, email } = render({ ...full, mine: false, gesture: '', needs: [], gap: 'quality', call: '' });
    expect(recap.contents).not.toMatch(/## Gesture|## Needs/);
    expect(recap.contents).not.toMatch(/Call on/);
    expect(email.contents).not.toMatch(/sorry/);
    expect(recap.contents).toMatchSnapshot();
  });

  it('never lets template syntax, undefined or null reach a file', () => {
    for (const answers of [full, { said: 'x', gap: 'quality', mine: false, deadline: '2026-11-25' }]) {
      const { recap, email } = render(answers);
      for (const contents of [recap.contents, email.contents]) {
        expect(contents).not.toMatch(/\{\{|undefined|null/);
      }
    }
  });

  it('keeps what the user typed as text: no expansion, no new headings, no HTML', () => {
    const hostile = {
      ...full,
      said: '# I am a heading\n- and a list\n{{client}} {{#is.mine}}x{{/is.mine}}\n<script>alert(1)</script>',
    };
    const { recap } = render(hostile, '{{today}} ## Evil');
    const lines = recap.contents.split('\n');
    expect(lines.filter((line) => /^#{1,6} /.test(line))).toEqual([
      '# Recap for {\\{today}} ## Evil',
      '## What they said',
      '## Gap',
      '## Gesture',
      '## Needs',
      '## Dates',
    ]);
    expect(recap.contents).toContain('> \\# I am a heading');
    expect(recap.contents).toContain('> \\- and a list');
    expect(recap.contents).toContain('> {\\{client}} {\\{#is.mine}}x{\\{/is.mine}}');
    expect(recap.contents).toContain('\\<script>');
    expect(recap.contents).not.toContain('Dupont');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['# title', '\\# title'],
    ['> quote', '\\> quote'],
    ['- item', '\\- item'],
    ['* item', '\\* item'],
    ['1. first', '1\\. first'],
    ['---', '\\---'],
    ['```js', '\\```js'],
    ['a {{b}} c', 'a {\\{b}} c'],
    ['plain text, 5 - 3 = 2', 'plain text, 5 - 3 = 2'],
    ['it costs 1.5 days', 'it costs 1.5 days'],
  ])('%j → %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});

describe('dropEmptySections', () => {
  it('removes empty sections, innermost first, and keeps full ones', () => {
    const markdown = '# Title\n\n## Empty\n\n\n## Parent\n\n### Empty child\n\n## Kept\n\ntext\n';
    expect(dropEmptySections(markdown)).toBe('# Title\n\n## Kept\n\ntext\n');
  });

  it('leaves headings inside code fences alone', () => {
    expect(dropEmptySections('## Code\n\n```\n# not a heading\n```\n')).toBe('## Code\n\n```\n# not a heading\n```\n');
  });
});

describe('slugify', () => {
  it.each([
    ['Dupont SA', 'dupont-sa'],
    ['Société Lefèvre', 'société-lefèvre'],
    ['😡 Dupont & fils', /^dupont-fils_[0-9a-f]{8}$/],
    ['../../etc/passwd', /^etc-passwd_[0-9a-f]{8}$/],
    ['CON', 'con'],
    ['   ', /^client_[0-9a-f]{8}$/],
    ['日本', '日本'],
    ['a'.repeat(100), new RegExp(`^${'a'.repeat(40)}_[0-9a-f]{8}$`)],
  ])('%j → %j', (input, expected) => {
    if (typeof expected === 'string') expect(slugify(input)).toBe(expected);
    else expect(slugify(input)).toMatch(expected);
  });
});

describe('tidyPunctuation', () => {
  it.each([
    ['a discount on this phase..', 'a discount on this phase.'],
    ['Really?.', 'Really?'],
    ['Wait... and see.', 'Wait... and see.'],
    ['v1.2.3 ships.', 'v1.2.3 ships.'],
    ['see ../../etc/passwd.', 'see ../../etc/passwd.'],
    ['**done by Friday.**.', '**done by Friday.**.'],
    ['(by Friday.).', '(by Friday.).'],
    ['Done.\nNext.. line', 'Done.\nNext. line'],
  ])('%j → %j', (input, expected) => {
    expect(tidyPunctuation(input)).toBe(expected);
  });
});
