import { resolve } from 'node:path';
import type { Answers } from '../engine/answers.js';
import { runPlaybook, type Prompter } from '../engine/run.js';
import { CancelledError, InputError, UsageError } from '../errors.js';
import { t } from '../i18n.js';
import { printInfo, printResult, style } from '../output.js';
import type { Playbook, SessionStatus } from '../playbook/schema.js';
import { readUserFile } from '../playbook/source.js';
import { AnswersFile, ScriptedPrompter } from '../prompters/scripted.js';
import type { RenderedSession } from '../render/documents.js';
import { ensurePrivateDir, writeNewFile } from '../store/files.js';
import { recapsDir } from '../store/paths.js';
import { saveSession, type SessionRecord } from '../store/sessions.js';
import { checkOutDir } from './start.js';

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
  return { client: name, prompter, saveDrafts: false, finish: () => prompter.assertComplete() };
}

/** Questions in the terminal, after the playbook's header; asks for the client unless `client` is given. */
export async function interactiveWalk(
  playbook: Playbook,
  now: Date,
  client: string | undefined,
  noTerminal: string,
): Promise<Walk> {
  if (!hasTerminal()) throw new UsageError(noTerminal);
  const { InquirerPrompter } = await import('../prompters/inquirer.js');
  const prompter = new InquirerPrompter({ lang: playbook.lang, now });
  printInfo(`${style.bold(t('start.header', { title: playbook.title }))}\n${style.dim(playbook.description.trim())}\n`);
  const name = client?.trim() || (await prompter.askLine(t('start.client.question', {}, playbook.lang)));
  return { client: name, prompter, saveDrafts: true, finish: () => undefined };
}

/** Runs the playbook for `session`; an interactive run leaves a draft behind when it is stopped. */
export async function walkSession(playbook: Playbook, walk: Walk, session: SessionRecord, root: string): Promise<Answers> {
  const saveDraft = (answers: Answers): void => saveAnswers(root, session, answers);
  let answers: Answers;
  try {
    answers = await runPlaybook(playbook, { prompter: walk.prompter, ...(walk.saveDrafts ? { onAnswer: saveDraft } : {}) });
  } catch (error) {
    if (error instanceof CancelledError && Object.keys(session.answers).length > 0)
      throw new CancelledError(t('cancelled.draft', { id: session.id }));
    throw error;
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

export function writeDocuments(dir: string, documents: RenderedSession): { recap: string; email: string } {
  ensurePrivateDir(dir);
  return {
    recap: writeNewFile(dir, documents.recap.path, documents.recap.contents),
    email: writeNewFile(dir, documents.email.path, documents.email.contents),
  };
}

/** The session status chosen in the step the playbook's `record.status` names (the loader checked its choices). */
export function recordedStatus(playbook: Playbook, answers: Answers): SessionStatus | undefined {
  const id = playbook.record?.status;
  const value = id === undefined ? undefined : answers[id];
  return typeof value === 'string' && value !== '' ? (value as SessionStatus) : undefined;
}

/** `Written:` and one line per file, paths aligned. */
export function printWritten(files: readonly (readonly [label: string, path: string | undefined])[]): void {
  const written = files.filter((file): file is readonly [string, string] => file[1] !== undefined);
  const width = Math.max(16, ...written.map(([label]) => label.length));
  printInfo(style.bold(t('start.written')));
  for (const [label, path] of written) printResult(`  ${label.padEnd(width)} ${path}`);
}
