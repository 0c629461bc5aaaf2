import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkDraft } from '../../src/check/index.js';
import { effectiveAnswers, runPlaybook } from '../../src/engine/run.js';
import { loadPlaybookFile } from '../../src/playbook/load.js';
import { builtinPlaybookFiles, builtinPlaybooksDir } from '../../src/playbook/registry.js';
import { LANGS, type Lang, type Playbook, type PlaybookKind } from '../../src/playbook/schema.js';
import { AnswersFile, ScriptedPrompter } from '../../src/prompters/scripted.js';
import { renderSession } from '../../src/render/documents.js';
import { branchCombinations } from '../support/combinations.js';

/**
 * The e-mail drafts calmclient writes must pass its own check, whatever the user answered: every
 * built-in playbook, every branch (see tests/support/combinations.ts), both languages.
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

const crisisFiles = LANGS.map((lang) => join(builtinPlaybooksDir(), lang, 'crisis.yaml'));
const missing = crisisFiles.filter((file) => !existsSync(file));

async function renderEmail(playbook: Playbook, answers: Record<string, unknown>, index: number): Promise<string> {
  const file = AnswersFile.parse('combination.yaml', stringify(answers));
  const prompter = new ScriptedPrompter(file, NOW, playbook.lang);
  const raw = await runPlaybook(playbook, { prompter });
  prompter.assertComplete();
  const withExtra = !OPTIONAL_EXTRA.has(playbook.kind) || index % 2 === 0;
  const extra = withExtra ? EXTRA[playbook.lang][playbook.kind] : undefined;
  const { email } = renderSession({
    playbook,
    answers: effectiveAnswers(playbook, raw),
    client: 'Dupont & Fils',
    now: NOW,
    ...(extra ? { extra } : {}),
  });
  return email.contents;
}

describe.skipIf(missing.length > 0)(
  missing.length > 0
    ? `SKIPPED: the built-in drafts are not checked, ${missing.join(' and ')} absent from this checkout`
    : 'built-in e-mail drafts pass calmclient check on every branch',
  () => {
    for (const lang of LANGS) {
      const files = [...new Set([join(builtinPlaybooksDir(), lang, 'crisis.yaml'), ...builtinPlaybookFiles(lang)])];
      for (const file of files) {
        it(`${lang}/${basename(file)}`, async () => {
          const playbook = loadPlaybookFile(file);
          const combinations = branchCombinations(playbook);
          expect(combinations.length).toBeGreaterThan(1);
          const failures: string[] = [];
          for (const [index, answers] of combinations.entries()) {
            const email = await renderEmail(playbook, answers, index);
            for (const finding of checkDraft(email, { lang })) {
              failures.push(`${finding.rule} "${finding.text}" (${finding.line}:${finding.col}) with ${JSON.stringify(answers)}`);
            }
          }
          expect(failures).toEqual([]);
        });
      }
    }
  },
);
