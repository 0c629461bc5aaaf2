import { basename, join } from 'node:path';
import { isRequired } from '../engine/answers.js';
import { ExitCode, InputError, UsageError, type SourceProblem } from '../errors.js';
import { catalogue, t } from '../i18n/catalogue.js';
import { userPlaybooksDir } from '../paths.js';
import { m as playbookMessages } from '../playbook/messages.js';
import {
  isReservedPlaybookId,
  loadPlaybookEntry,
  loadPlaybookPath,
  packageRoot,
  playbookEntries,
  resolvePlaybook,
  strayUserPlaybookFiles,
  type PlaybookEntry,
  type PlaybookOrigin,
} from '../playbook/registry.js';
import type { Condition, Playbook, Step } from '../playbook/schema.js';
import { starterPlaybook } from '../playbook/starter.js';
import { ensurePrivateDir, notWritable, writeFileIfAbsent } from '../store/files.js';
import { printError, printInfo, printProblems, printProblemWarnings, printResult, printTable, style } from '../terminal/output.js';
import { KINDS, LANGS, type Lang, type PlaybookKind } from '../types.js';

const m = catalogue({
  columnId: { en: 'ID', fr: 'ID' },
  columnKind: { en: 'KIND', fr: 'TYPE' },
  columnLang: { en: 'LANG', fr: 'LANGUE' },
  columnSteps: { en: 'STEPS', fr: 'ÉTAPES' },
  columnSource: { en: 'SOURCE', fr: 'SOURCE' },
  columnTitle: { en: 'TITLE', fr: 'TITRE' },
  sourceUser: { en: 'yours', fr: 'le vôtre' },
  sourceBuiltin: { en: 'built-in', fr: 'intégré' },
  sourceReplaced: { en: 'built-in, replaced by yours', fr: 'intégré, remplacé par le vôtre' },
  invalid: { en: 'invalid: {message}', fr: 'invalide : {message}' },
  optional: { en: '(optional)', fr: '(facultative)' },
  when: { en: 'when {condition}', fr: 'si {condition}' },
  validateOk: { en: '{file}: valid ({count} steps)', fr: '{file} : valide ({count} étapes)' },
  validateSummary: { en: '{bad} of {total} files have problems.', fr: '{bad} fichier(s) sur {total} posent problème.' },
  newBadId: {
    en: 'invalid playbook id "{id}": use lowercase letters, digits or -, starting with a letter',
    fr: 'identifiant de playbook « {id} » invalide : minuscules, chiffres ou -, en commençant par une lettre',
  },
  newBadKind: { en: 'unknown kind "{kind}": use one of {kinds}', fr: 'type « {kind} » inconnu : utilisez {kinds}' },
  newReserved: {
    en: '"{id}" names other data than a playbook; pick another id',
    fr: '« {id} » désigne d\'autres données qu\'un playbook ; choisissez un autre identifiant',
  },
  newExists: {
    en: '{file} already exists and calmclient never overwrites a playbook: edit that file, or pick another id',
    fr: '{file} existe déjà et calmclient n\'écrase jamais un playbook : modifiez ce fichier, ou choisissez un autre identifiant',
  },
  newWritten: {
    en: 'Starter playbook written. Edit it, then check it and run it:',
    fr: 'Playbook de départ écrit. Modifiez-le, puis vérifiez-le et lancez-le :',
  },
  newReplaces: {
    en: 'Being yours, it replaces the built-in playbook "{id}" ({lang}) for --playbook {id}.',
    fr: 'Comme il est à vous, il remplace le playbook intégré « {id} » ({lang}) pour --playbook {id}.',
  },
  newEditor: {
    en: 'Editors with a YAML language server complete and check it as you type: see {file}',
    fr: 'Les éditeurs dotés d\'un serveur de langage YAML le complètent et le vérifient à la frappe : voir {file} (en anglais)',
  },
});

export interface ListOptions {
  /** Only the playbooks of this language (`--lang`); all of them without it. */
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
export async function list(options: ListOptions, lang: Lang): Promise<ExitCode> {
  const entries = playbookEntries(options.lang === undefined ? undefined : lang);
  const replaced = (entry: PlaybookEntry): boolean =>
    entry.origin === 'built-in' && entries.some((other) => other.origin === 'user' && other.id === entry.id && other.lang === entry.lang);
  const rows = [
    ...(await Promise.all(entries.map((entry) => listRow(entry, !replaced(entry), lang)))),
    ...strayUserPlaybookFiles().map((file) => strayRow(file, lang)),
  ];
  if (options.json) {
    printResult(JSON.stringify(rows, null, 2));
    return ExitCode.ok;
  }
  const header = [
    t(m.columnId, lang),
    t(m.columnKind, lang),
    t(m.columnLang, lang),
    t(m.columnSteps, lang),
    t(m.columnSource, lang),
    t(m.columnTitle, lang),
  ];
  const source = (row: ListRow): string =>
    row.source === 'user' ? t(m.sourceUser, lang) : row.active ? t(m.sourceBuiltin, lang) : t(m.sourceReplaced, lang);
  printTable(
    header,
    rows.map((r) => ({
      cells: [
        r.id,
        r.kind ?? '-',
        r.lang ?? '-',
        r.steps === null ? '-' : String(r.steps),
        source(r),
        r.title ?? t(m.invalid, lang, { message: r.problem?.message ?? '' }),
      ],
      ...(r.valid ? (r.active ? {} : { colour: style.dim }) : { colour: style.red }),
    })),
  );
  printProblemWarnings(rows.flatMap((row) => (row.problem ? [row.problem] : [])));
  return ExitCode.ok;
}

async function listRow(entry: PlaybookEntry, active: boolean, lang: Lang): Promise<ListRow> {
  const place = { id: entry.id, file: entry.file, source: entry.origin, active };
  try {
    const p = await loadPlaybookEntry(entry, lang);
    return { ...place, kind: p.kind, lang: p.lang, steps: p.steps.length, title: p.title, valid: true };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const problem = error.problems[0] ?? { file: entry.file, line: 1, col: 1, message: error.message };
    return { ...place, kind: null, lang: entry.lang, steps: null, title: null, valid: false, problem };
  }
}

function strayRow(file: string, lang: Lang): ListRow {
  const problem = { file, line: 1, col: 1, message: t(playbookMessages.stray, lang, { folders: LANGS.map((folder) => `${folder}/`).join(', ') }) };
  const id = basename(file).replace(/\.ya?ml$/i, '');
  return { id, kind: null, lang: null, steps: null, title: null, file, source: 'user', active: false, valid: false, problem };
}

export interface ShowOptions {
  json?: boolean;
}

/** `calmclient playbooks show ID`: every step, for a person or (--json) for a script. */
export async function show(ref: string, options: ShowOptions, lang: Lang): Promise<ExitCode> {
  const playbook = await resolvePlaybook(ref, lang);
  if (options.json) {
    printResult(JSON.stringify(describe(playbook), null, 2));
    return ExitCode.ok;
  }
  printResult(`${style.bold(playbook.title)}  ${style.dim(`(${playbook.id}, ${playbook.kind}, ${playbook.lang})`)}`);
  printResult(`${playbook.description.trim()}\n`);
  playbook.steps.forEach((step, index) => {
    const required = step.type !== 'advice' && isRequired(step) ? '' : style.dim(` ${t(m.optional, lang)}`);
    const heading = step.type === 'advice' ? step.title : step.message;
    printResult(`${String(index + 1).padStart(3)}. ${style.cyan(step.id)} ${style.dim(step.type)}${step.type === 'advice' ? '' : required}`);
    printResult(`     ${heading}`);
    if (step.when) printResult(style.dim(`     ${t(m.when, lang, { condition: conditionText(step.when) })}`));
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
export async function validate(files: string[], lang: Lang): Promise<ExitCode> {
  let bad = 0;
  for (const file of files) {
    try {
      const playbook = await loadPlaybookPath(file, lang);
      printResult(t(m.validateOk, lang, { file, count: playbook.steps.length }));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      bad++;
      if (error.problems.length > 0) printProblems(error.problems);
      else printError(error.message);
    }
  }
  if (bad > 0 && files.length > 1) printError(t(m.validateSummary, lang, { bad, total: files.length }));
  return bad > 0 ? ExitCode.usage : ExitCode.ok;
}

export interface NewPlaybookOptions {
  kind?: string;
}

const PLAYBOOK_ID = /^[a-z][a-z0-9-]*$/;

/** `calmclient playbooks new ID`: a commented starter playbook in the user's playbooks folder. */
export async function newPlaybook(id: string, options: NewPlaybookOptions, lang: Lang): Promise<ExitCode> {
  if (!PLAYBOOK_ID.test(id)) throw new UsageError(t(m.newBadId, lang, { id }));
  if (isReservedPlaybookId(id)) throw new UsageError(t(m.newReserved, lang, { id }));
  const kind = options.kind ?? 'crisis';
  if (!isKind(kind)) throw new UsageError(t(m.newBadKind, lang, { kind, kinds: KINDS.join(', ') }));
  const dir = join(userPlaybooksDir(), lang);
  const file = join(dir, `${id}.yaml`);
  const schema = join(packageRoot(), 'schema', 'playbook.schema.json');
  const formatDoc = join(packageRoot(), 'docs', 'playbook-format.md');
  let written: boolean;
  try {
    ensurePrivateDir(dir);
    written = writeFileIfAbsent(file, starterPlaybook({ id, lang, kind, schema, formatDoc }));
  } catch (error) {
    throw notWritable(dir, error, lang);
  }
  if (!written) throw new UsageError(t(m.newExists, lang, { file }));

  printInfo(style.bold(t(m.newWritten, lang)));
  printResult(file);
  printInfo(`  calmclient playbooks validate ${quoteForShell(file)}`);
  printInfo(kind === 'crisis' ? `  calmclient start --playbook ${id} --lang ${lang}` : `  calmclient playbooks show ${id} --lang ${lang}`);
  if (playbookEntries(lang).some((entry) => entry.origin === 'built-in' && entry.id === id)) printInfo(t(m.newReplaces, lang, { id, lang }));
  printInfo(style.dim(t(m.newEditor, lang, { file: join(packageRoot(), 'docs', 'editor-setup.md') })));
  return ExitCode.ok;
}

function isKind(value: string): value is PlaybookKind {
  return (KINDS as readonly string[]).includes(value);
}

function quoteForShell(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
