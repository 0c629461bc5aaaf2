import { ExitCode, InputError } from '../errors.js';
import { resolveLang, t } from '../i18n.js';
import { printError, printInfo, printProblems, printResult, style } from '../output.js';
import { loadPlaybookFile } from '../playbook/load.js';
import { builtinPlaybookFiles, resolvePlaybook } from '../playbook/registry.js';
import type { Condition, Playbook, Step } from '../playbook/schema.js';
import { isRequired } from '../engine/answers.js';

export interface ListOptions {
  lang?: string;
  json?: boolean;
}

/** `calmclient playbooks list`: the built-in playbooks, in both languages unless --lang. */
export async function list(options: ListOptions): Promise<ExitCode> {
  const lang = options.lang === undefined ? undefined : resolveLang(options.lang, process.env);
  const playbooks = builtinPlaybookFiles(lang).map(loadPlaybookFile);
  const rows = playbooks.map((p) => ({ id: p.id, kind: p.kind, lang: p.lang, steps: p.steps.length, title: p.title, file: p.source }));
  if (options.json) {
    printResult(JSON.stringify(rows, null, 2));
    return ExitCode.ok;
  }
  const header = [
    t('playbooks.column.id'),
    t('playbooks.column.kind'),
    t('playbooks.column.lang'),
    t('playbooks.column.steps'),
    t('playbooks.column.title'),
  ];
  const table = [header, ...rows.map((r) => [r.id, r.kind, r.lang, String(r.steps), r.title])];
  const widths = header.map((_, column) => Math.max(...table.map((row) => (row[column] ?? '').length)));
  table.forEach((row, index) => {
    const line = row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ');
    if (index === 0) printInfo(style.bold(line));
    else printResult(line);
  });
  return ExitCode.ok;
}

export interface ShowOptions {
  lang?: string;
  json?: boolean;
}

/** `calmclient playbooks show ID`: every step, for a person or (--json) for a script. */
export async function show(ref: string, options: ShowOptions): Promise<ExitCode> {
  const playbook = resolvePlaybook(ref, resolveLang(options.lang, process.env));
  if (options.json) {
    printResult(JSON.stringify(describe(playbook), null, 2));
    return ExitCode.ok;
  }
  printResult(`${style.bold(playbook.title)}  ${style.dim(`(${playbook.id}, ${playbook.kind}, ${playbook.lang})`)}`);
  printResult(`${playbook.description.trim()}\n`);
  playbook.steps.forEach((step, index) => {
    const required = step.type !== 'advice' && isRequired(step) ? '' : style.dim(` ${t('playbooks.show.optional')}`);
    const heading = step.type === 'advice' ? step.title : step.message;
    printResult(`${String(index + 1).padStart(3)}. ${style.cyan(step.id)} ${style.dim(step.type)}${step.type === 'advice' ? '' : required}`);
    printResult(`     ${heading}`);
    if (step.when) printResult(style.dim(`     when ${conditionText(step.when)}`));
    if (step.type === 'select' || step.type === 'checkbox')
      printResult(style.dim(`     ${step.choices.map((choice) => choice.value).join(' | ')}`));
  });
  return ExitCode.ok;
}

function describe(playbook: Playbook) {
  return {
    id: playbook.id,
    kind: playbook.kind,
    lang: playbook.lang,
    title: playbook.title,
    description: playbook.description,
    source: playbook.source,
    steps: playbook.steps.map(describeStep),
  };
}

function describeStep(step: Step) {
  return {
    id: step.id,
    type: step.type,
    required: step.type !== 'advice' && isRequired(step),
    title: step.title ?? null,
    message: step.type === 'advice' ? null : step.message,
    when: step.when ?? null,
    choices: step.type === 'select' || step.type === 'checkbox' ? step.choices.map((choice) => choice.value) : null,
  };
}

function conditionText(condition: Condition): string {
  if ('not' in condition) return `not (${conditionText(condition.not)})`;
  if ('all' in condition) return condition.all.map(conditionText).join(' and ');
  if ('any' in condition) return `(${condition.any.map(conditionText).join(' or ')})`;
  if ('equals' in condition) return `${condition.step} = ${String(condition.equals)}`;
  if ('in' in condition) return `${condition.step} in [${condition.in.join(', ')}]`;
  if ('includes' in condition) return `${condition.step} includes ${condition.includes}`;
  return `${condition.step} ${condition.answered ? 'answered' : 'not answered'}`;
}

/** `calmclient playbooks validate FILE...`: every problem of every file, located. */
export async function validate(files: string[]): Promise<ExitCode> {
  let bad = 0;
  for (const file of files) {
    try {
      const playbook = loadPlaybookFile(file);
      printResult(t('playbooks.validate.ok', { file, count: playbook.steps.length }));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      bad++;
      if (error.problems.length > 0) printProblems(error.problems);
      else printError(error.message);
    }
  }
  if (bad > 0 && files.length > 1) printError(t('playbooks.validate.summary', { bad, total: files.length }));
  return bad > 0 ? ExitCode.usage : ExitCode.ok;
}
