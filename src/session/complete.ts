import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Answers } from '../engine/answers.js';
import { todayOf } from '../dates/calendar.js';
import { effectiveAnswers } from '../engine/run.js';
import { catalogue, t, type Message } from '../i18n/catalogue.js';
import { configDir, recapsDir } from '../paths.js';
import type { Playbook } from '../playbook/schema.js';
import { nextContactEvent, type EventDetails } from '../render/calendar.js';
import { renderSession, type RenderedSession } from '../render/documents.js';
import { emlFromDraft, type MailboxInput } from '../render/eml.js';
import { fileLabels } from '../render/labels.js';
import { readProfile, signatureOf } from '../store/profile.js';
import { markdownToPlainText } from '../render/plain-text.js';
import { deliverEmail, type Delivery } from './email-out.js';
import { documentPeople, type SessionPeople } from './people.js';
import { checkOutDir } from '../store/files.js';
import type { SessionRecord } from '../store/sessions.js';
import { columns, labelled, printInfo, printResult, style, wrap } from '../terminal/output.js';
import { inert } from '../text/inert.js';
import { dateOrderFromEnv } from '../dates/locale.js';
import type { Finding } from '../check/model.js';
import { emailFindings, planAfterDeadline } from './promise.js';
import type { RecordKeeper } from './record-keeper.js';
import type { EmailFormat, Lang, RecordStatus, SessionStatus } from '../types.js';

/**
 * What a walked session leaves behind: its documents rendered and written all or none, its record
 * saved, the paths printed and the e-mail draft read as `calmclient check` would.
 */

const m = catalogue({
  written: { en: 'Written:', fr: 'Fichiers écrits :' },
  created: { en: 'Created the folder {dir}', fr: 'Dossier créé : {dir}' },
  reviewTitle: { en: 'Before you send the email, reread these words:', fr: 'Avant d\'envoyer l\'e-mail, relisez ces mots :' },
});

/** `--out DIR`, else the profile's `out` (`calmclient config set out DIR`), else the recaps folder; checked before the first question. */
export function outputDir(out: string | undefined, root: string, lang: Lang): OutputDir {
  const chosen = out ?? readProfile(configDir(), lang).out;
  const path = chosen === undefined ? recapsDir(root) : resolve(chosen);
  // calmclient's own folder is made without a word when the files are written, as it always was
  // (its data folder is checked first, see data-dir.ts).
  if (chosen === undefined && !existsSync(path)) return { path, created: false };
  return { path, created: checkOutDir(path, lang) && chosen !== undefined };
}

/** Where the documents go, checked before the first question. */
export interface OutputDir {
  path: string;
  /** A folder the user named that does not exist yet: it is made (with its parents) as the files are written, and the user told. */
  created: boolean;
}

export interface Completion {
  /** The session's record, as the run keeps it on disk. */
  keeper: RecordKeeper;
  outDir: OutputDir;
  playbook: Playbook;
  /** Every answer of the walk, as `walkSession` returned them. */
  answers: Answers;
  now: Date;
  defaultStatus: RecordStatus;
  recapLabel: Message;
  crisis?: SessionRecord;
  emailFormat?: EmailFormat;
  /** Who the documents are between (session/people.ts). */
  people: SessionPeople;
  /** `--open`, `--copy`: the e-mail handed to the mail client or the clipboard once written. */
  delivery?: Delivery | undefined;
  /** The e-mail draft as the user edited it at the review; written instead of the one rendered. */
  editedEmail?: string | undefined;
  /** The day the documents are dated and named after (the session's own day when it is amended). */
  renderNow?: Date;
}

/**
 * What a walked session leaves behind: its documents, the `.eml` and the calendar event where they
 * apply (all written or none), its record saved, the paths printed and the e-mail draft reviewed.
 * Returns the status the playbook's answers recorded, if it records one.
 */
export async function completeSession(done: Completion): Promise<SessionStatus | undefined> {
  const { playbook, keeper, now } = done;
  const { session } = keeper;
  const { lang } = playbook;
  const kept = effectiveAnswers(playbook, done.answers);
  const rendered = renderSession({
    playbook,
    answers: kept,
    client: session.client,
    now: done.renderNow ?? now,
    people: documentPeople(done.people),
    ...(session.templateValues ? { extra: session.templateValues } : {}),
  });
  const documents = done.editedEmail === undefined ? rendered : { ...rendered, email: editedDraft(rendered.email, done.editedEmail) };
  // A finished session amended keeps the files it wrote: the new ones are written beside them, and
  // its status stays (a crisis resolved since stays resolved).
  const amended = session.status !== 'draft';
  const kept_ = { previousFiles: session.previousFiles, editedEmail: session.editedEmail };
  if (amended) session.previousFiles = [...(session.previousFiles ?? []), ...Object.values(session.files).filter((path): path is string => typeof path === 'string')];
  if (done.editedEmail === undefined) delete session.editedEmail;
  else session.editedEmail = done.editedEmail;
  Object.assign(session, recordFields(playbook, kept));
  session.answers = done.answers;
  delete session.partial;
  session.updatedAt = new Date().toISOString();
  const recorded = recordedStatus(playbook, kept);
  const format = done.emailFormat ?? 'md';
  // Listed in the record (still a draft) before they exist, then written all or none.
  const files = keeper.writeFiles(done.outDir.path, {
    recap: documents.recap,
    email: format === 'eml' ? undefined : documents.email,
    eml: format === 'md' ? undefined : emlFromDraft(documents.email, { date: now, messageId: newMessageId(), ...mailboxes(done.people) }),
    calendar: nextContactEvent(session, now, done.crisis, eventDetails(playbook, kept, session, done.people)),
  });
  const before = { files: session.files, status: session.status, ...kept_ };
  session.files = files;
  session.status = recorded ?? (amended ? session.status : done.defaultStatus);
  try {
    keeper.save();
  } catch (error) {
    // The documents go with the record or not at all: the draft, with every answer, stays.
    for (const path of Object.values(files)) if (path !== undefined) rmSync(path, { force: true });
    Object.assign(session, before);
    throw keeper.answersKept(error instanceof Error ? error : new Error(String(error)));
  }

  if (done.outDir.created) printCreated(done.outDir.path, lang);
  printWritten(
    [
      [t(done.recapLabel, lang), files.recap],
      [t(fileLabels.email, lang), files.email],
      [t(fileLabels.eml, lang), files.eml],
      [t(fileLabels.calendar, lang), files.calendar],
    ],
    lang,
  );
  const email = documents.email.contents;
  const planned = planAfterDeadline({ playbook, answers: kept, email, lang, reference: todayOf(done.renderNow ?? now), order: dateOrderFromEnv(process.env) });
  await reviewEmail(files.email ?? t(fileLabels.email, lang), email, lang, now, planned);
  if (done.delivery)
    await deliverEmail(
      { eml: files.eml, md: files.email, subject: documents.email.subject, text: markdownToPlainText(documents.email.body) },
      done.delivery,
      lang,
    );
  return recorded;
}

export const newMessageId = (): string => `${randomUUID()}@calmclient.invalid`;

/** `From:` the user (their name, else their signature's first line) and `To:` the contact, when their addresses are known. */
export function mailboxes(people: Pick<SessionPeople, 'contact' | 'sender'>): { from?: MailboxInput; to?: MailboxInput } {
  const { contact, sender } = people;
  const senderName = sender.name ?? signatureOf(sender)?.split('\n')[0];
  return {
    ...(sender.email ? { from: { address: sender.email, name: senderName } } : {}),
    ...(contact.email ? { to: { address: contact.email, name: contact.name } } : {}),
  };
}

/**
 * What the calendar event says beyond the date: the contact and their phone, who calls back when
 * someone took over (`record.caller`), and for a checklist its mission and the points still open
 * (the select steps answered `not_yet`, by their titles).
 */
export function eventDetails(playbook: Playbook, answers: Answers, session: SessionRecord, people: Pick<SessionPeople, 'contact'>): EventDetails {
  const callerName = textAnswer(answers, playbook.record?.caller?.name);
  const callerRole = textAnswer(answers, playbook.record?.caller?.role);
  const openPoints = playbook.steps.flatMap((step) => (step.type === 'select' && answers[step.id] === 'not_yet' ? [step.title ?? step.id] : []));
  const mission = session.templateValues?.mission;
  return {
    contact: people.contact,
    ...(callerName ? { caller: { name: callerName, ...(callerRole ? { role: callerRole } : {}) } } : {}),
    ...(mission ? { mission } : {}),
    ...(openPoints.length > 0 ? { openPoints } : {}),
  };
}

/**
 * The e-mail draft as the user edited it: its first line is the subject when it still reads
 * `Subject: …` (`Objet : …`), as the rendered draft starts; the rest is the body.
 */
function editedDraft(email: RenderedSession['email'], text: string): RenderedSession['email'] {
  const [first = '', ...rest] = text.replace(/\r\n?/g, '\n').split('\n');
  const label = /^(?:Subject|Objet)\s*:\s*(.*)$/.exec(first);
  const subject = label ? (label[1] ?? '').trim() || email.subject : email.subject;
  const body = label ? rest.join('\n').replace(/^\n+/, '') : text;
  return { ...email, subject, body, contents: text.endsWith('\n') ? text : `${text}\n` };
}

/** A step's answer when it is non-empty text (or a choice value). */
function textAnswer(answers: Answers, id: string | undefined): string | undefined {
  const value = id === undefined ? undefined : answers[id];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The session status chosen in the step the playbook's `record.status` names (the loader checked its choices). */
function recordedStatus(playbook: Playbook, answers: Answers): SessionStatus | undefined {
  return textAnswer(answers, playbook.record?.status) as SessionStatus | undefined;
}

/**
 * Reads the e-mail draft as `calmclient check` would, so the user sees the words that would make
 * things worse (often their own, quoted in the plan) before they send it.
 */
async function reviewEmail(path: string, contents: string, lang: Lang, now: Date, planned: readonly Finding[]): Promise<void> {
  const [{ checkDraft }, { printFindings }] = await Promise.all([import('../check/index.js'), import('../check/report.js')]);
  // The draft is dated the session's day, the day its dates were written against ("jeudi 26
  // novembre" is a next step on the 23rd, whenever the review runs).
  const findings = emailFindings(await checkDraft(contents, { lang, reference: todayOf(now) }), planned);
  if (findings.length > 0) printInfo(`\n${style.bold(t(m.reviewTitle, lang))}`);
  printFindings({ name: path, text: contents }, lang, findings);
}

/** `Written:` and one line per file, paths aligned. */
/** The `--out` folder was made for the files. */
export function printCreated(dir: string, lang: Lang): void {
  printInfo(wrap(t(m.created, lang, { dir: inert(dir) })));
}

/** `Written:` and one line per file, paths aligned; a path too long for the line goes on its own. */
export function printWritten(files: readonly (readonly [label: string, path: string | undefined])[], lang: Lang): void {
  const written = files.filter((file): file is readonly [string, string] => file[1] !== undefined);
  const width = Math.max(16, ...written.map(([label]) => columns(label)));
  printInfo(style.bold(t(m.written, lang)));
  for (const [label, path] of written) printResult(labelled(label, width, inert(path)));
}

/** The promise, next contact and lesson, taken from the steps the playbook's `record` names. */
export function recordFields(playbook: Playbook, answers: Answers): Partial<SessionRecord> {
  const roles = playbook.record ?? {};
  const fields: Partial<SessionRecord> = {};
  const what = textAnswer(answers, roles.promise?.what);
  const by = textAnswer(answers, roles.promise?.by);
  if (what && by) fields.promise = { what, by };
  const next = textAnswer(answers, roles.next_contact);
  if (next) fields.nextContact = next;
  const lesson = textAnswer(answers, roles.lesson);
  if (lesson) fields.lesson = lesson;
  return fields;
}
