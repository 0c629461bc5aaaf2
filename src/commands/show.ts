import type { AnswerValue } from '../engine/answers.js';
import { sessionDue, type Due } from '../engine/due.js';
import { effectiveAnswers } from '../engine/run.js';
import { ExitCode, isCalmError } from '../errors.js';
import { defineMessages, getLang, t } from '../i18n.js';
import { printResult, printWarning, style } from '../output.js';
import type { Playbook, Step } from '../playbook/schema.js';
import { displayAnswer } from '../render/context.js';
import { dataDir } from '../store/paths.js';
import type { SessionRecord } from '../store/sessions.js';
import { calendarLabel } from './calendar.js';
import { dueLabel, findSession, loadSessions, sessionDay, statusLabel, writtenDate } from './session-list.js';
import { sessionPlaybook } from './session-playbook.js';

export interface ShowSessionOptions {
  json?: boolean;
}

const m = defineMessages(
  {
    session: 'Session',
    date: 'Date',
    playbook: 'Playbook',
    mission: 'Mission',
    promise: 'Promised',
    by: 'By',
    next: 'Next contact',
    lesson: 'Lesson',
    followsUp: 'Follows up',
    followUps: 'Follow-ups',
    files: 'Files',
    answers: 'Answers',
    noPlaybook: 'The playbook of this session cannot be loaded ({reason}); answers are shown by step id.',
  },
  {
    session: 'Session',
    date: 'Date',
    playbook: 'Playbook',
    mission: 'Mission',
    promise: 'Promis',
    by: 'Pour le',
    next: 'Prochain contact',
    lesson: 'Leçon',
    followsUp: 'Suit',
    followUps: 'Suivis',
    files: 'Fichiers',
    answers: 'Réponses',
    noPlaybook: 'Le playbook de cette session ne peut pas être chargé ({reason}) ; les réponses sont affichées par id d\'étape.',
  },
);

const LABEL_WIDTH = 18;

/** `calmclient show ID`: one session in full, for a person or (--json) for a script. */
export default async function show(ref: string, options: ShowSessionOptions): Promise<ExitCode> {
  const loaded = loadSessions(dataDir());
  const session = findSession(loaded, ref);
  if (options.json) {
    printResult(JSON.stringify(session, null, 2));
    return ExitCode.ok;
  }
  const due = sessionDue(session, new Date());
  printResult(style.bold(`${session.client} · ${session.kind} · ${statusLabel(session.status)}`));
  field(m('session'), session.id);
  field(m('date'), writtenDate(sessionDay(session)));
  field(m('playbook'), `${session.playbook.id} (${session.lang})`);
  const mission = session.templateValues?.mission;
  if (session.kind === 'prevention' && mission) field(m('mission'), mission);
  if (session.promise) {
    field(m('promise'), session.promise.what);
    field(m('by'), marked(writtenDate(session.promise.by), due.promise));
  }
  if (session.nextContact) field(m('next'), marked(writtenDate(session.nextContact), due.nextContact));
  if (session.lesson) field(m('lesson'), session.lesson);
  const crisis = session.followsUp ? loaded.sessions.find((other) => other.id === session.followsUp) : undefined;
  if (session.followsUp) field(m('followsUp'), crisis ? `${crisis.id} (${statusLabel(crisis.status)})` : session.followsUp);
  const followUps = loaded.sessions.filter((other) => other.followsUp === session.id).reverse();
  if (followUps.length > 0) field(m('followUps'), followUps.map((other) => `${other.id} (${statusLabel(other.status)})`).join('\n'));

  const files: [string, string | undefined][] = [
    [t('start.recap'), session.files.recap],
    [t('start.email'), session.files.email],
    [t('start.email'), session.files.eml],
    [calendarLabel(), session.files.calendar],
  ];
  const written = files.filter((file): file is [string, string] => file[1] !== undefined);
  if (written.length > 0) {
    const width = Math.max(LABEL_WIDTH - 2, ...written.map(([label]) => label.length));
    printResult(`\n${style.bold(m('files'))}`);
    for (const [label, path] of written) printResult(`  ${label.padEnd(width)} ${path}`);
  }
  printAnswers(session);
  return ExitCode.ok;
}

function field(label: string, value: string): void {
  const [first = '', ...rest] = value.split('\n');
  printResult(`${`${label}:`.padEnd(LABEL_WIDTH)} ${first}`);
  for (const line of rest) printResult(`${' '.repeat(LABEL_WIDTH)} ${line}`);
}

function marked(text: string, due: Due | undefined): string {
  if (!due) return text;
  const withMarker = `${text}  ⚠ ${dueLabel(due)}`;
  return due === 'overdue' ? style.red(withMarker) : style.yellow(withMarker);
}

/** Each answer under its step's title, as the user saw it; by step id when the playbook is gone. */
function printAnswers(session: SessionRecord): void {
  let playbook: Playbook | undefined;
  try {
    playbook = sessionPlaybook(session);
  } catch (error) {
    if (!isCalmError(error)) throw error;
    printWarning(m('noPlaybook', { reason: error.message }));
  }
  const answers = playbook ? effectiveAnswers(playbook, session.answers) : session.answers;
  const entries = Object.entries(answers);
  if (entries.length === 0) return;
  printResult(`\n${style.bold(m('answers'))}`);
  for (const [id, value] of entries) {
    const step = playbook?.steps.find((candidate) => candidate.id === id);
    printResult(`  ${style.cyan(step ? heading(step) : id)}`);
    for (const line of (readable(step, value) || '—').split('\n')) printResult(`    ${line}`);
  }
}

function heading(step: Step): string {
  return step.title ?? (step.type === 'advice' ? step.id : step.message);
}

function readable(step: Step | undefined, value: AnswerValue): string {
  if (step) return displayAnswer(step, value, getLang());
  if (typeof value === 'boolean') return t(value ? 'value.yes' : 'value.no');
  return Array.isArray(value) ? value.join(', ') : value;
}
