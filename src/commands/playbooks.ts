import { basename, join } from 'node:path';
import { ExitCode, InputError, UsageError, type SourceProblem } from '../errors.js';
import { resolveLang, t } from '../i18n.js';
import { formatProblem, printError, printInfo, printProblems, printResult, printTable, printWarning, style } from '../output.js';
import { loadPlaybookFile } from '../playbook/load.js';
import {
  isReservedPlaybookId,
  loadPlaybookEntry,
  packageRoot,
  playbookEntries,
  resolvePlaybook,
  strayUserPlaybookFiles,
  type PlaybookEntry,
  type PlaybookOrigin,
} from '../playbook/registry.js';
import { tr } from '../playbook/registry-messages.js';
import { KINDS, LANGS } from '../types.js';
import type { Condition, Playbook, Step } from '../playbook/schema.js';
import { errorCode } from '../user-files.js';
import { starterPlaybook } from '../playbook/starter.js';
import { isRequired } from '../engine/answers.js';
import { ensurePrivateDir, writeFileIfAbsent } from '../store/files.js';
import { userPlaybooksDir } from '../store/paths.js';
import { tp } from './playbooks-messages.js';
import type { Lang, PlaybookKind } from '../types.js';

export interface ListOptions {
  lang?: string;
  json?: boolean;
}

/** One line of `playbooks list`; a playbook that does not load keeps its place, with its first problem. */
interface ListRow {
  id: string;
  kind: PlaybookKind | null;
  lang: Lang | null;
  steps: number | null;
  title: string | null;
  file: string;
  source: PlaybookOrigin;
  /** False for a built-in playbook that one of the user's replaces. */
  active: boolean;
  valid: boolean;
  problem?: SourceProblem;
}

/**
 * `calmclient playbooks list`: the built-in playbooks and the user's, in both languages unless
 * --lang. A broken playbook of the user's is listed as invalid, never in the way of the others.
 */
export async function list(options: ListOptions): Promise<ExitCode> {
  const lang = options.lang === undefined ? undefined : resolveLang(options.lang, process.env);
  const entries = playbookEntries(lang);
  const replaced = (entry: PlaybookEntry): boolean =>
    entry.origin === 'built-in' && entries.some((other) => other.origin === 'user' && other.id === entry.id && other.lang === entry.lang);
  const rows = [...entries.map((entry) => listRow(entry, !replaced(entry))), ...strayUserPlaybookFiles().map(strayRow)];
  if (options.json) {
    printResult(JSON.stringify(rows, null, 2));
    return ExitCode.ok;
  }
  const header = [
    t('playbooks.column.id'),
    t('playbooks.column.kind'),
    t('playbooks.column.lang'),
    t('playbooks.column.steps'),
    tp('column.source'),
    t('playbooks.column.title'),
  ];
  const source = (row: ListRow): string =>
    row.source === 'user' ? tp('source.user') : row.active ? tp('source.builtin') : tp('source.replaced');
  printTable(
    header,
    rows.map((r) => ({
      cells: [
        r.id,
        r.kind ?? '-',
        r.lang ?? '-',
        r.steps === null ? '-' : String(r.steps),
        source(r),
        r.title ?? tp('invalid', { message: r.problem?.message ?? '' }),
      ],
      ...(r.valid ? (r.active ? {} : { colour: style.dim }) : { colour: style.red }),
    })),
  );
  for (const row of rows) if (row.problem) printWarning(formatProblem(row.problem));
  return ExitCode.ok;
}

function listRow(entry: PlaybookEntry, active: boolean): ListRow {
  const place = { id: entry.id, file: entry.file, source: entry.origin, active };
  try {
    const p = loadPlaybookEntry(entry);
    return { ...place, kind: p.kind, lang: p.lang, steps: p.steps.length, title: p.title, valid: true };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const problem = error.problems[0] ?? { file: entry.file, line: 1, col: 1, message: error.message };
    return { ...place, kind: null, lang: entry.lang, steps: null, title: null, valid: false, problem };
  }
}

function strayRow(file: string): ListRow {
  const problem = { file, line: 1, col: 1, message: tr('registry.stray', { folders: LANGS.map((lang) => `${lang}/`).join(', ') }) };
  const id = basename(file).replace(/\.ya?ml$/i, '');
  return { id, kind: null, lang: null, steps: null, title: null, file, source: 'user', active: false, valid: false, problem };
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

export interface NewPlaybookOptions {
  lang?: string;
  kind?: string;
}

const PLAYBOOK_ID = /^[a-z][a-z0-9-]*$/;

/** `calmclient playbooks new ID`: a commented starter playbook in the user's playbooks folder. */
export async function newPlaybook(id: string, options: NewPlaybookOptions): Promise<ExitCode> {
  if (!PLAYBOOK_ID.test(id)) throw new UsageError(tp('new.badId', { id }));
  if (isReservedPlaybookId(id)) throw new UsageError(tp('new.reserved', { id }));
  const kind = options.kind ?? 'crisis';
  if (!isKind(kind)) throw new UsageError(tp('new.badKind', { kind, kinds: KINDS.join(', ') }));
  const lang = resolveLang(options.lang, process.env);
  const dir = join(userPlaybooksDir(), lang);
  const file = join(dir, `${id}.yaml`);
  const schema = join(packageRoot(), 'schema', 'playbook.schema.json');
  const formatDoc = join(packageRoot(), 'docs', 'playbook-format.md');
  let written: boolean;
  try {
    ensurePrivateDir(dir);
    written = writeFileIfAbsent(file, starterPlaybook({ id, lang, kind, schema, formatDoc }));
  } catch (error) {
    throw new UsageError(t('out.notWritable', { dir, reason: errorCode(error) ?? String(error) }));
  }
  if (!written) throw new UsageError(tp('new.exists', { file }));

  printInfo(style.bold(tp('new.written')));
  printResult(file);
  printInfo(`  calmclient playbooks validate ${quoteForShell(file)}`);
  printInfo(kind === 'crisis' ? `  calmclient start --playbook ${id} --lang ${lang}` : `  calmclient playbooks show ${id} --lang ${lang}`);
  if (playbookEntries(lang).some((entry) => entry.origin === 'built-in' && entry.id === id)) printInfo(tp('new.replaces', { id, lang }));
  printInfo(style.dim(tp('new.editor', { file: join(packageRoot(), 'docs', 'editor-setup.md') })));
  return ExitCode.ok;
}

function isKind(value: string): value is PlaybookKind {
  return (KINDS as readonly string[]).includes(value);
}

function quoteForShell(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
