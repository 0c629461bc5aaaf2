import { formatDate, parseIso, toIso, todayOf } from '../dates/calendar.js';
import type { AnswerValue, Answers } from '../engine/answers.js';
import type { QuestionStep } from '../playbook/schema.js';
import type { PromiseTiming } from '../render/context.js';
import { sessionDue } from '../engine/due.js';
import { ExitCode, UsageError } from '../errors.js';
import { catalogue, t } from '../i18n/catalogue.js';
import { dataDir } from '../paths.js';
import { dueLabel, fileLabels, kindLabel, statusLabel, writtenDate } from '../render/labels.js';
import { readRecords } from '../session/records.js';
import { resumeDraft } from '../session/resume.js';
import { requireTerminal, runWalk, type WalkOptions } from '../session/walk.js';
import { findSession } from '../store/session-list.js';
import { sessionDay } from '../store/session-order.js';
import { saveSession, type SessionRecord } from '../store/sessions.js';
import { printInfo, style, wrap } from '../terminal/output.js';
import type { Lang } from '../types.js';
import { inert, inertLine } from '../text/inert.js';

export interface FollowupOptions extends WalkOptions {
  /** The language of the follow-up, when not the crisis session's. */
  lang?: string;
}

const m = catalogue({
  noOpen: {
    en: 'no open crisis session to follow up. "calmclient history" lists your sessions; follow one up with "calmclient followup ID".',
    fr: 'aucune session de crise ouverte à suivre. « calmclient history » liste vos sessions ; suivez-en une avec « calmclient followup ID ».',
  },
  several: {
    en: 'several crisis sessions are open; say which one to follow up: calmclient followup ID\n{list}',
    fr: 'plusieurs sessions de crise sont ouvertes ; indiquez celle à suivre : calmclient followup ID\n{list}',
  },
  choose: { en: 'Which session do you follow up?', fr: 'Quelle session suivez-vous ?' },
  notCrisis: {
    en: 'session "{id}" is a {kind} session; only a crisis session can be followed up',
    fr: 'la session « {id} » est de type {kind} ; seule une session de crise peut être suivie',
  },
  draft: {
    en: 'session "{id}" is an unfinished draft: nothing was agreed yet to follow up',
    fr: 'la session « {id} » est un brouillon inachevé : rien n\'a encore été convenu à suivre',
  },
  header: {
    en: 'Following up with {client}: crisis session {id} of {date}',
    fr: 'Suivi de {client} : session de crise {id} du {date}',
  },
  promise: { en: 'Agreed: {what}', fr: 'Convenu : {what}' },
  by: { en: 'By: {date}', fr: 'Pour le : {date}' },
  noPromise: {
    en: 'No promise with a date was recorded in that session.',
    fr: 'Aucune promesse datée n\'a été enregistrée dans cette session.',
  },
  contact: { en: 'Planned contact: {date}', fr: 'Contact prévu : {date}' },
  saved: { en: 'Follow-up {id} saved.', fr: 'Suivi {id} enregistré.' },
  status: {
    en: 'Crisis session {id} ({client}) is now {status}.',
    fr: 'La session de crise {id} ({client}) est désormais {status}.',
  },
  unchanged: {
    en: 'Crisis session {id} ({client}) stays {status}: this playbook records no status.',
    fr: 'La session de crise {id} ({client}) reste {status} : ce playbook n\'enregistre pas de statut.',
  },
  next: { en: 'Next contact: {date}.', fr: 'Prochain contact : {date}.' },
});

/**
 * `calmclient followup [ID]`: remind what was agreed, walk the follow-up playbook, update the
 * crisis session. `lang` is the language of the command line; the follow-up speaks the crisis
 * session's language unless `--lang` was given.
 */
export default async function followup(ref: string | undefined, options: FollowupOptions, lang: Lang): Promise<ExitCode> {
  const now = new Date();
  const interactive = options.answers === undefined;
  if (interactive) requireTerminal('followup', lang);
  const root = dataDir();
  const resumed = options.resume === undefined ? undefined : await resumeDraft(root, 'followup', options.resume, lang);
  const loaded = readRecords(root, lang);
  const crisisRef = resumed?.draft.followsUp ?? ref;
  const crisis =
    crisisRef === undefined ? await pickOpenCrisis(loaded.sessions, now, interactive, lang) : followable(findSession(loaded, crisisRef, lang), lang);
  const runLang = options.lang === undefined ? crisis.lang : lang;
  const templateValues = promiseValues(crisis, runLang, now);

  const { session, playbook, recorded } = await runWalk({
    command: 'followup',
    kind: 'followup',
    defaultPlaybook: 'followup',
    options,
    root,
    now,
    lang: runLang,
    resumed,
    client: crisis.client,
    fields: { followsUp: crisis.id, ...(templateValues ? { templateValues } : {}) },
    beforeQuestions: (_client, walkLang) => remind(crisis, now, walkLang),
    defaultStatus: 'done',
    recapLabel: fileLabels.followupRecap,
    crisis,
    emailFormat: 'both',
    propose: proposeStatus,
  });
  const said = playbook.lang;
  updateCrisis(root, crisis, session, now);
  printInfo(t(m.saved, said, { id: inertLine(session.id) }));
  const vars = { id: inertLine(crisis.id), client: inertLine(crisis.client), status: statusLabel(crisis.status, said) };
  printInfo(recorded === undefined ? t(m.unchanged, said, vars) : t(m.status, said, vars));
  if (crisis.status === 'open' && crisis.nextContact) printInfo(t(m.next, said, { date: writtenDate(crisis.nextContact, said) }));
  return ExitCode.ok;
}

function followable(session: SessionRecord, lang: Lang): SessionRecord {
  if (session.kind !== 'crisis') throw new UsageError(t(m.notCrisis, lang, { id: session.id, kind: kindLabel(session.kind, lang) }));
  if (session.status === 'draft') throw new UsageError(t(m.draft, lang, { id: session.id }));
  return session;
}

/**
 * The open crisis to follow up: the only one, or the user's pick in a terminal. Without a terminal,
 * several open sessions are a question only the user can answer, so it stops and lists them.
 */
async function pickOpenCrisis(sessions: readonly SessionRecord[], now: Date, interactive: boolean, lang: Lang): Promise<SessionRecord> {
  const open = sessions.filter((session) => session.kind === 'crisis' && session.status === 'open');
  const [newest] = open;
  if (newest === undefined) throw new UsageError(t(m.noOpen, lang));
  if (open.length === 1) return newest;
  if (!interactive) {
    const width = Math.max(...open.map((session) => session.id.length));
    const list = open.map((session) => `  ${session.id.padEnd(width)}  ${session.client}`).join('\n');
    throw new UsageError(t(m.several, lang, { list }));
  }
  const { InquirerPrompter } = await import('../prompters/inquirer.js');
  const prompter = new InquirerPrompter({ lang, now });
  return prompter.choose(
    t(m.choose, lang),
    open.map((session) => {
      const due = sessionDue(session, now);
      const marker = due.promise ?? due.nextContact;
      const name = `${inertLine(session.client)} · ${writtenDate(sessionDay(session), lang)}${marker ? ` · ⚠ ${dueLabel(marker, lang)}` : ''}`;
      return { value: session, name, ...(session.promise ? { description: inert(session.promise.what) } : {}) };
    }),
  );
}

/** What was agreed and by when, flagged when due or overdue. */
function remind(crisis: SessionRecord, now: Date, lang: Lang): void {
  const due = sessionDue(crisis, now);
  printInfo(
    style.bold(wrap(t(m.header, lang, { client: inertLine(crisis.client), id: inertLine(crisis.id), date: writtenDate(sessionDay(crisis), lang) }))),
  );
  if (crisis.promise) {
    printInfo(`  ${wrap(t(m.promise, lang, { what: inert(crisis.promise.what) }), '    ')}`);
    const by = t(m.by, lang, { date: writtenDate(crisis.promise.by, lang) });
    printInfo(`  ${due.promise ? flag(by, due.promise, lang) : by}`);
  } else {
    printInfo(`  ${t(m.noPromise, lang)}`);
  }
  if (crisis.nextContact) {
    const contact = t(m.contact, lang, { date: writtenDate(crisis.nextContact, lang) });
    printInfo(`  ${due.nextContact ? flag(contact, due.nextContact, lang) : contact}`);
  }
  printInfo('');
}

function flag(text: string, due: 'due' | 'overdue', lang: Lang): string {
  const marked = `${text} ⚠ ${dueLabel(due, lang)}`;
  return due === 'overdue' ? style.red(marked) : style.yellow(marked);
}

/**
 * `{{promise}}`, `{{promise_date}}` and `promise_timing` (`{{#is.promise.ahead}}`…) for the
 * follow-up's templates: before the promised day the e-mail is a status update, on or after it,
 * it says what it is today.
 */
function promiseValues(crisis: SessionRecord, lang: Lang, now: Date): Record<string, string> | undefined {
  if (!crisis.promise) return undefined;
  const by = parseIso(crisis.promise.by);
  if (!by) return { promise: crisis.promise.what };
  return { promise: crisis.promise.what, promise_date: formatDate(by, lang), promise_timing: promiseTiming(crisis.promise.by, now) };
}

export function promiseTiming(by: string, now: Date): PromiseTiming {
  const today = toIso(todayOf(now));
  const day = by.slice(0, 10);
  return day > today ? 'ahead' : day === today ? 'today' : 'past';
}

/**
 * The status a follow-up proposes (the default of the playbook's status step), from the answers
 * so far: delivered (on time or late) to a satisfied client closes the crisis, and so does a new
 * order from a client who is not still unhappy; anything else keeps it open. Escalated and lost are the user's call, never proposed.
 */
export function proposeStatus(step: QuestionStep, answers: Answers): AnswerValue | undefined {
  if (step.id !== 'status' || step.type !== 'select') return undefined;
  const delivered = answers.kept === 'yes' || answers.kept === 'late';
  const wonBack = answers.client_feeling === 'satisfied' || (answers.new_order === true && answers.client_feeling !== 'still_unhappy');
  const proposed = delivered && wonBack ? 'resolved' : 'open';
  return step.choices.some((choice) => choice.value === proposed) ? proposed : undefined;
}

/** The crisis takes the follow-up's status; its next contact is the follow-up's, or none once closed. */
function updateCrisis(root: string, crisis: SessionRecord, followUp: SessionRecord, now: Date): void {
  if (followUp.status !== 'done' && followUp.status !== 'draft') {
    crisis.status = followUp.status;
    if (followUp.status !== 'open') delete crisis.nextContact;
    else if (followUp.nextContact) crisis.nextContact = followUp.nextContact;
  }
  crisis.followedUpAt = now.toISOString();
  crisis.updatedAt = now.toISOString();
  saveSession(root, crisis);
}
