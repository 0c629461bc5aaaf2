import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Answers } from '../engine/answers.js';
import { effectiveAnswers, runPlaybook, type Prompter } from '../engine/run.js';
import { CancelledError, InputError, UsageError } from '../errors.js';
import { catalogue, t, type Message } from '../i18n/catalogue.js';
import { recapsDir } from '../paths.js';
import { resolvePlaybook } from '../playbook/registry.js';
import type { Playbook } from '../playbook/schema.js';
import { AnswersFile, ScriptedPrompter } from '../prompters/scripted.js';
import { nextContactEvent } from '../render/calendar.js';
import { renderSession } from '../render/documents.js';
import { emlFromDraft } from '../render/eml.js';
import { fileLabels, kindLabel } from '../render/labels.js';
import { checkOutDir, writeFiles } from '../store/files.js';
import { newSessionId, saveSession, type SessionRecord } from '../store/sessions.js';
import { printInfo, printResult, style, wrap } from '../terminal/output.js';
import type { EmailFormat, Lang, PlaybookKind, RecordStatus, SessionStatus } from '../types.js';
import { readUserFile } from '../user-files.js';
import { resumeDraft, type Resumed } from './resume.js';

/**
 * A session from its first question to its documents, for the three commands that walk a
 * playbook (`start`, `checklist`, `followup`): the playbook found (or the draft resumed), the
 * answers taken from a terminal or a file, a draft saved after each interactive answer, then the
 * documents rendered, written all or none, the record saved and the e-mail draft reviewed.
 */

const m = catalogue({
  header: { en: 'calmclient · {title}', fr: 'calmclient · {title}' },
  clientQuestion: { en: 'Who is the client? (name or company)', fr: 'Qui est le client ? (nom ou entreprise)' },
  clientMissing: {
    en: 'the client\'s name is missing: pass --client NAME or put "client: NAME" in the answers file',
    fr: 'le nom du client manque : passez --client NOM ou mettez « client: NOM » dans le fichier de réponses',
  },
  noTerminal: {
    en: 'no terminal to ask questions on. Run it in a terminal, or pass --answers FILE (see "calmclient {command} --help").',
    fr: 'pas de terminal pour poser les questions. Lancez la commande dans un terminal, ou passez --answers FICHIER (voir « calmclient {command} --help »).',
  },
  wrongKind: {
    en: 'playbook "{id}" is a {kind} playbook; "calmclient {command}" runs {expected} playbooks',
    fr: 'le playbook « {id} » est de type {kind} ; « calmclient {command} » exécute les playbooks de type {expected}',
  },
  stopped: {
    en: 'Stopped. Your answers so far are saved in session {id}. To go on: calmclient {command} --resume {id}',
    fr: 'Interrompu. Vos réponses sont enregistrées dans la session {id}. Pour reprendre : calmclient {command} --resume {id}',
  },
  written: { en: 'Written:', fr: 'Fichiers écrits :' },
  reviewTitle: { en: 'Before you send the email, reread these words:', fr: 'Avant d\'envoyer l\'e-mail, relisez ces mots :' },
});

/** The commands that walk a playbook for a new session, and can resume one. */
export type WalkCommand = 'start' | 'checklist' | 'followup';

/** The options `start`, `checklist` and `followup` share. */
export interface WalkOptions {
  playbook?: string;
  answers?: string;
  out?: string;
  /** `--resume` alone: the newest draft; `--resume ID`: that one. */
  resume?: string | true;
}

export function hasTerminal(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY);
}

/** Stops a command that would ask questions with no terminal to ask them on: it never waits for input that cannot come. */
export function requireTerminal(command: WalkCommand, lang: Lang): void {
  if (!hasTerminal()) throw new UsageError(t(m.noTerminal, lang, { command }));
}

/** What a command asks of a walk. */
export interface WalkSpec {
  command: WalkCommand;
  /** The kind of playbook the command runs. */
  kind: PlaybookKind;
  /** The playbook when `--playbook` is not given. */
  defaultPlaybook: string;
  options: WalkOptions;
  /** The data folder. */
  root: string;
  /** The moment the session happens, when the command already took it (a follow-up stamps the crisis with it too). */
  now?: Date;
  /** The language of the run: of the playbook looked up by id, and of the messages. */
  lang: Lang;
  /** The draft to go on with, when the command resumed it itself (`followup` needs the draft to find its crisis). */
  resumed?: Resumed | undefined;
  /** The client, when the command knows it (`--client`, the crisis followed up); else asked, or read from the answers file. */
  client?: string | undefined;
  /** Fields of the new session record beyond the walk's (`templateValues`, `followsUp`). */
  fields?: Partial<SessionRecord>;
  /** Said once the client is known and before the first question (the past incidents, the promise to check). */
  beforeQuestions?: (client: string, lang: Lang) => void;
  /** The session's status when its playbook records none (`record.status`). */
  defaultStatus: RecordStatus;
  /** The label printed in front of the recap's path. */
  recapLabel: Message;
  /** The crisis a follow-up is about: its promise goes into the calendar event. */
  crisis?: SessionRecord;
  /** `start --format`: which e-mail files to write (default: the markdown draft only). */
  emailFormat?: EmailFormat;
}

export interface WalkResult {
  session: SessionRecord;
  playbook: Playbook;
  /** The status the playbook's answers recorded, if it records one. */
  recorded: SessionStatus | undefined;
}

/** Walks a playbook for a new or resumed session, and writes what it leaves behind. */
export async function runWalk(spec: WalkSpec): Promise<WalkResult> {
  const now = spec.now ?? new Date();
  const root = spec.root;
  const resumed = spec.resumed ?? (spec.options.resume === undefined ? undefined : await resumeDraft(root, spec.kind, spec.options.resume, spec.lang));
  const draft = resumed?.draft;
  // A resumed session goes on in the language it began in.
  const lang = draft?.lang ?? spec.lang;
  const playbook = resumed?.playbook ?? (await resolvePlaybook(spec.options.playbook ?? spec.defaultPlaybook, lang));
  if (playbook.kind !== spec.kind)
    throw new UsageError(
      t(m.wrongKind, lang, { id: playbook.id, kind: kindLabel(playbook.kind, lang), command: spec.command, expected: kindLabel(spec.kind, lang) }),
    );
  // Checked before the first question: nobody should type for ten minutes into a folder that fails.
  const outDir = outputDir(spec.options.out, root, lang);

  const client = draft?.client ?? spec.client;
  const walk =
    spec.options.answers === undefined
      ? await interactiveWalk(playbook, now, client, spec.command, draft?.answers)
      : scriptedWalk(playbook, spec.options.answers, now, client);
  if (!draft) spec.beforeQuestions?.(walk.client, lang);

  const session = draft ?? newSession(playbook, walk.client, now, spec.fields ?? {});
  const answers = await walkSession(playbook, walk, session, root, spec.command);
  const recorded = await completeSession({
    root,
    outDir,
    playbook,
    session,
    answers,
    now,
    defaultStatus: spec.defaultStatus,
    recapLabel: spec.recapLabel,
    ...(spec.crisis ? { crisis: spec.crisis } : {}),
    ...(spec.emailFormat ? { emailFormat: spec.emailFormat } : {}),
  });
  return { session, playbook, recorded };
}

interface Walk {
  client: string;
  prompter: Prompter;
  /** Interactive runs save a draft after every answer; a run from a file is all or nothing. */
  saveDrafts: boolean;
  /** Throws when the run left answers missing or wrong. */
  finish: () => void;
  /** Gives back what the run held (signal handlers). */
  release: () => void;
}

/** `--answers FILE`. The client is `client` when given, else the file's `client:` key. */
function scriptedWalk(playbook: Playbook, file: string, now: Date, client: string | undefined): Walk {
  const { lang } = playbook;
  const answers = AnswersFile.parse(file, readUserFile(file, lang), lang);
  const unknown = answers.unknownKeys(playbook);
  if (unknown.length > 0) throw new InputError(unknown[0]?.message ?? '', unknown);
  const name = client?.trim() || answers.client();
  if (!name) throw new InputError(t(m.clientMissing, lang));
  const prompter = new ScriptedPrompter(answers, now, lang);
  return { client: name, prompter, saveDrafts: false, finish: () => prompter.assertComplete(), release: () => undefined };
}

/**
 * Questions in the terminal, after the playbook's header; asks for the client unless `client` is
 * given. A resumed session shows its `earlier` answers first.
 */
async function interactiveWalk(
  playbook: Playbook,
  now: Date,
  client: string | undefined,
  command: WalkCommand,
  earlier: Answers = {},
): Promise<Walk> {
  const { lang } = playbook;
  requireTerminal(command, lang);
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
  const prompter = new InquirerPrompter({ lang, now, signal: stop.signal });
  printInfo(`${style.bold(t(m.header, lang, { title: playbook.title }))}\n${style.dim(wrap(playbook.description.trim()))}\n`);
  if (Object.keys(earlier).length > 0) prompter.recall(playbook, earlier);
  try {
    const name = client?.trim() || (await prompter.askLine(t(m.clientQuestion, lang)));
    return { client: name, prompter, saveDrafts: true, finish: () => undefined, release };
  } catch (error) {
    release();
    throw error;
  }
}

/** A new session record, a draft until its documents are written. */
function newSession(playbook: Playbook, client: string, now: Date, fields: Partial<SessionRecord>): SessionRecord {
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
async function walkSession(playbook: Playbook, walk: Walk, session: SessionRecord, root: string, command: WalkCommand): Promise<Answers> {
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
      throw new CancelledError(t(m.stopped, playbook.lang, { id: session.id, command }));
    throw error;
  } finally {
    walk.release();
  }
  walk.finish();
  return answers;
}

function saveAnswers(root: string, session: SessionRecord, answers: Answers): void {
  session.answers = answers;
  session.updatedAt = new Date().toISOString();
  saveSession(root, session);
}

/** `--out DIR`, or the recaps folder; checked before the first question. */
export function outputDir(out: string | undefined, root: string, lang: Lang): string {
  const dir = out === undefined ? recapsDir(root) : resolve(out);
  checkOutDir(dir, out !== undefined, lang);
  return dir;
}

interface Completion {
  root: string;
  outDir: string;
  playbook: Playbook;
  session: SessionRecord;
  /** Every answer of the walk, as `walkSession` returned them. */
  answers: Answers;
  now: Date;
  defaultStatus: RecordStatus;
  recapLabel: Message;
  crisis?: SessionRecord;
  emailFormat?: EmailFormat;
}

/**
 * What a walked session leaves behind: its documents, the `.eml` and the calendar event where they
 * apply (all written or none), its record saved, the paths printed and the e-mail draft reviewed.
 * Returns the status the playbook's answers recorded, if it records one.
 */
async function completeSession(done: Completion): Promise<SessionStatus | undefined> {
  const { playbook, session, now } = done;
  const { lang } = playbook;
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
  session.files = writeFiles(
    done.outDir,
    {
      recap: documents.recap,
      email: format === 'eml' ? undefined : documents.email,
      eml: format === 'md' ? undefined : emlFromDraft(documents.email, { date: now, messageId: `${randomUUID()}@calmclient.invalid` }),
      calendar: nextContactEvent(session, now, done.crisis),
    },
    lang,
  );
  saveAnswers(done.root, session, done.answers);

  const { files } = session;
  printWritten(
    [
      [t(done.recapLabel, lang), files.recap],
      [t(fileLabels.email, lang), files.email],
      [t(fileLabels.email, lang), files.eml],
      [t(fileLabels.calendar, lang), files.calendar],
    ],
    lang,
  );
  await reviewEmail(files.email ?? t(fileLabels.email, lang), documents.email.contents, lang);
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
async function reviewEmail(path: string, contents: string, lang: Lang): Promise<void> {
  const [{ checkDraft }, { printFindings }] = await Promise.all([import('../check/index.js'), import('../check/report.js')]);
  const findings = await checkDraft(contents, { lang });
  if (findings.length > 0) printInfo(`\n${style.bold(t(m.reviewTitle, lang))}`);
  printFindings({ name: path, text: contents }, lang, findings);
}

/** `Written:` and one line per file, paths aligned. */
export function printWritten(files: readonly (readonly [label: string, path: string | undefined])[], lang: Lang): void {
  const written = files.filter((file): file is readonly [string, string] => file[1] !== undefined);
  const width = Math.max(16, ...written.map(([label]) => label.length));
  printInfo(style.bold(t(m.written, lang)));
  for (const [label, path] of written) printResult(`  ${label.padEnd(width)} ${path}`);
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
