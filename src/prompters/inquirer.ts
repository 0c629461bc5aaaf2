import { checkbox, input, select } from '@inquirer/prompts';
import { PassThrough } from 'node:stream';
import type { ChalkInstance } from 'chalk';
import { coerceAnswer, defaultAnswer, isRequired, type AnswerValue, type Answers } from '../engine/answers.js';
import { resolveDateDefault } from '../dates/calendar.js';
import { dateOrderFromEnv } from '../dates/locale.js';
import { dateExamples, type DateOrder } from '../dates/read.js';
import { dateInput, type DateEcho } from './date-input.js';
import type { Progress, Prompter } from '../engine/run.js';
import { CancelledError } from '../errors.js';
import { t, type Message } from '../i18n/catalogue.js';
import { m as answerMessages } from '../engine/messages.js';
import { m } from './messages.js';
import { style, wrap } from '../terminal/output.js';
import type { AdviceStep, Choice, Playbook, QuestionStep, Step } from '../playbook/schema.js';
import { displayAnswer } from '../render/context.js';
import { multiline, pressEnter } from './widgets.js';
import { inert } from '../text/inert.js';
import type { Lang } from '../types.js';

/** For a command that asks one question of its own (`forget`). */
export { select };

/** Streams to talk on; tests pass their own, the CLI passes none (the process's terminal). */
export interface PromptStreams {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Aborting it cancels the current prompt and every later one (SIGTERM, SIGHUP). */
  signal?: AbortSignal;
}

export interface InquirerPrompterOptions extends PromptStreams {
  lang: Lang;
  now: Date;
  colours?: ChalkInstance;
  /** Which way round `12/11` is read; the locale's (LC_ALL, LC_TIME, LANG) when not given. */
  dateOrder?: DateOrder;
  /** Text typed into a step when an earlier run was stopped: that step starts with it. */
  typed?: { step: string; text: string };
}

/** The interactive Prompter: advice as cards, questions as Inquirer prompts. */
export class InquirerPrompter implements Prompter {
  private readonly out: NodeJS.WritableStream;
  private readonly style: ChalkInstance;
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

  /** One value among several, outside any playbook (the session to follow up). */
  async choose<T>(message: string, choices: readonly { value: T; name: string; description?: string }[]): Promise<T> {
    const picked = await this.guard(select({ message, choices, pageSize: 10 }, this.context));
    this.write('');
    return picked;
  }

  /** What was being typed into the current step when a prompt was cancelled (multi-line steps). */
  typed(): { step: string; text: string } | undefined {
    return this.typing;
  }

  /** A resumed session: what was already answered, so the user picks up the thread. */
  recall(playbook: Pick<Playbook, 'steps'>, answers: Answers): void {
    const lang = this.options.lang;
    this.write(this.style.bold(t(m.earlier, lang)));
    for (const step of playbook.steps) {
      const answer = answers[step.id];
      if (step.type === 'advice' || answer === undefined) continue;
      const shown = displayAnswer(step, answer, lang).split('\n');
      const more = shown.length > 1 ? this.style.dim(` (+${shown.length - 1})`) : '';
      this.write(`${this.style.green('✔')} ${step.message} ${this.style.cyan(inert(shown[0] ?? ''))}${more}`);
    }
    this.write('');
  }

  async advise(step: AdviceStep, progress: Progress): Promise<void> {
    this.printStepHeader(step, progress);
    this.write(wrap(step.text));
    this.printCoaching(step);
    await this.guard(pressEnter({ message: t(m.continue, this.options.lang) }, this.context));
  }

  async ask(step: QuestionStep, progress: Progress): Promise<AnswerValue | undefined> {
    this.printStepHeader(step, progress);
    if (step.help) this.write(wrap(step.help));
    this.printCoaching(step);
    const answer = await this.guard(this.prompt(step));
    this.typing = undefined;
    if (step.type === 'select' || step.type === 'checkbox') this.printChoiceTips(step.choices, answer);
    this.write('');
    return answer;
  }

  private prompt(step: QuestionStep): Promise<AnswerValue | undefined> {
    const { lang, now } = this.options;
    const validate = (raw: unknown): string | true => {
      if (raw === '' || (Array.isArray(raw) && raw.length === 0))
        return isRequired(step) ? t(answerMessages.required, lang) : true;
      const result = coerceAnswer(step, raw, now, lang, { order: this.dateOrder });
      return result.ok ? true : result.message;
    };
    const finish = (raw: AnswerValue): AnswerValue | undefined => {
      if (raw === '' || (Array.isArray(raw) && raw.length === 0)) return isRequired(step) ? raw : undefined;
      const result = coerceAnswer(step, raw, now, lang, { order: this.dateOrder });
      return result.ok ? result.value : undefined;
    };
    const fallback = defaultAnswer(step, now);
    switch (step.type) {
      case 'input':
        return input(
          { message: step.message, validate, ...(typeof fallback === 'string' ? { default: fallback } : {}) },
          this.context,
        ).then(finish);
      case 'text': {
        const earlier = this.options.typed?.step === step.id ? this.options.typed.text : undefined;
        this.typing = earlier === undefined ? undefined : { step: step.id, text: earlier };
        return multiline(
          {
            message: step.message,
            hint: t(m.multilineHint, lang),
            ...(earlier === undefined ? {} : { initial: earlier }),
            onChange: (text) => {
              this.typing = { step: step.id, text };
            },
            validate: (value) => {
              const verdict = validate(value === '' && typeof fallback === 'string' ? fallback : value);
              return verdict === true ? undefined : verdict;
            },
          },
          this.context,
        ).then((value) => finish(value === '' && typeof fallback === 'string' ? fallback : value));
      }
      case 'confirm':
        // A yes/no list rather than Inquirer's y/N: a French user typing "o" for "oui" must not get "no".
        return select(
          {
            message: step.message,
            choices: [
              { value: true, name: t(m.yes, lang) },
              { value: false, name: t(m.no, lang) },
            ],
            default: fallback === false ? false : true,
            theme: this.listTheme,
          },
          this.context,
        );
      case 'select':
        return select(
          {
            message: step.message,
            choices: step.choices.map(toInquirerChoice),
            pageSize: 10,
            theme: this.listTheme,
            ...(typeof fallback === 'string' ? { default: fallback } : {}),
          },
          this.context,
        );
      case 'checkbox':
        return checkbox(
          {
            message: step.message,
            choices: step.choices.map((choice) => ({
              ...toInquirerChoice(choice),
              checked: Array.isArray(fallback) && fallback.includes(choice.value),
            })),
            pageSize: 12,
            theme: this.listTheme,
            validate: (picked) => validate(picked.map((item) => item.value)),
          },
          this.context,
        ).then(finish);
      case 'date': {
        const day = step.default === undefined ? undefined : resolveDateDefault(step.default, now);
        // What is typed is read as it is typed: the line under it says the date understood, or why it is refused.
        const read = (typed: string): DateEcho => {
          if (typed.trim() === '') return isRequired(step) ? { ok: false, message: t(answerMessages.required, lang) } : { ok: true };
          const result = coerceAnswer(step, typed, now, lang, { order: this.dateOrder });
          if (result.ok) return { ok: true, words: result.understood?.words ?? typed.trim() };
          // A date understood and then refused is worth showing while typing; "no date recognised" is not, halfway through a word.
          return { ok: false, message: result.message, ...(result.understood ? { live: result.message } : {}) };
        };
        return dateInput(
          {
            message: step.message,
            hint: dateExamples(step.time ? 'dayTime' : 'day', lang),
            read,
            ...(day === undefined ? {} : step.time ? { default: `${day} `, prefill: true } : { default: day }),
          },
          this.context,
        ).then((value) => finish(value.trim()));
      }
    }
  }

  /** Inquirer's key hints ("↑↓ navigate • ⏎ select"), in the user's language. */
  private get listTheme() {
    const lang = this.options.lang;
    return {
      style: {
        keysHelpTip: (keys: [string, string][]) =>
          keys
            .map(([key, action]) => `${this.style.bold(key)} ${this.style.dim(keyAction(action, lang))}`)
            .join(this.style.dim(' • ')),
      },
    };
  }

  private printStepHeader(step: Step, progress: Progress): void {
    // A question outside the playbook (the contact, the profile: session/people.ts) has no place in its count.
    const counter = progress.total > 0 ? t(m.progress, this.options.lang, { index: progress.index, total: progress.total }) : '';
    const title = step.title ? `${counter ? ' · ' : ''}${step.title}` : '';
    this.write(`${this.style.dim('──')} ${this.style.cyan(counter)}${this.style.bold(title)}`);
  }

  private printCoaching(step: Step): void {
    for (const tip of step.tips ?? []) this.write(wrap(`• ${tip}`, '  '));
    if (step.warning) this.write(this.style.yellow(wrap(`⚠ ${step.warning}`, '  ')));
  }

  private printChoiceTips(choices: readonly Choice[], answer: AnswerValue | undefined): void {
    const picked = Array.isArray(answer) ? answer : [answer];
    for (const choice of choices) {
      if (choice.tip && picked.includes(choice.value)) this.write(this.style.green(wrap(`→ ${choice.tip}`, '  ')));
    }
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

function toInquirerChoice(choice: Choice) {
  return { value: choice.value, name: choice.label, ...(choice.hint ? { description: choice.hint } : {}) };
}
