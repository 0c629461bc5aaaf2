import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mustache from 'mustache';
import type { Answers, AnswerValue } from '../../src/engine/answers.js';
import { describe, expect, it } from 'vitest';
import { compilePlaybooks } from '../../scripts/compile-playbooks.js';
import { COMPILED_PLAYBOOKS_FILE, readCompiledPlaybook, templateFilesOf, type CompiledPlaybooks } from '../../src/playbook/compiled.js';
import { loadPlaybookFile } from '../../src/playbook/load.js';
import { builtinPlaybookEntries, builtinPlaybooksDir } from '../../src/playbook/registry.js';
import { renderSession } from '../../src/render/documents.js';
import { ROOT, tempDir } from '../helpers.js';

describe('the built-in playbooks compiled at build time', () => {
  const compiled = compilePlaybooks();
  const entries = builtinPlaybookEntries();

  it('hold, for each built-in playbook, exactly what the loader gives, and its templates as Mustache parses them', () => {
    expect(Object.keys(compiled).sort()).toEqual(entries.map((entry) => `${entry.lang}/${entry.id}.yaml`).sort());
    for (const entry of entries) {
      const { parsedTemplates, ...read } = readCompiledPlaybook(entry.file, `${entry.lang}/${entry.id}.yaml`, compiled) ?? {};
      const loaded = loadPlaybookFile(entry.file, entry.lang);
      expect(read).toEqual(loaded);
      expect(parsedTemplates).toEqual({
        recap: Mustache.parse(loaded.templates.recap),
        emailSubject: Mustache.parse(loaded.templates.emailSubject),
        emailBody: Mustache.parse(loaded.templates.emailBody),
      });
    }
  });

  it('render the same documents from their parsed templates as from their text', () => {
    for (const entry of entries) {
      const fromTokens = readCompiledPlaybook(entry.file, `${entry.lang}/${entry.id}.yaml`, compiled);
      expect(fromTokens?.parsedTemplates).toBeDefined();
      if (!fromTokens) continue;
      const { parsedTemplates: _parsed, ...fromText } = fromTokens;
      // Every step answered with its default or an example, so that the sections and lists render.
      const answers: Answers = Object.fromEntries(
        fromTokens.steps.flatMap((step): [string, AnswerValue][] => {
          if (step.type === 'advice') return [];
          if (step.type === 'select') return [[step.id, step.choices[0]?.value ?? '']];
          if (step.type === 'checkbox') return [[step.id, step.choices.map((choice) => choice.value)]];
          if (step.type === 'confirm') return [[step.id, true]];
          if (step.type === 'date') return [[step.id, '2026-11-25']];
          return [[step.id, `answer to ${step.id}`]];
        }),
      );
      const input = { answers, client: 'Dupont & Fils', now: new Date(2026, 10, 22, 10, 0) };
      expect(renderSession({ ...input, playbook: fromTokens })).toEqual(renderSession({ ...input, playbook: fromText }));
    }
  });

  it('are shipped up to date in dist/ by the build', () => {
    const shipped = JSON.parse(readFileSync(join(ROOT, 'dist', COMPILED_PLAYBOOKS_FILE), 'utf8')) as CompiledPlaybooks;
    expect(shipped).toEqual(JSON.parse(JSON.stringify(compiled)));
  });

  it('are ignored once the playbook or one of its template files changes', () => {
    const copy = tempDir();
    cpSync(builtinPlaybooksDir(), copy, { recursive: true });
    const [key, entry] = Object.entries(compiled).find(([, candidate]) => templateFilesOf(candidate.templates).length > 0) ?? [];
    expect(key).toBeDefined();
    const file = join(copy, key ?? '');
    expect(readCompiledPlaybook(file, key ?? '', compiled)).toBeDefined();

    const template = join(file, '..', entry ? (templateFilesOf(entry.templates)[0] ?? '') : '');
    writeFileSync(template, `${readFileSync(template, 'utf8')}\nP.S. edited\n`);
    expect(readCompiledPlaybook(file, key ?? '', compiled)).toBeUndefined();
    expect(readCompiledPlaybook(join(copy, 'missing.yaml'), key ?? '', compiled)).toBeUndefined();
  });
});
