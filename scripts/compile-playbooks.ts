import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import { InputError, type SourceProblem } from '../src/errors.js';
import { digestOf } from '../src/build-output.js';
import { templateFilesOf, type CompiledPlaybooks, type CompiledTemplate } from '../src/playbook/compiled.js';
import { loadPlaybookAt } from '../src/playbook/load.js';
import { builtinPlaybookEntries, builtinPlaybooksDir } from '../src/playbook/registry.js';
import type { Playbook } from '../src/playbook/schema.js';

/**
 * Loads every built-in playbook with the same loader as the CLI and keeps the result, for
 * dist/playbooks.json (see src/playbook/compiled.ts). A playbook with problems is left out, so
 * the CLI reads it itself and reports them; `onProblems` hears about it at build time.
 */
export function compilePlaybooks(onProblems: (problems: readonly SourceProblem[]) => void = () => undefined): CompiledPlaybooks {
  const compiled: CompiledPlaybooks = {};
  for (const entry of builtinPlaybookEntries()) {
    let loaded: Playbook;
    try {
      loaded = loadPlaybookAt(entry, entry.lang);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      onProblems(error.problems.length > 0 ? error.problems : [{ file: entry.file, line: 1, col: 1, message: error.message }]);
      continue;
    }
    const { source: _source, templates: _templates, ...playbook } = loaded;
    const text = readFileSync(entry.file, 'utf8');
    // The loader has checked the shape of `templates` already.
    const given = (parse(text) as { templates: { recap: CompiledTemplate; email: { body: CompiledTemplate } } }).templates;
    const templates = {
      recap: 'file' in given.recap ? { file: given.recap.file } : { text: loaded.templates.recap },
      emailSubject: loaded.templates.emailSubject,
      emailBody: 'file' in given.email.body ? { file: given.email.body.file } : { text: loaded.templates.emailBody },
    };
    const texts = [text, ...templateFilesOf(templates).map((name) => readFileSync(resolve(dirname(entry.file), name), 'utf8'))];
    compiled[relative(builtinPlaybooksDir(), entry.file).split(sep).join('/')] = { digest: digestOf(texts), playbook, templates };
  }
  return compiled;
}
