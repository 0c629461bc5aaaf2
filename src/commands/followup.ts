import { formatDate, parseIso } from '../dates/calendar.js';
import { sessionDue } from '../engine/due.js';
import { ExitCode, UsageError } from '../errors.js';
import { defineMessages, getLang, resolveLang } from '../i18n.js';
import { printInfo, style, wrap } from '../output.js';
import { resolvePlaybook } from '../playbook/registry.js';
import { dataDir } from '../store/paths.js';
import { saveSession, type SessionRecord } from '../store/sessions.js';
import { dueLabel, findSession, loadSessions, sessionDay, statusLabel, writtenDate } from './session-list.js';
import {
  completeSession,
  hasTerminal,
  interactiveWalk,
  newSession,
  outputDir,
  scriptedWalk,
  walkSession,
  type WalkOptions,
} from './walk.js';
import { resumeDraft } from './resume.js';
import type { Lang } from '../types.js';

export type FollowupOptions = WalkOptions;

const m = defineMessages(
  {
    wrongKind: 'playbook "{id}" is a {kind} playbook; "calmclient followup" runs follow-up playbooks',
    noTerminal:
      'no terminal to ask questions on. Run it in a terminal, or pass --answers FILE (see "calmclient followup --help").',
    noOpen: 'no open crisis session to follow up. "calmclient history" lists your sessions; follow one up with "calmclient followup ID".',
    several: 'several crisis sessions are open; say which one to follow up: calmclient followup ID\n{list}',
    choose: 'Which session do you follow up?',
    notCrisis: 'session "{id}" is a {kind} session; only a crisis session can be followed up',
    draft: 'session "{id}" is an unfinished draft: nothing was agreed yet to follow up',
    header: 'Following up with {client}: crisis session {id} of {date}',
    promise: 'Agreed: {what}',
    by: 'By: {date}',
    noPromise: 'No promise with a date was recorded in that session.',
    contact: 'Planned contact: {date}',
    recap: 'follow-up recap',
    saved: 'Follow-up {id} saved.',
    status: 'Crisis session {id} ({client}) is now {status}.',
    unchanged: 'Crisis session {id} ({client}) stays {status}: this playbook records no status.',
    next: 'Next contact: {date}.',
  },
  {
    wrongKind: 'le playbook « {id} » est de type {kind} ; « calmclient followup » exécute les playbooks de suivi',
    noTerminal:
      'pas de terminal pour poser les questions. Lancez la commande dans un terminal, ou passez --answers FICHIER (voir « calmclient followup --help »).',
    noOpen: 'aucune session de crise ouverte à suivre. « calmclient history » liste vos sessions ; suivez-en une avec « calmclient followup ID ».',
    several: 'plusieurs sessions de crise sont ouvertes ; indiquez celle à suivre : calmclient followup ID\n{list}',
    choose: 'Quelle session suivez-vous ?',
    notCrisis: 'la session « {id} » est de type {kind} ; seule une session de crise peut être suivie',
    draft: 'la session « {id} » est un brouillon inachevé : rien n\'a encore été convenu à suivre',
    header: 'Suivi de {client} : session de crise {id} du {date}',
    promise: 'Convenu : {what}',
    by: 'Pour le : {date}',
    noPromise: 'Aucune promesse datée n\'a été enregistrée dans cette session.',
    contact: 'Contact prévu : {date}',
    recap: 'compte rendu de suivi',
    saved: 'Suivi {id} enregistré.',
    status: 'La session de crise {id} ({client}) est désormais {status}.',
    unchanged: 'La session de crise {id} ({client}) reste {status} : ce playbook n\'enregistre pas de statut.',
    next: 'Prochain contact : {date}.',
  },
);

/** `calmclient followup [ID]`: remind what was agreed, walk the follow-up playbook, update the crisis session. */
export default async function followup(ref: string | undefined, options: FollowupOptions): Promise<ExitCode> {
  const now = new Date();
  const langFlag = options.lang === undefined ? undefined : resolveLang(options.lang, process.env);
  const interactive = options.answers === undefined;
  if (interactive && !hasTerminal()) throw new UsageError(m('noTerminal'));
  const root = dataDir();
  const resumed = options.resume === undefined ? undefined : resumeDraft(root, 'followup', options.resume);
  const draft = resumed?.draft;
  const loaded = loadSessions(root);
  const crisisRef = draft?.followsUp ?? ref;
  const crisis = crisisRef === undefined ? await pickOpenCrisis(loaded.sessions, now, interactive) : followable(findSession(loaded, crisisRef));
  const playbook = resumed?.playbook ?? resolvePlaybook(options.playbook ?? 'followup', langFlag ?? crisis.lang);
  if (playbook.kind !== 'followup') throw new UsageError(m('wrongKind', { id: playbook.id, kind: playbook.kind }));
  const outDir = outputDir(options.out, root);

  const walk =
    options.answers === undefined
      ? await interactiveWalk(playbook, now, crisis.client, m('noTerminal'), draft?.answers)
      : scriptedWalk(playbook, options.answers, now, crisis.client);
  remind(crisis, now);

  const templateValues = promiseValues(crisis, playbook.lang);
  const session =
    draft ?? newSession(playbook, crisis.client, now, { followsUp: crisis.id, ...(templateValues ? { templateValues } : {}) });
  const answers = await walkSession(playbook, walk, session, root, 'followup');

  const status = await completeSession({ root, outDir, playbook, session, answers, now, defaultStatus: 'done', recapLabel: m('recap'), crisis });
  updateCrisis(root, crisis, session, now);
  printInfo(m('saved', { id: session.id }));
  const vars = { id: crisis.id, client: crisis.client, status: statusLabel(crisis.status) };
  printInfo(status === undefined ? m('unchanged', vars) : m('status', vars));
  if (crisis.status === 'open' && crisis.nextContact) printInfo(m('next', { date: writtenDate(crisis.nextContact) }));
  return ExitCode.ok;
}

function followable(session: SessionRecord): SessionRecord {
  if (session.kind !== 'crisis') throw new UsageError(m('notCrisis', { id: session.id, kind: session.kind }));
  if (session.status === 'draft') throw new UsageError(m('draft', { id: session.id }));
  return session;
}

/**
 * The open crisis to follow up: the only one, or the user's pick in a terminal. Without a terminal,
 * several open sessions are a question only the user can answer, so it stops and lists them.
 */
async function pickOpenCrisis(sessions: readonly SessionRecord[], now: Date, interactive: boolean): Promise<SessionRecord> {
  const open = sessions.filter((session) => session.kind === 'crisis' && session.status === 'open');
  const [newest] = open;
  if (newest === undefined) throw new UsageError(m('noOpen'));
  if (open.length === 1) return newest;
  if (!interactive) {
    const width = Math.max(...open.map((session) => session.id.length));
    const list = open.map((session) => `  ${session.id.padEnd(width)}  ${session.client}`).join('\n');
    throw new UsageError(m('several', { list }));
  }
  const { InquirerPrompter } = await import('../prompters/inquirer.js');
  const prompter = new InquirerPrompter({ lang: getLang(), now });
  return prompter.choose(
    m('choose'),
    open.map((session) => {
      const due = sessionDue(session, now);
      const marker = due.promise ?? due.nextContact;
      const name = `${session.client} · ${writtenDate(sessionDay(session))}${marker ? ` · ⚠ ${dueLabel(marker)}` : ''}`;
      return { value: session, name, ...(session.promise ? { description: session.promise.what } : {}) };
    }),
  );
}

/** What was agreed and by when, flagged when due or overdue. */
function remind(crisis: SessionRecord, now: Date): void {
  const due = sessionDue(crisis, now);
  printInfo(style.bold(wrap(m('header', { client: crisis.client, id: crisis.id, date: writtenDate(sessionDay(crisis)) }))));
  if (crisis.promise) {
    printInfo(`  ${wrap(m('promise', { what: crisis.promise.what }), '    ')}`);
    const by = m('by', { date: writtenDate(crisis.promise.by) });
    printInfo(`  ${due.promise ? flag(by, due.promise) : by}`);
  } else {
    printInfo(`  ${m('noPromise')}`);
  }
  if (crisis.nextContact) {
    const contact = m('contact', { date: writtenDate(crisis.nextContact) });
    printInfo(`  ${due.nextContact ? flag(contact, due.nextContact) : contact}`);
  }
  printInfo('');
}

function flag(text: string, due: 'due' | 'overdue'): string {
  const marked = `${text} ⚠ ${dueLabel(due)}`;
  return due === 'overdue' ? style.red(marked) : style.yellow(marked);
}

/** `{{promise}}` and `{{promise_date}}` for the follow-up's templates. */
function promiseValues(crisis: SessionRecord, lang: Lang): Record<string, string> | undefined {
  if (!crisis.promise) return undefined;
  const by = parseIso(crisis.promise.by);
  return { promise: crisis.promise.what, ...(by ? { promise_date: formatDate(by, lang) } : {}) };
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
