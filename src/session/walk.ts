import { resolve } from 'node:path';
import type { Answers } from '../engine/answers.js';
import { runPlaybook, type Prompter, type StepContext } from '../engine/run.js';
import { CancelledError, InputError, UsageError } from '../errors.js';
import { catalogue, t, type Message } from '../i18n/catalogue.js';
import { resolvePlaybook } from '../playbook/registry.js';
import type { AdviceStep, Playbook, QuestionStep } from '../playbook/schema.js';
import type { AnswerValue } from '../engine/answers.js';
import { AnswersFile, ScriptedPrompter } from '../prompters/scripted.js';
import type { AdviceMemory } from '../prompters/inquirer.js';
import { adviceKey, readAdviceRead, saveAdviceRead } from '../store/advice-read.js';
import { kindLabel } from '../render/labels.js';
import { newSessionId, type SessionRecord } from '../store/sessions.js';
import { printInfo, printWarning, style, wrap } from '../terminal/output.js';
import type { EmailFormat, Lang, PlaybookKind, RecordStatus, SessionStatus } from '../types.js';
import { readUserFile } from '../user-files.js';
import { configDir } from '../paths.js';
import { completeSession, outputDir } from './complete.js';
import type { ReviewInput, Reviewed } from './review.js';
import { prepareDataDir } from './data-dir.js';
import { askContact, askContactDetails, documentPeople, askProfile, canonicalClient, needsSignature, scriptedPeople, type SessionPeople } from './people.js';
import { RecordKeeper } from './record-keeper.js';
import type { Resumed } from './resume.js';

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
  typedUnused: {
    en: 'You had started typing in step "{step}" when the run was stopped; the answers file is used instead. What you had typed:',
    fr: 'Vous aviez commencé à taper à l\'étape « {step} » quand l\'exécution a été interrompue ; le fichier de réponses est utilisé à la place. Ce que vous aviez tapé :',
  },
  stopped: {
    en: 'Stopped. Your answers so far are saved in session {id}. To go on: calmclient {command} --resume {id}',
    fr: 'Interrompu. Vos réponses sont enregistrées dans la session {id}. Pour reprendre : calmclient {command} --resume {id}',
  },
});

/** The signals that stop a run during its questions as Ctrl-C does: every one a user can send that Node lets a program catch. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const;

/** The commands that walk a playbook for a new session, and can resume one. */
export type WalkCommand = 'start' | 'checklist' | 'followup';

/** The options `start`, `checklist` and `followup` share. */
export interface WalkOptions {
  playbook?: string;
  answers?: string;
  out?: string;
  /** `--resume` alone: the newest draft; `--resume ID`: that one. */
  resume?: string | true;
  /** Open the `.eml` draft in the mail client, copy the e-mail's text to the clipboard (session/email-out.ts). */
  open?: boolean;
  copy?: boolean;
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
  /**
   * Said once the client is known and before the first question (the past incidents, the promise
   * to check). What it returns is added to the template values (a checklist's past lessons).
   */
  beforeQuestions?: (client: string, lang: Lang) => Record<string, string> | void;
  /** The answer to propose for a step, given the answers so far (a follow-up's status): its default. */
  propose?: (step: QuestionStep, answers: Answers) => AnswerValue | undefined;
  /** The session's status when its playbook records none (`record.status`). */
  defaultStatus: RecordStatus;
  /** The label printed in front of the recap's path. */
  recapLabel: Message;
  /** The crisis a follow-up is about: its promise goes into the calendar event. */
  crisis?: SessionRecord;
  /** `start --format`: which e-mail files to write (default: the markdown draft only). */
  emailFormat?: EmailFormat;
  /**
   * Values for the templates asked before the first question when the command line did not give
   * them (`checklist`: the mission's name), or read from the answers file under the same key.
   * Optional: an empty answer leaves the value out.
   */
  templateQuestions?: readonly { key: string; title: Message; message: Message }[];
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
  // A finished session named by its id opens at the review, to amend it: interactively only.
  const amendable = spec.options.answers === undefined && spec.kind !== 'followup';
  // resume.ts is imported only to resume: reading records loads zod, which a new session does without.
  const resumed =
    spec.resumed ??
    (spec.options.resume === undefined
      ? undefined
      : await (await import('./resume.js')).resumeDraft(root, spec.kind, spec.options.resume, spec.lang, amendable));
  try {
    return await walkAndComplete(spec, now, resumed);
  } finally {
    resumed?.lock.release();
  }
}

async function walkAndComplete(spec: WalkSpec, now: Date, resumed: Resumed | undefined): Promise<WalkResult> {
  const root = spec.root;
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
  prepareDataDir(root, outDir.path, lang);
  if (draft) {
    const { describeMismatches, reconcileDraft } = await import('./resume.js');
    // Answers the playbook, as it now is, cannot take are said, and asked again.
    const mismatches = reconcileDraft(playbook, draft);
    if (mismatches.length > 0) printWarning(`${describeMismatches(playbook.id, draft.id, mismatches, lang)}\n`);
    // Lines typed into a step before a stop go back into that step in a terminal; from a file, the
    // file's answer is taken, and the lines are shown so that they are not lost unseen.
    if (draft.partial && spec.options.answers !== undefined)
      printWarning(`${t(m.typedUnused, lang, { step: draft.partial.step })}\n${draft.partial.text.replace(/^/gm, '    ')}\n`);
  }

  const client = draft?.client ?? spec.client;
  const walk =
    spec.options.answers === undefined
      ? await interactiveWalk(playbook, now, client, spec.command, root, draft?.answers, draft?.partial)
      : scriptedWalk(playbook, spec.options.answers, now, client);
  // The people (session/people.ts): who is greeted, tu or vous, who signs.
  const config = configDir();
  const signs = needsSignature(playbook);
  const walkClient = canonicalClient(root, walk.client, lang);
  let people: SessionPeople;
  let remember = (): void => undefined;
  let assertSigned = (): void => undefined;
  if (walk.answersFile) {
    ({ people, remember, assertSigned } = scriptedPeople(walk.answersFile, { root, configDir: config, client: walkClient, lang, signs }));
  } else {
    people = await askContact(walk.prompter, { root, configDir: config, client: walkClient, lang });
  }
  const shown = draft ? undefined : spec.beforeQuestions?.(people.client, lang);
  // What was said before the first question (past incidents, the promise to check) stays above it.
  if (!draft && spec.beforeQuestions) walk.keepScreenOnce?.();
  const fields: Partial<SessionRecord> = { ...spec.fields };
  const values = draft ? {} : { ...(shown ?? {}), ...(await templateValues(spec, walk, lang)) };
  if (Object.keys(values).length > 0) fields.templateValues = values;

  const session = draft ?? newSession(playbook, people.client, now, fields);
  const keeper = new RecordKeeper(root, session, spec.command, lang, { exists: draft !== undefined, lock: resumed?.lock });
  try {
    const prompter = spec.propose ? proposing(walk.prompter, session.answers, spec.propose) : walk.prompter;
    // An amended session keeps the day of its call: its documents are dated and named after it.
    const isDraft = session.status === 'draft';
    const renderNow = isDraft ? now : new Date(session.createdAt);
    const { answers, editedEmail } = await walkSession(playbook, { ...walk, prompter }, keeper, async (walked) => {
      if (walk.answersFile) {
        assertSigned();
        return { answers: walked, editedEmail: session.editedEmail };
      }
      // The contact's details and the profile before the review: the draft it shows is addressed and
      // signed as it will be written.
      people = await askContactDetails(walk.prompter, { root, people, lang });
      people.sender = await askProfile(walk.prompter, { configDir: config, lang, signs });
      if (!walk.review) return { answers: walked, editedEmail: session.editedEmail };
      return walk.review({
        playbook,
        session,
        state: { answers: walked, remembered: {} },
        renderNow,
        people: documentPeople(people),
        // A finished session being amended is saved only once the user chooses to write.
        save: (revised, edited) => {
          if (!isDraft) return;
          if (edited === undefined) delete session.editedEmail;
          else session.editedEmail = edited;
          session.answers = revised;
          session.updatedAt = new Date().toISOString();
          keeper.saveDraft();
        },
      });
    });
    // Before the documents: a folder that cannot keep the contact stops the run with nothing written.
    remember();
    const recorded = await completeSession({
      keeper,
      outDir,
      playbook,
      answers,
      now,
      renderNow,
      editedEmail,
      defaultStatus: spec.defaultStatus,
      recapLabel: spec.recapLabel,
      ...(spec.crisis ? { crisis: spec.crisis } : {}),
      ...(spec.emailFormat ? { emailFormat: spec.emailFormat } : {}),
      people,
      delivery: { open: spec.options.open, copy: spec.options.copy },
    });
    return { session, playbook, recorded };
  } finally {
    keeper.release();
  }
}

/** `prompter`, with the proposed answer of each step as its default (the answers file or the user may still say otherwise). */
export function proposing(prompter: Prompter, earlier: Answers, propose: NonNullable<WalkSpec['propose']>): Prompter {
  const known: Answers = { ...earlier };
  return {
    advise: (step, context) => prompter.advise(step, context),
    ask: async (step, context) => {
      const proposed = propose(step, known);
      // The proposal is a value of the step's own kind: a choice value for a select.
      const asked = proposed === undefined ? step : ({ ...step, default: proposed } as QuestionStep);
      const value = await prompter.ask(asked, context);
      if (value !== undefined && typeof value !== 'symbol') known[step.id] = value;
      return value;
    },
  };
}

/** The command's template values, with those its `templateQuestions` got from the user or the answers file. */
async function templateValues(spec: WalkSpec, walk: Walk, lang: Lang): Promise<Record<string, string>> {
  const values: Record<string, string> = { ...spec.fields?.templateValues };
  for (const question of spec.templateQuestions ?? []) {
    if (values[question.key] !== undefined) continue;
    const fromFile = walk.answersFile?.values[question.key];
    const answer = walk.answersFile
      ? typeof fromFile === 'string' || typeof fromFile === 'number' ? String(fromFile) : undefined
      : await walk.prompter.ask(
          { id: question.key, type: 'input', title: t(question.title, lang), required: false, message: t(question.message, lang) },
          OUTSIDE_PLAYBOOK,
        );
    if (typeof answer === 'string' && answer.trim() !== '') values[question.key] = answer.trim().replace(/\s+/g, ' ');
  }
  return values;
}

/** A question before the playbook's steps (the mission's name): no place in the step count, nothing to go back to. */
const OUTSIDE_PLAYBOOK: StepContext = { progress: { index: 0, total: 0 }, trail: [], canGoBack: false };

interface Walk {
  client: string;
  prompter: Prompter;
  /** What was said before the first question stays on the screen above it (interactive runs). */
  keepScreenOnce?: () => void;
  /** The review before anything is written (interactive runs); a run from a file writes at once. */
  review?: (input: Omit<ReviewInput, 'prompter'>) => Promise<Reviewed>;
  /** The answers file of a run from one: the people and template values are read from it too. */
  answersFile?: AnswersFile;
  /** Interactive runs save a draft after every answer; a run from a file is all or nothing. */
  saveDrafts: boolean;
  /** Throws when the run left answers missing or wrong. */
  finish: () => void;
  /** Gives back what the run held (signal handlers). */
  release: () => void;
  /** What was being typed into a step when the run was stopped, if anything. */
  typed: () => { step: string; text: string } | undefined;
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
  return {
    client: name,
    prompter,
    answersFile: answers,
    saveDrafts: false,
    finish: () => prompter.assertComplete(),
    release: () => undefined,
    typed: () => undefined,
  };
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
  root: string,
  earlier: Answers = {},
  partial?: { step: string; text: string },
): Promise<Walk> {
  const { lang } = playbook;
  requireTerminal(command, lang);
  const { InquirerPrompter } = await import('../prompters/inquirer.js');
  // A closed terminal, a `kill` or a `kill -INT` from elsewhere ends the run like Ctrl-C: the
  // prompt gives the terminal back, the answers given so far are on disk, and the user is told how
  // to go on. `on`, not `once`: Inquirer's signal-exit kills the process if it finds itself the only
  // listener (without giving the terminal back when the signal is SIGQUIT, which Node leaves alone).
  const stop = new AbortController();
  const abort = (): void => stop.abort();
  for (const signal of STOP_SIGNALS) process.on(signal, abort);
  const release = (): void => {
    for (const signal of STOP_SIGNALS) process.off(signal, abort);
  };
  const prompter = new InquirerPrompter({
    lang,
    now,
    signal: stop.signal,
    advice: adviceMemory(root, playbook, earlier),
    ...(partial ? { typed: partial } : {}),
  });
  printInfo(`${style.bold(t(m.header, lang, { title: playbook.title }))}\n${style.dim(wrap(playbook.description.trim()))}\n`);
  prompter.recall(playbook.steps.filter((step) => step.type !== 'advice' && step.id in earlier).length);
  try {
    const name = client?.trim() || (await prompter.askLine(t(m.clientQuestion, lang)));
    prompter.client = name;
    const { reviewSession } = await import('./review.js');
    return {
      client: name,
      prompter,
      review: (input) => reviewSession({ ...input, prompter }),
      keepScreenOnce: () => prompter.keepScreenOnce(),
      saveDrafts: true,
      finish: () => undefined,
      release,
      typed: () => prompter.typed(),
    };
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
 * Runs the playbook for the keeper's session, from the answers it already holds; an interactive run
 * saves a draft after each answer, and when it is stopped keeps what was being typed and says how to
 * continue.
 */
async function walkSession(playbook: Playbook, walk: Walk, keeper: RecordKeeper, after: (answers: Answers) => Promise<Reviewed>): Promise<Reviewed> {
  const { session, command } = keeper;
  // A finished session being amended is saved only once the user chooses to write.
  const saveDraft = (answers: Answers): void => {
    if (session.status !== 'draft') return;
    session.answers = answers;
    session.updatedAt = new Date().toISOString();
    delete session.partial;
    keeper.saveDraft();
  };
  try {
    const answers = await runPlaybook(playbook, {
      prompter: walk.prompter,
      answers: session.answers,
      ...(walk.saveDrafts ? { onAnswer: saveDraft } : {}),
    });
    walk.finish();
    // The profile and the review (interactive runs): under the same signals, and stopped the same way.
    return await after(answers);
  } catch (error) {
    if (error instanceof CancelledError) {
      const typed = walk.typed();
      if (typed && typed.text.trim() !== '') session.partial = typed;
      if (Object.keys(session.answers).length > 0 || session.partial) {
        if (session.partial) {
          session.updatedAt = new Date().toISOString();
          keeper.saveDraft();
        }
        throw new CancelledError(t(m.stopped, playbook.lang, { id: session.id, command }));
      }
    }
    throw error;
  } finally {
    walk.release();
  }
}

/**
 * Which advice the user has read, kept in the data folder across runs: read advice opens folded.
 * The advice a resumed session went past counts as read.
 */
function adviceMemory(root: string, playbook: Playbook, earlier: Answers): AdviceMemory {
  const read = readAdviceRead(root);
  const key = (step: AdviceStep): string => adviceKey(playbook.id, step.id);
  const before = read.size;
  for (const step of playbook.steps) if (step.type === 'advice' && earlier[step.id] === true) read.add(key(step));
  if (read.size !== before) saveAdviceRead(root, read);
  return {
    isRead: (step) => read.has(key(step)),
    markRead: (step) => {
      if (read.has(key(step))) return;
      read.add(key(step));
      saveAdviceRead(root, read);
    },
  };
}
