import { input, select, Separator } from '@inquirer/prompts';
import { PassThrough } from 'node:stream';
import type { ChalkInstance } from 'chalk';
import { coerceAnswer, defaultAnswer, isRequired, type AnswerValue } from '../engine/answers.js';
import { formatDate, parseIso, resolveDateDefault } from '../dates/calendar.js';
import { dateOrderFromEnv } from '../dates/locale.js';
import { dateExamples, type DateOrder } from '../dates/read.js';
import { BACK, type Back, type StepContext, type Prompter } from '../engine/run.js';
import { CancelledError } from '../errors.js';
import { t, type Message } from '../i18n/catalogue.js';
import { m as answerMessages } from '../engine/messages.js';
import { m } from './messages.js';
import { fitWords, screenWidth, style, wrap } from '../terminal/output.js';
import type { Finding } from '../check/index.js';
import type { AdviceStep, Choice, QuestionStep, Step } from '../playbook/schema.js';
import { adviceCard, choiceList, lineInput, textArea, type Frame, type KeyWords, type LineEcho } from './widgets.js';
import { detailsBlock, hasDetails, nowLine, progressLine, stepDetails, trailLine } from './step-view.js';
import type { Lang } from '../types.js';

/** For a command that asks one question of its own (`forget`). */
export { select };

/** Streams to talk on; tests pass their own, the CLI passes none (the process's terminal). */
export interface PromptStreams {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Erase the prompt once answered (the review list: the next screen says what happened). */
  clearPromptOnDone?: boolean;
  /** Aborting it cancels the current prompt and every later one (SIGTERM, SIGHUP). */
  signal?: AbortSignal;
}

/** Which advice the user has read already: read advice opens folded. */
export interface AdviceMemory {
  isRead(step: AdviceStep): boolean;
  markRead(step: AdviceStep): void;
}

export interface InquirerPrompterOptions extends PromptStreams {
  lang: Lang;
  now: Date;
  colours?: ChalkInstance;
  /** Without it, every advice opens unfolded the first time it is shown in this run. */
  advice?: AdviceMemory;
  /**
   * Each step on a clean screen, at the top of what the eye sees (earlier steps scroll away, into
   * the terminal's history). Defaults to whether the output is a terminal.
   */
  clearScreen?: boolean;
  /** A test's clock for the paste detection of multi-line answers. */
  clock?: () => number;
  /** Which way round `12/11` is read; the locale's (LC_ALL, LC_TIME, LANG) when not given. */
  dateOrder?: DateOrder;
  /** Text typed into a step when an earlier run was stopped: that step starts with it. */
  typed?: { step: string; text: string };
}

/** A line of the review list: something to do, or a heading between groups of lines. */
export type ReviewChoice<T> = { value: T; name: string; description?: string } | { separator: string };

export interface ReviewScreen<T> {
  /** The title, then lines said under it. */
  head: readonly string[];
  message: string;
  choices: readonly ReviewChoice<T>[];
}

/** The interactive Prompter: each step on its own screen, at a glance; details and going back on keys. */
export class InquirerPrompter implements Prompter {
  private readonly out: NodeJS.WritableStream;
  private readonly style: ChalkInstance;
  private readonly readInRun = new Set<string>();
  /** Said on the next step's screen: the tip of the choice just made, the date as understood. */
  private carried: string[] = [];
  private note: string | undefined;
  /** The next step is drawn under what is on the screen, instead of on a clean one. */
  private keepScreen = false;
  /** Shown first in the trail of answers. */
  client: string | undefined;
  private readonly dateOrder: DateOrder;
  /** What is being typed into the current multi-line step, kept for a stop in the middle of it. */
  private typing: { step: string; text: string } | undefined;

  constructor(private readonly options: InquirerPrompterOptions) {
    this.out = options.output ?? process.stdout;
    this.style = options.colours ?? style;
    this.dateOrder = options.dateOrder ?? dateOrderFromEnv(process.env);
  }

  /** A required one-line answer outside any playbook (the client's name). */
  async askLine(message: string): Promise<string> {
    const lang = this.options.lang;
    const answer = await this.guard(
      input({ message, validate: (value) => value.trim() !== '' || t(answerMessages.required, lang) }, this.context),
    );
    this.write('');
    return answer.trim();
  }

  /** What was being typed into the current step when a prompt was cancelled (multi-line steps). */
  typed(): { step: string; text: string } | undefined {
    return this.typing;
  }

  /** One value among several, outside any playbook (the session to follow up). */
  async choose<T>(message: string, choices: readonly { value: T; name: string; description?: string }[]): Promise<T> {
    const picked = await this.guard(select({ message, choices, pageSize: 10, theme: listTheme(this.options.lang, this.style) }, this.context));
    this.write('');
    return picked;
  }

  /** What was just said (a client's past incidents, the promise to check) stays above the first step. */
  keepScreenOnce(): void {
    this.keepScreen = true;
  }

  /** A resumed session: the next screen says how many answers are there already, and how to go back over them. */
  recall(count: number): void {
    if (count > 0) this.note = count === 1 ? t(m.resumedOne, this.options.lang) : t(m.resumedMany, this.options.lang, { count });
  }

  async advise(step: AdviceStep, context: StepContext): Promise<void | Back> {
    const memory = this.options.advice;
    // Under what was said before it (past incidents, a promise to check), the first step stays compact.
    const read = this.keepScreen || this.readInRun.has(step.id) || memory?.isRead(step) === true;
    const frame = this.frame(step, context, !read, () => {
      this.readInRun.add(step.id);
      memory?.markRead(step);
    });
    const answer = await this.guard(adviceCard({ frame }, this.context));
    this.carried = [];
    return answer === BACK ? BACK : undefined;
  }

  async ask(step: QuestionStep, context: StepContext): Promise<AnswerValue | undefined | Back> {
    const frame = this.frame(step, context, false);
    const answer = await this.guard(this.prompt(step, frame, context));
    this.typing = undefined;
    this.carried = answer === BACK ? [] : this.afterAnswer(step, answer);
    return answer;
  }

  /** The review screen: a title, then a list to pick from (paged to the screen). */
  async review<T>(screen: ReviewScreen<T>): Promise<T> {
    const c = this.style;
    const width = screenWidth(this.out as { columns?: number });
    this.clear();
    const [title = '', ...notes] = screen.head;
    const head = [`${c.dim('──')} ${c.bold(fitWords(title, width - 3))}`, ...notes.map((note) => c.dim(wrap(note, '', width)))];
    this.write(`${head.join('\n')}\n`);
    const used = head.join('\n').split('\n').length + 1;
    const rows = (this.out as { rows?: number }).rows || 24;
    const choices = screen.choices.map((choice) =>
      'separator' in choice
        ? new Separator(c.bold(fitWords(choice.separator, width - 2)))
        : {
            value: choice.value,
            name: choice.name,
            ...(choice.description ? { description: wrap(choice.description, '', width) } : {}),
          },
    );
    const picked = await this.guard(
      select(
        { message: screen.message, choices, pageSize: Math.max(5, rows - used - 8), loop: false, theme: listTheme(this.options.lang, c) },
        { ...this.context, clearPromptOnDone: true },
      ),
    );
    return picked;
  }

  /** The whole draft, its passages to reread marked, then the list of them; Enter comes back. */
  async showDraft(text: string, findings: readonly Finding[], back: string): Promise<void> {
    const c = this.style;
    const width = screenWidth(this.out as { columns?: number });
    this.clear();
    let marked = '';
    let at = 0;
    for (const finding of [...findings].filter((f) => f.length > 0).sort((a, b) => a.offset - b.offset)) {
      if (finding.offset < at) continue;
      marked += text.slice(at, finding.offset) + c.red.underline(text.slice(finding.offset, finding.offset + finding.length));
      at = finding.offset + finding.length;
    }
    marked += text.slice(at);
    this.write(wrap(marked, '', width));
    for (const finding of findings) {
      this.write('');
      this.write(c.yellow(wrap(`⚠ ${finding.text ? `« ${finding.text} » ` : ''}${finding.message}`, '  ', width)));
      this.write(c.green(wrap(`→ ${finding.suggestion}`, '  ', width)));
    }
    this.write('');
    const frame: Frame = { head: '', details: '', open: false, canGoBack: false, words: { ...keyWords(this.options.lang), goOn: back }, colours: c };
    await this.guard(adviceCard({ frame }, this.context));
  }

  /** The draft in the user's editor ($VISUAL, $EDITOR); resolves with the text as they saved it. */
  async editText(text: string): Promise<string> {
    const { lang } = this.options;
    // Loaded when the user asks for it: it brings the character-set detection of the file read back.
    const { editor } = await import('./editor.js');
    return this.guard(
      editor(
        {
          message: t(m.editing, lang),
          default: text,
          // The draft speaks of the client: private while it sits in the temporary folder.
          file: { prefix: 'calmclient-draft-', postfix: '.md', mode: 0o600 },
          waitForUserInput: false,
          theme: {
            style: {
              // The editor prompt says these two in English only.
              help: (hint: string) => this.style.dim(/^Received$/.test(hint) ? t(m.editorReceived, lang) : t(m.editorLaunch, lang)),
            },
          },
        },
        this.context,
      ),
    );
  }

  /** A yes/no question outside any playbook, "no" first. */
  async confirmChoice(message: string, yes: string, no: string): Promise<boolean> {
    this.write('');
    return this.guard(
      select(
        {
          message: wrap(message, '  ', screenWidth(this.out as { columns?: number })),
          choices: [
            { value: false, name: no },
            { value: true, name: yes },
          ],
          theme: listTheme(this.options.lang, this.style),
        },
        this.context,
      ),
    );
  }

  /** The step's screen: cleared, then its head; its details ready for `?`. */
  private frame(step: Step, context: StepContext, open: boolean, onOpen?: () => void): Frame {
    const { lang } = this.options;
    const c = this.style;
    const width = screenWidth(this.out as { columns?: number });
    // A question outside the playbook (the contact, the mission, the profile) goes under what is
    // on the screen; the first step after what was said before it (keepScreenOnce) too.
    const outside = context.progress.total === 0;
    if (!outside) {
      if (!this.keepScreen && (this.options.clearScreen ?? (this.out as { isTTY?: boolean }).isTTY === true)) this.clear();
      this.keepScreen = false;
    }
    const head = [progressLine(step, context.progress, lang, c, width)];
    const trail = trailLine(this.client, context.trail, lang, width);
    if (trail !== '') head.push(c.dim(trail));
    if (this.note) head.push(c.dim(wrap(this.note, '', width)));
    this.note = undefined;
    for (const line of this.carried) head.push(c.green(wrap(`→ ${line}`, '  ', width)));
    const now = nowLine(step, lang);
    head.push('');
    if (now) head.push(`${c.yellow('▸')} ${c.bold(wrap(now, '  ', width))}`);
    const details = stepDetails(step, lang);
    const block = hasDetails(details) ? `\n${detailsBlock(details, c, width)}\n` : '';
    // Opened from the start, the details must leave the whole step on the screen: else the reasons
    // alone, else nothing (`?` shows all of it on demand).
    const rows = (this.out as { rows?: number }).rows || 24;
    const room = rows - head.join('\n').split('\n').length - (step.type === 'advice' ? 2 : 8);
    const reasons = details.text !== '' ? `\n${detailsBlock({ ...details, tips: [], warning: undefined }, c, width)}\n` : '';
    const fits = (text: string): boolean => text !== '' && text.split('\n').length <= room;
    const opening = fits(block) ? block : fits(reasons) ? reasons : undefined;
    return {
      head: head.join('\n'),
      details: block,
      open: open && opening !== undefined,
      ...(opening !== undefined && opening !== block ? { opening } : {}),
      canGoBack: context.canGoBack,
      words: keyWords(lang),
      colours: c,
      ...(onOpen ? { onOpen } : {}),
    };
  }

  /** What the next screen says of this answer: the tip of each choice picked, a date written out. */
  private afterAnswer(step: QuestionStep, answer: AnswerValue | undefined): string[] {
    if (step.type === 'date' && typeof answer === 'string') {
      const date = parseIso(answer);
      return date ? [formatDate(date, this.options.lang)] : [];
    }
    if (step.type !== 'select' && step.type !== 'checkbox') return [];
    const picked = Array.isArray(answer) ? answer : [answer];
    return step.choices.flatMap((choice: Choice) => (choice.tip && picked.includes(choice.value) ? [choice.tip] : []));
  }

  private async prompt(step: QuestionStep, frame: Frame, context: StepContext): Promise<AnswerValue | undefined | Back> {
    const { lang, now } = this.options;
    const order = { order: this.dateOrder };
    const previous = context.previous;
    const check = (raw: unknown): string | undefined => {
      if (raw === '' || (Array.isArray(raw) && raw.length === 0)) return isRequired(step) ? t(answerMessages.required, lang) : undefined;
      const result = coerceAnswer(step, raw, now, lang, order);
      if (!result.ok) return result.message;
      return context.check && typeof result.value === 'string' && result.value !== '' ? context.check(result.value) : undefined;
    };
    const finish = (raw: AnswerValue): AnswerValue | undefined => {
      if (raw === '' || (Array.isArray(raw) && raw.length === 0)) return isRequired(step) ? raw : undefined;
      const result = coerceAnswer(step, raw, now, lang, order);
      return result.ok ? result.value : undefined;
    };
    const fallback = defaultAnswer(step, now);
    const text = (value: AnswerValue | undefined): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
    switch (step.type) {
      case 'input': {
        const answer = await lineInput({ frame, message: step.message, prefill: text(previous), fallback: text(fallback), validate: check }, this.context);
        return answer === BACK ? BACK : finish(answer.value);
      }
      case 'text': {
        // What was typed when an earlier run was stopped in this step comes back as it was.
        const earlier = this.options.typed?.step === step.id ? this.options.typed.text : undefined;
        this.typing = earlier === undefined ? undefined : { step: step.id, text: earlier };
        const answer = await textArea(
          {
            frame,
            message: step.message,
            // Lines typed before a stop come back with the cursor on a new line under them, to go on typing.
            prefill: text(previous) ?? (earlier === undefined ? undefined : `${earlier}\n`),
            // Kept at each key, so that a stop (Ctrl-C, a signal) loses none of it.
            onChange: (typed) => {
              this.typing = { step: step.id, text: typed };
            },
            validate: (value) => check(value === '' && typeof fallback === 'string' ? fallback : value),
            ...(this.options.clock ? { now: this.options.clock } : {}),
          },
          this.context,
        );
        if (answer === BACK) return BACK;
        return finish(answer.value === '' && typeof fallback === 'string' ? fallback : answer.value);
      }
      case 'confirm': {
        // A yes/no list rather than Inquirer's y/N: a French user typing "o" for "oui" must not get "no".
        const initial = typeof previous === 'boolean' ? previous : fallback !== false;
        const answer = await choiceList(
          {
            frame,
            message: step.message,
            choices: [
              { value: true, label: t(m.yes, lang) },
              { value: false, label: t(m.no, lang) },
            ],
            multiple: false,
            initial: [initial],
            pageSize: 2,
          },
          this.context,
        );
        return answer === BACK ? BACK : answer.values[0];
      }
      case 'select': {
        const initial = text(previous) ?? text(fallback);
        const answer = await choiceList(
          { frame, message: step.message, choices: step.choices.map(listChoice), multiple: false, initial: initial ? [initial] : [], pageSize: 10 },
          this.context,
        );
        return answer === BACK ? BACK : answer.values[0];
      }
      case 'checkbox': {
        const initial = Array.isArray(previous) ? previous : Array.isArray(fallback) ? fallback : [];
        const answer = await choiceList(
          {
            frame,
            message: step.message,
            choices: step.choices.map(listChoice),
            multiple: true,
            initial,
            validate: (values) => check([...values]),
            pageSize: 10,
          },
          this.context,
        );
        return answer === BACK ? BACK : finish(answer.values);
      }
      case 'date': {
        const day = step.default === undefined ? undefined : resolveDateDefault(step.default, now);
        // An answer given before comes back as typed dates are read: `2026-12-08 10:00`.
        const earlier = text(previous)?.replace('T', ' ');
        const prefill = earlier ?? (day !== undefined && step.time ? `${day} ` : undefined);
        // What is typed is read as it is typed: the line under it says the date understood, or why it is refused.
        const echo = (typed: string): LineEcho => {
          if (typed.trim() === '') return {};
          const result = coerceAnswer(step, typed, now, lang, order);
          if (result.ok) return { said: result.understood?.words ?? typed.trim() };
          // A date understood and then refused is worth showing while typing; "no date recognised" is not, halfway through a word.
          return result.understood ? { said: result.message } : {};
        };
        const answer = await lineInput(
          {
            frame,
            message: step.message,
            hint: dateExamples(step.time ? 'dayTime' : 'day', lang),
            prefill,
            fallback: step.time ? undefined : day,
            validate: (value) => check(value.trim()),
            echo,
          },
          this.context,
        );
        return answer === BACK ? BACK : finish(answer.value.trim());
      }
    }
  }

  /** A clean screen, when the output is a terminal (the review done, the files about to be listed). */
  clearScreen(): void {
    if (this.options.clearScreen ?? (this.out as { isTTY?: boolean }).isTTY === true) this.clear();
  }

  /** Scrolls what is on the screen up into the terminal's history, and starts at the top. */
  private clear(): void {
    const rows = (this.out as { rows?: number }).rows || 24;
    this.out.write(`${'\n'.repeat(rows)}\u001b[H\u001b[J`);
  }

  /**
   * Inquirer ends the output stream it is given when a prompt closes. The terminal shrugs that
   * off; any other stream (a test's) would be closed after the first question, so each prompt
   * gets its own pass-through to it.
   */
  private get context(): PromptStreams {
    const { input, output, signal } = this.options;
    const context: PromptStreams = { ...(input ? { input } : {}), ...(signal ? { signal } : {}) };
    if (!output) return context;
    const perPrompt = new PassThrough();
    perPrompt.pipe(output, { end: false });
    return { ...context, output: perPrompt };
  }

  private write(text: string): void {
    this.out.write(`${text}\n`);
  }

  /** Ctrl-C inside a prompt makes Inquirer reject with ExitPromptError: that is a cancel, not a crash. */
  private async guard<T>(prompt: Promise<T>): Promise<T> {
    try {
      return await prompt;
    } catch (error) {
      if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError'))
        throw new CancelledError(t(m.cancelled, this.options.lang));
      throw error;
    }
  }
}

function listChoice(choice: Choice): { value: string; label: string; hint: string | undefined } {
  return { value: choice.value, label: choice.label, hint: choice.hint };
}

/** The key hints of the step prompts, in `lang`. */
export function keyWords(lang: Lang): KeyWords {
  return {
    move: t(m.keyMove, lang),
    choose: t(m.keyChoose, lang),
    tick: t(m.keyTick, lang),
    confirm: t(m.keyConfirm, lang),
    all: t(m.keyAll, lang),
    invert: t(m.keyInvert, lang),
    space: t(m.keySpace, lang),
    details: t(m.keyDetails, lang),
    fold: t(m.keyFold, lang),
    back: t(m.keyBack, lang),
    escape: t(m.keyEscape, lang),
    newLine: t(m.keyNewLine, lang),
    finish: t(m.keyFinish, lang),
    goOn: t(m.keyGoOn, lang),
    tab: t(m.keyTab, lang),
    keep: (value) => t(m.keyKeep, lang, { value }),
  };
}

/** Inquirer's key hints ("↑↓ navigate • ⏎ select"), in the user's language, for the prompts calmclient takes from Inquirer. */
export function listTheme(lang: Lang, colours: ChalkInstance = style) {
  return {
    style: {
      keysHelpTip: (keys: [string, string][]) =>
        keys.map(([key, action]) => `${colours.bold(keyName(key, lang))} ${colours.dim(keyAction(action, lang))}`).join(colours.dim(' • ')),
    },
  };
}

/** Inquirer's key hints, by the action Inquirer names; an action it adds later shows as it names it. */
const KEY_ACTIONS: Partial<Record<string, Message>> = {
  navigate: m.keyNavigate,
  select: m.keySelect,
  submit: m.keySubmit,
  all: m.keyAll,
  invert: m.keyInvert,
};

function keyAction(action: string, lang: Lang): string {
  const message = KEY_ACTIONS[action];
  return message ? t(message, lang) : action;
}

/** The keys Inquirer names in words ("space"), in `lang`; symbols stay. */
function keyName(key: string, lang: Lang): string {
  return key === 'space' ? t(m.keySpace, lang) : key;
}
