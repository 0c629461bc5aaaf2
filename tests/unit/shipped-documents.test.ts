import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkDraft } from '../../src/check/index.js';
import { effectiveAnswers, runPlaybook } from '../../src/engine/run.js';
import { loadPlaybookFile } from '../../src/playbook/load.js';
import { builtinPlaybookEntries } from '../../src/playbook/registry.js';
import { LANGS } from '../../src/types.js';
import type { Playbook } from '../../src/playbook/schema.js';
import { AnswersFile, ScriptedPrompter } from '../../src/prompters/scripted.js';
import { renderSession } from '../../src/render/documents.js';
import { branchCombinations } from '../support/combinations.js';
import type { Lang, PlaybookKind } from '../../src/types.js';

/**
 * Whatever the user answered, the documents of every built-in playbook read cleanly (no template
 * syntax, no undefined, no empty section or bullet, no doubled stop) and the e-mail drafts pass
 * calmclient's own check: every branch (see tests/support/combinations.ts), both languages.
 */

const NOW = new Date(2026, 10, 23, 9, 0);

/**
 * What the commands add to the template values (see docs/playbook-format.md). A follow-up always
 * has the crisis session's promise; a checklist has a mission only with --mission.
 */
const EXTRA: Record<Lang, Partial<Record<PlaybookKind, Record<string, string>>>> = {
  en: { prevention: { mission: 'New website' }, followup: { promise: 'Put the site online', promise_date: 'Thursday 26 November 2026' } },
  fr: { prevention: { mission: 'Nouveau site' }, followup: { promise: 'Mettre le site en ligne', promise_date: 'jeudi 26 novembre 2026' } },
};
const OPTIONAL_EXTRA: ReadonlySet<PlaybookKind> = new Set(['prevention']);

async function renderDocuments(playbook: Playbook, answers: Record<string, unknown>, index: number) {
  const file = AnswersFile.parse('combination.yaml', stringify(answers), playbook.lang);
  const prompter = new ScriptedPrompter(file, NOW, playbook.lang);
  const raw = await runPlaybook(playbook, { prompter });
  prompter.assertComplete();
  const withExtra = !OPTIONAL_EXTRA.has(playbook.kind) || index % 2 === 0;
  const extra = withExtra ? EXTRA[playbook.lang][playbook.kind] : undefined;
  return renderSession({
    playbook,
    answers: effectiveAnswers(playbook, raw),
    client: 'Dupont & Fils',
    now: NOW,
    ...(extra ? { extra } : {}),
  });
}

/** What a reader would see as a slip: each pattern names the defect it catches. */
const DEFECTS: [string, RegExp | ((text: string) => boolean)][] = [
  ['template syntax', /\{\{|\}\}/],
  ['undefined or null', /\b(undefined|null|NaN|\[object Object\])\b/],
  ['empty bullet', /^\s*[-*] *$/m],
  ['heading with nothing under it', hasEmptySection],
  ['doubled full stop', /[^.]\.\.(?!\.)/],
  ['colon with nothing after it', /:\s*\n\s*\n\s*(#|$(?![\s\S]))/],
  ['space before a comma or a stop', / [,.](?!\.)/],
];

/** A heading followed, past blank lines, by a heading of the same or a higher level, or by the end. */
function hasEmptySection(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const level = (line: string | undefined) => /^(#{1,6}) /.exec(line ?? '')?.[1]?.length ?? 0;
  return lines.some((line, i) => {
    const own = level(line);
    if (own === 0) return false;
    const next = lines[i + 1];
    return next === undefined || (level(next) > 0 && level(next) <= own);
  });
}

function defectsOf(contents: string): string[] {
  return DEFECTS.filter(([, test]) => (typeof test === 'function' ? test(contents) : test.test(contents))).map(([name]) => name);
}

describe('built-in documents on every branch', () => {
  for (const lang of LANGS) {
    for (const file of builtinPlaybookEntries(lang).map((entry) => entry.file)) {
      it(`${lang}/${basename(file)}: clean recap and email, and the email passes check`, async () => {
        const playbook = loadPlaybookFile(file, lang);
        const combinations = branchCombinations(playbook);
        expect(combinations.length).toBeGreaterThan(1);
        const failures: string[] = [];
        for (const [index, answers] of combinations.entries()) {
          const { recap, email } = await renderDocuments(playbook, answers, index);
          for (const [name, contents] of [['recap', recap.contents], ['email', email.contents]] as const)
            for (const defect of defectsOf(contents)) failures.push(`${name}: ${defect} with ${JSON.stringify(answers)}`);
          for (const finding of await checkDraft(email.contents, { lang })) {
            failures.push(`check ${finding.rule} "${finding.text}" (${finding.line}:${finding.col}) with ${JSON.stringify(answers)}`);
          }
        }
        expect(failures.slice(0, 5)).toEqual([]);
      });
    }
  }
});

describe('the defect detector itself', () => {
  it.each([
    ['template syntax', 'Hello {{client}}'],
    ['undefined or null', 'Done by undefined.'],
    ['empty bullet', '- one\n- \n'],
    ['heading with nothing under it', '## Gap\n\n## Need\ntext\n'],
    ['heading with nothing under it', '# Recap\n\ntext\n\n## Last\n'],
    ['doubled full stop', 'this phase..'],
    ['colon with nothing after it', 'Agreed:\n\n## Next\n'],
    ['space before a comma or a stop', 'the plan , then'],
  ])('catches %s', (name, text) => {
    expect(defectsOf(text)).toContain(name);
  });

  it('passes a clean document', () => {
    expect(defectsOf('# Recap\n\n## Gap\n\n**Delay**. Late... then on time.\n\n- one\n- two\n')).toEqual([]);
  });
});
