import { randomUUID } from 'node:crypto';
import { accessSync, constants, existsSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EmailFormat } from '../cli.js';
import type { Answers } from '../engine/answers.js';
import { effectiveAnswers, runPlaybook, type Prompter } from '../engine/run.js';
import { CancelledError, InputError, UsageError } from '../errors.js';
import { t } from '../i18n.js';
import { printInfo, printResult, style, wrap } from '../output.js';
import type { Playbook } from '../playbook/schema.js';
import { errorCode, readUserFile } from '../user-files.js';
import { AnswersFile, ScriptedPrompter } from '../prompters/scripted.js';
import { renderSession, type RenderedFile } from '../render/documents.js';
import { emlFromDraft } from '../render/eml.js';
import { ensurePrivateDir, writeNewFile } from '../store/files.js';
import { recapsDir } from '../store/paths.js';
import { newSessionId, saveSession, type SessionRecord } from '../store/sessions.js';
import { calendarLabel, nextContactEvent } from './calendar.js';
import type { Lang, SessionStatus } from '../types.js';

/**
 * Walking a playbook for a new session, as `start` does, for `checklist` and `followup`: answers
 * from a file or from a terminal, a draft saved after each interactive answer, the documents written.
 */

export interface Walk {
  client: string;
  prompter: Prompter;
  /** Interactive runs save a draft after every answer; a run from a file is all or nothing. */
  saveDrafts: boolean;
  /** Throws when the run left answers missing or wrong. */
  finish: () => void;
  /** Gives back what the run held (signal handlers). */
  release: () => void;
}

/** The commands that walk a playbook for a new session, and can resume one. */
export type WalkCommand = 'start' | 'checklist' | 'followup';

/** The options `start`, `checklist` and `followup` share. */
export interface WalkOptions {
  lang?: string;
  playbook?: string;
  answers?: string;
  out?: string;
  /** `--resume` alone: the newest draft; `--resume ID`: that one. */
  resume?: string | true;
}

export function hasTerminal(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY);
}

/** `--answers FILE`. The client is `client` when given, else the file's `client:` key. */
export function scriptedWalk(playbook: Playbook, file: string, now: Date, client: string | undefined): Walk {
  const answers = AnswersFile.parse(file, readUserFile(file));
  const unknown = answers.unknownKeys(playbook);
  if (unknown.length > 0) throw new InputError(unknown[0]?.message ?? '', unknown);
  const name = client?.trim() || answers.client();
  if (!name) throw new InputError(t('start.client.missing'));
  const prompter = new ScriptedPrompter(answers, now, playbook.lang);
  return { client: name, prompter, saveDrafts: false, finish: () => prompter.assertComplete(), release: () => undefined };
}

/**
 * Questions in the terminal, after the playbook's header; asks for the client unless `client` is
 * given. A resumed session shows its `earlier` answers first.
 */
export async function interactiveWalk(
  playbook: Playbook,
  now: Date,
  client: string | undefined,
  noTerminal: string,
  earlier: Answers = {},
): Promise<Walk> {
  if (!hasTerminal()) throw new UsageError(noTerminal);
  const { InquirerPrompter } = await import('../prompters/inquirer.js');
  // A closed terminal or a `kill` ends the run like Ctrl-C: the answers given so far are on disk.
  // `on`, not `once`: Inquirer's signal-exit kills the process if it finds itself the only listener.
  const stop = new AbortController();
  const abort = (): void => stop.abort();
  process.on('SIGTERM', abort);
  process.on('SIGHUP', abort);
  const release = (): void => {
    process.off('SIGTERM', abort);
    process.off('SIGHUP', abort);
  };
  const prompter = new InquirerPrompter({ lang: playbook.lang, now, signal: stop.signal });
  printInfo(`${style.bold(t('start.header', { title: playbook.title }))}\n${style.dim(wrap(playbook.description.trim()))}\n`);
  if (Object.keys(earlier).length > 0) prompter.recall(playbook, earlier);
  try {
    const name = client?.trim() || (await prompter.askLine(t('start.client.question', {}, playbook.lang)));
    return { client: name, prompter, saveDrafts: true, finish: () => undefined, release };
  } catch (error) {
    release();
    throw error;
  }
}

/** A new session record, a draft until its documents are written. */
export function newSession(playbook: Playbook, client: string, now: Date, fields: Partial<SessionRecord> = {}): SessionRecord {
  return {
    version: 1,
    id: newSessionId(client, now),
    kind: playbook.kind,
    status: 'draft',
    client,
    lang: playbook.lang,
    // Absolute, so that `recap` and `--resume` find it from any folder.
    playbook: { id: playbook.id, source: resolve(playbook.source) },
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    answers: {},
    ...fields,
    files: {},
  };
}

/**
 * Runs the playbook for `session`, from the answers it already holds; an interactive run leaves a
 * draft behind when it is stopped, and says how to continue.
 */
export async function walkSession(
  playbook: Playbook,
  walk: Walk,
  session: SessionRecord,
  root: string,
  command: WalkCommand,
): Promise<Answers> {
  const saveDraft = (answers: Answers): void => saveAnswers(root, session, answers);
  let answers: Answers;
  try {
    answers = await runPlaybook(playbook, {
      prompter: walk.prompter,
      answers: session.answers,
      ...(walk.saveDrafts ? { onAnswer: saveDraft } : {}),
    });
  } catch (error) {
    if (error instanceof CancelledError && Object.keys(session.answers).length > 0)
      throw new CancelledError(t('cancelled.draft', { id: session.id, command }));
    throw error;
  } finally {
    walk.release();
  }
  walk.finish();
  return answers;
}

export function saveAnswers(root: string, session: SessionRecord, answers: Answers): void {
  session.answers = answers;
  session.updatedAt = new Date().toISOString();
  saveSession(root, session);
}

/** `--out DIR`, or the recaps folder; checked before the first question. */
export function outputDir(out: string | undefined, root: string): string {
  const dir = out === undefined ? recapsDir(root) : resolve(out);
  checkOutDir(dir, out !== undefined);
  return dir;
}

type Written<T> = { [K in keyof T]: undefined extends T[K] ? string | undefined : string };

/**
 * Writes files all or none: if one cannot be written, those already written are removed again and
 * the user learns which folder failed and why. Returns each file's path under its key; a key whose
 * file is undefined stays undefined.
 */
export function writeFiles<T extends Record<string, RenderedFile | undefined>>(dir: string, files: T): Written<T> {
  const written: Record<string, string> = {};
  try {
    ensurePrivateDir(dir);
    for (const [key, file] of Object.entries(files)) if (file) written[key] = writeNewFile(dir, file.path, file.contents);
    return written as Written<T>;
  } catch (error) {
    for (const path of Object.values(written)) rmSync(path, { force: true });
    throw new UsageError(t('out.notWritable', { dir, reason: errorCode(error) ?? String(error) }));
  }
}

export interface Completion {
  root: string;
  outDir: string;
  playbook: Playbook;
  session: SessionRecord;
  /** Every answer of the walk, as `walkSession` returned them. */
  answers: Answers;
  now: Date;
  /** The session's status when its playbook records none (`record.status`). */
  defaultStatus: SessionRecord['status'];
  /** The label printed in front of the recap's path. */
  recapLabel: string;
  /** The crisis a follow-up is about: its promise goes into the calendar event. */
  crisis?: SessionRecord;
  /** `start --format`: which e-mail files to write (default: the markdown draft only). */
  emailFormat?: EmailFormat;
}

/**
 * What a walked session leaves behind: its documents, the `.eml` and the calendar event where they
 * apply (all written or none), its record saved, the paths printed and the e-mail draft reviewed.
 * Returns the status the playbook's answers recorded, if it records one.
 */
export async function completeSession(done: Completion): Promise<SessionStatus | undefined> {
  const { playbook, session, now } = done;
  const kept = effectiveAnswers(playbook, done.answers);
  const documents = renderSession({
    playbook,
    answers: kept,
    client: session.client,
    now,
    ...(session.templateValues ? { extra: session.templateValues } : {}),
  });
  Object.assign(session, recordFields(playbook, kept));
  const recorded = recordedStatus(playbook, kept);
  session.status = recorded ?? done.defaultStatus;
  const format = done.emailFormat ?? 'md';
  session.files = writeFiles(done.outDir, {
    recap: documents.recap,
    email: format === 'eml' ? undefined : documents.email,
    eml: format === 'md' ? undefined : emlFromDraft(documents.email, { date: now, messageId: `${randomUUID()}@calmclient.invalid` }),
    calendar: nextContactEvent(session, now, done.crisis),
  });
  saveAnswers(done.root, session, done.answers);

  const { files } = session;
  printWritten([
    [done.recapLabel, files.recap],
    [t('start.email'), files.email],
    [t('start.email'), files.eml],
    [calendarLabel(), files.calendar],
  ]);
  await reviewEmail(files.email ?? t('start.email'), documents.email.contents, playbook.lang);
  return recorded;
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
export async function reviewEmail(path: string, contents: string, lang: Lang): Promise<void> {
  const [{ checkDraft }, { printFindings }] = await Promise.all([import('../check/index.js'), import('../check/report.js')]);
  const findings = await checkDraft(contents, { lang });
  if (findings.length > 0) printInfo(`\n${style.bold(t('review.title', {}, lang))}`);
  printFindings({ name: path, text: contents }, lang, findings);
}

/** `Written:` and one line per file, paths aligned. */
export function printWritten(files: readonly (readonly [label: string, path: string | undefined])[]): void {
  const written = files.filter((file): file is readonly [string, string] => file[1] !== undefined);
  const width = Math.max(16, ...written.map(([label]) => label.length));
  printInfo(style.bold(t('start.written')));
  for (const [label, path] of written) printResult(`  ${label.padEnd(width)} ${path}`);
}

export function checkOutDir(dir: string, givenByUser: boolean): void {
  if (!existsSync(dir)) {
    if (givenByUser) throw new UsageError(t('out.notWritable', { dir, reason: t('out.missing') }));
    return;
  }
  try {
    if (!statSync(dir).isDirectory()) throw new UsageError(t('out.notWritable', { dir, reason: t('out.notDir') }));
    accessSync(dir, constants.W_OK);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(t('out.notWritable', { dir, reason: t('out.readOnly') }));
  }
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
