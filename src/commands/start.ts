import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Answers } from '../engine/answers.js';
import { formatDate, parseIso } from '../engine/dates.js';
import { effectiveAnswers, runPlaybook, type Prompter } from '../engine/run.js';
import { CancelledError, ExitCode, InputError, UsageError } from '../errors.js';
import { resolveLang, t } from '../i18n.js';
import { printInfo, printResult, style, wrap } from '../output.js';
import { resolvePlaybook } from '../playbook/registry.js';
import type { Playbook } from '../playbook/schema.js';
import { readUserFile } from '../playbook/source.js';
import { AnswersFile, ScriptedPrompter } from '../prompters/scripted.js';
import { renderSession } from '../render/documents.js';
import { ensurePrivateDir, writeNewFile } from '../store/files.js';
import { dataDir, recapsDir } from '../store/paths.js';
import { newSessionId, saveSession, type SessionRecord } from '../store/sessions.js';
import { calendarLabel, writeNextContactEvent } from './calendar.js';

export interface StartOptions {
  client?: string;
  lang?: string;
  playbook?: string;
  answers?: string;
  out?: string;
}

/** `calmclient start`: walk the crisis playbook, then write the recap and the e-mail draft. */
export default async function start(options: StartOptions): Promise<ExitCode> {
  const now = new Date();
  const lang = resolveLang(options.lang, process.env);
  const playbook = resolvePlaybook(options.playbook ?? 'crisis', lang);
  if (playbook.kind !== 'crisis') throw new UsageError(t('start.wrongKind', { id: playbook.id, kind: playbook.kind }));
  const root = dataDir();
  // Checked before the first question: nobody should type for ten minutes into a folder that fails.
  const outDir = options.out === undefined ? recapsDir(root) : resolve(options.out);
  checkOutDir(outDir, options.out !== undefined);

  const run = options.answers === undefined ? await interactive(playbook, options, now) : scripted(playbook, options, now);
  const session: SessionRecord = {
    version: 1,
    id: newSessionId(run.client, now),
    kind: playbook.kind,
    status: 'draft',
    client: run.client,
    lang: playbook.lang,
    playbook: { id: playbook.id, source: resolve(playbook.source) },
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    answers: {},
    files: {},
  };
  const saveDraft = (answers: Answers): void => {
    session.answers = answers;
    session.updatedAt = new Date().toISOString();
    saveSession(root, session);
  };

  let answers: Answers;
  try {
    answers = await runPlaybook(playbook, { prompter: run.prompter, ...(run.saveDrafts ? { onAnswer: saveDraft } : {}) });
  } catch (error) {
    if (error instanceof CancelledError && Object.keys(session.answers).length > 0)
      throw new CancelledError(t('cancelled.draft', { id: session.id }));
    throw error;
  } finally {
    run.release?.();
  }
  run.finish?.();

  const kept = effectiveAnswers(playbook, answers);
  const documents = renderSession({ playbook, answers: kept, client: run.client, now });
  ensurePrivateDir(outDir);
  const recapPath = writeNewFile(outDir, documents.recap.path, documents.recap.contents);
  const emailPath = writeNewFile(outDir, documents.email.path, documents.email.contents);

  Object.assign(session, recordFields(playbook, kept));
  session.status = 'open';
  session.files = { recap: recapPath, email: emailPath };
  const calendarPath = writeNextContactEvent(outDir, session, now);
  if (calendarPath) session.files.calendar = calendarPath;
  saveDraft(answers);

  printInfo(style.bold(t('start.written')));
  printResult(`  ${t('start.recap').padEnd(16)} ${recapPath}`);
  printResult(`  ${t('start.email').padEnd(16)} ${emailPath}`);
  if (calendarPath) printResult(`  ${calendarLabel().padEnd(16)} ${calendarPath}`);
  printInfo(t('start.session', { id: session.id }));
  const next = session.nextContact ? parseIso(session.nextContact) : undefined;
  if (next) printInfo(t('start.nextContact', { date: formatDate(next, playbook.lang) }));
  return ExitCode.ok;
}

interface PreparedRun {
  client: string;
  prompter: Prompter;
  saveDrafts: boolean;
  /** Throws when the run left answers missing or wrong. */
  finish?: () => void;
  /** Gives back what the run held (signal handlers). */
  release?: () => void;
}

function scripted(playbook: Playbook, options: StartOptions, now: Date): PreparedRun {
  const file = options.answers ?? '';
  const answers = AnswersFile.parse(file, readUserFile(file));
  const unknown = answers.unknownKeys(playbook);
  if (unknown.length > 0) throw new InputError(unknown[0]?.message ?? '', unknown);
  const client = options.client?.trim() || answers.client();
  if (!client) throw new InputError(t('start.client.missing'));
  const prompter = new ScriptedPrompter(answers, now, playbook.lang);
  return { client, prompter, saveDrafts: false, finish: () => prompter.assertComplete() };
}

async function interactive(playbook: Playbook, options: StartOptions, now: Date): Promise<PreparedRun> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) throw new UsageError(t('start.noTerminal'));
  const { InquirerPrompter } = await import('../prompters/inquirer.js');
  // A closed terminal or a `kill` ends the run like Ctrl-C: the answers given so far are on disk.
  const stop = new AbortController();
  const abort = (): void => stop.abort();
  process.once('SIGTERM', abort);
  process.once('SIGHUP', abort);
  const release = (): void => {
    process.off('SIGTERM', abort);
    process.off('SIGHUP', abort);
  };
  const prompter = new InquirerPrompter({ lang: playbook.lang, now, signal: stop.signal });
  printInfo(`${style.bold(t('start.header', { title: playbook.title }))}\n${style.dim(wrap(playbook.description.trim()))}\n`);
  const client = options.client?.trim() || (await prompter.askLine(t('start.client.question', {}, playbook.lang)));
  return { client, prompter, saveDrafts: true, release };
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
  const text = (id: string | undefined): string | undefined => {
    const value = id === undefined ? undefined : answers[id];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const fields: Partial<SessionRecord> = {};
  const what = text(roles.promise?.what);
  const by = text(roles.promise?.by);
  if (what && by) fields.promise = { what, by };
  const next = text(roles.next_contact);
  if (next) fields.nextContact = next;
  const lesson = text(roles.lesson);
  if (lesson) fields.lesson = lesson;
  return fields;
}
