import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';
import { InputError, type SourceProblem } from '../src/errors.js';
import { digestOf, type CompiledPlaybooks } from '../src/playbook/compiled.js';
import { builtinPlaybookEntries, builtinPlaybooksDir, loadPlaybookEntry } from '../src/playbook/registry.js';
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
      loaded = loadPlaybookEntry(entry);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      onProblems(error.problems.length > 0 ? error.problems : [{ file: entry.file, line: 1, col: 1, message: error.message }]);
      continue;
    }
    const { source: _source, ...playbook } = loaded;
    const text = readFileSync(entry.file, 'utf8');
    const files = templateFiles(parse(text));
    const texts = [text, ...files.map((name) => readFileSync(resolve(dirname(entry.file), name), 'utf8'))];
    compiled[relative(builtinPlaybooksDir(), entry.file).split(sep).join('/')] = { digest: digestOf(texts), files, playbook };
  }
  return compiled;
}

/** The `file:` templates a playbook names (the loader has checked the shape already). */
function templateFiles(data: unknown): string[] {
  const templates = (data as { templates: { recap: { file?: string }; email: { body: { file?: string } } } }).templates;
  return [templates.recap.file, templates.email.body.file].filter((file): file is string => file !== undefined);
}
