import type { AnswerValue } from '../engine/answers.js';
import { sessionDue, type Due } from '../engine/due.js';
import { effectiveAnswers } from '../engine/run.js';
import { ExitCode, isCalmError } from '../errors.js';
import { catalogue, t } from '../i18n/catalogue.js';
import { dataDir } from '../paths.js';
import type { Playbook, Step } from '../playbook/schema.js';
import { displayAnswer } from '../render/context.js';
import { dueLabel, fileLabels, kindLabel, statusLabel, writtenDate, yesNo } from '../render/labels.js';
import { sessionPlaybook } from '../session/playbook.js';
import { readRecords } from '../session/records.js';
import { findSession } from '../store/session-list.js';
import { sessionDay } from '../store/session-order.js';
import type { SessionRecord } from '../store/sessions.js';
import { columns, fitWords, labelled, printResult, printTable, printWarning, style, wrap } from '../terminal/output.js';
import type { Lang } from '../types.js';
import { inert, inertJson, inertLine } from '../text/inert.js';

export interface ShowSessionOptions {
  json?: boolean;
}

const m = catalogue({
  session: { en: 'Session:', fr: 'Session :' },
  date: { en: 'Date:', fr: 'Date :' },
  playbook: { en: 'Playbook:', fr: 'Playbook :' },
  mission: { en: 'Mission:', fr: 'Mission :' },
  promise: { en: 'Promised:', fr: 'Promis :' },
  by: { en: 'By:', fr: 'Pour le :' },
  next: { en: 'Next contact:', fr: 'Prochain contact :' },
  lesson: { en: 'Lesson:', fr: 'Leçon :' },
  followsUp: { en: 'Follows up:', fr: 'Suit :' },
  followUps: { en: 'Follow-ups:', fr: 'Suivis :' },
  files: { en: 'Files', fr: 'Fichiers' },
  answers: { en: 'Answers', fr: 'Réponses' },
  several: {
    en: '"{ref}" matches {count} sessions, newest first. Show one with: calmclient show ID',
    fr: '« {ref} » correspond à {count} sessions, des plus récentes aux plus anciennes. Pour en afficher une : calmclient show ID',
  },
  columnDate: { en: 'DATE', fr: 'DATE' },
  columnClient: { en: 'CLIENT', fr: 'CLIENT' },
  columnKind: { en: 'KIND', fr: 'TYPE' },
  columnStatus: { en: 'STATUS', fr: 'STATUT' },
  columnId: { en: 'ID', fr: 'ID' },
  noPlaybook: {
    en: 'The playbook of this session cannot be loaded ({reason}); answers are shown by step id.',
    fr: 'Le playbook de cette session ne peut pas être chargé ({reason}) ; les réponses sont affichées par id d\'étape.',
  },
});

const LABEL_WIDTH = 18;

/**
 * The sessions `ref` names: the one with that id; else those whose id starts with it, and those of
 * the client it names (`Dupont`, `dupont & fils`: case, accents and punctuation do not count; the
 * start of a name will do), newest first.
 */
export function matchingSessions(sessions: readonly SessionRecord[], ref: string): SessionRecord[] {
  const exact = sessions.find((session) => session.id === ref);
  if (exact) return [exact];
  const wanted = foldName(ref);
  if (wanted === '') return [];
  return sessions.filter((session) => {
    // The start of an id, or its end: the four letters that tell apart two sessions of one day.
    if (session.id.startsWith(ref) || (ref.length >= 4 && session.id.endsWith(`-${ref}`))) return true;
    const client = foldName(session.client);
    return client === wanted || client.startsWith(`${wanted} `) || ([...wanted].length >= 3 && client.startsWith(wanted));
  });
}

/** A name as it is compared: letters and digits of any script, without case, accents or punctuation. */
function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** `calmclient show ID|CLIENT`: one session in full, for a person or (--json) for a script. */
export default async function show(ref: string, options: ShowSessionOptions, lang: Lang): Promise<ExitCode> {
  const loaded = readRecords(dataDir(), lang);
  const matches = matchingSessions(loaded.sessions, ref);
  if (matches.length > 1) return listMatches(ref, matches, options, lang);
  // None, or a record that cannot be read: findSession says which, as for every command.
  const session = matches[0] ?? findSession(loaded, ref, lang);
  if (options.json) {
    printResult(inertJson(session));
    return ExitCode.ok;
  }
  const due = sessionDue(session, new Date());
  // Values wrap in their own column, under themselves; a word is never cut.
  const field = (label: string, value: string): void => {
    const room = 80 - LABEL_WIDTH - 1;
    const lines = value.split('\n').flatMap((line) => wrap(line, '', room).split('\n'));
    const [first = '', ...rest] = lines;
    printResult(`${label}${' '.repeat(Math.max(1, LABEL_WIDTH + 1 - columns(label)))}${first}`);
    for (const line of rest) printResult(`${' '.repeat(LABEL_WIDTH)} ${line}`);
  };
  const marked = (text: string, state: Due | undefined): string => {
    if (!state) return text;
    const withMarker = `${text}  ⚠ ${dueLabel(state, lang)}`;
    return state === 'overdue' ? style.red(withMarker) : style.yellow(withMarker);
  };
  printResult(style.bold(`${inertLine(session.client)} · ${kindLabel(session.kind, lang)} · ${statusLabel(session.status, lang)}`));
  // What comes from the record is made inert before it is styled: the styling is calmclient's own.
  field(t(m.session, lang), inertLine(session.id));
  field(t(m.date, lang), writtenDate(sessionDay(session), lang));
  field(t(m.playbook, lang), `${inertLine(session.playbook.id)} (${session.lang})`);
  const mission = session.templateValues?.mission;
  if (session.kind === 'prevention' && mission) field(t(m.mission, lang), inert(mission));
  if (session.promise) {
    field(t(m.promise, lang), inert(session.promise.what));
    field(t(m.by, lang), marked(writtenDate(session.promise.by, lang), due.promise));
  }
  if (session.nextContact) field(t(m.next, lang), marked(writtenDate(session.nextContact, lang), due.nextContact));
  if (session.lesson) field(t(m.lesson, lang), inert(session.lesson));
  const crisis = session.followsUp ? loaded.sessions.find((other) => other.id === session.followsUp) : undefined;
  if (session.followsUp)
    field(t(m.followsUp, lang), crisis ? `${inertLine(crisis.id)} (${statusLabel(crisis.status, lang)})` : inertLine(session.followsUp));
  const followUps = loaded.sessions.filter((other) => other.followsUp === session.id).reverse();
  if (followUps.length > 0)
    field(t(m.followUps, lang), followUps.map((other) => `${inertLine(other.id)} (${statusLabel(other.status, lang)})`).join('\n'));

  const files: [string, string | undefined][] = [
    [t(fileLabels.recap, lang), session.files.recap],
    [t(fileLabels.email, lang), session.files.email],
    [t(fileLabels.email, lang), session.files.eml],
    [t(fileLabels.calendar, lang), session.files.calendar],
  ];
  const written = files.filter((file): file is [string, string] => file[1] !== undefined);
  if (written.length > 0) {
    const width = Math.max(LABEL_WIDTH - 2, ...written.map(([label]) => columns(label)));
    printResult(`\n${style.bold(t(m.files, lang))}`);
    for (const [label, path] of written) printResult(labelled(label, width, inert(path)));
  }
  await printAnswers(session, lang);
  return ExitCode.ok;
}

/** Several sessions match: they are listed, and the user told how to pick one (exit 2, as for any unclear argument). */
function listMatches(ref: string, matches: readonly SessionRecord[], options: ShowSessionOptions, lang: Lang): ExitCode {
  if (options.json) {
    printResult(inertJson(matches.map((session) => ({ id: session.id, createdAt: session.createdAt, client: session.client, kind: session.kind, status: session.status }))));
  } else {
    printTable(
      [t(m.columnDate, lang), t(m.columnClient, lang), t(m.columnKind, lang), t(m.columnStatus, lang), t(m.columnId, lang)],
      matches.map((session) => ({
        cells: [sessionDay(session), fitWords(inertLine(session.client), 24), kindLabel(session.kind, lang), statusLabel(session.status, lang), inertLine(session.id)],
      })),
    );
  }
  printWarning(t(m.several, lang, { ref: inertLine(ref), count: matches.length }));
  return ExitCode.usage;
}

/** Each answer under its step's title, as the user saw it; by step id when the playbook is gone. */
async function printAnswers(session: SessionRecord, lang: Lang): Promise<void> {
  let playbook: Playbook | undefined;
  try {
    playbook = await sessionPlaybook(session, lang);
  } catch (error) {
    if (!isCalmError(error)) throw error;
    printWarning(t(m.noPlaybook, lang, { reason: error.message }));
  }
  const answers = playbook ? effectiveAnswers(playbook, session.answers) : session.answers;
  const entries = Object.entries(answers);
  if (entries.length === 0) return;
  printResult(`\n${style.bold(t(m.answers, lang))}`);
  for (const [id, value] of entries) {
    const step = playbook?.steps.find((candidate) => candidate.id === id);
    printResult(`  ${style.cyan(inertLine(step ? heading(step) : id))}`);
    for (const line of inert(readable(step, value, lang) || '—').split('\n')) printResult(wrap(`    ${line}`, '    '));
  }
}

function heading(step: Step): string {
  return step.title ?? (step.type === 'advice' ? step.id : step.message);
}

function readable(step: Step | undefined, value: AnswerValue, lang: Lang): string {
  if (step) return displayAnswer(step, value, lang);
  if (typeof value === 'boolean') return yesNo(value, lang);
  return Array.isArray(value) ? value.join(', ') : value;
}
