import { coerceAnswer, defaultAnswer, isRequired, type AnswerValue } from '../engine/answers.js';
import type { Prompter } from '../engine/run.js';
import { InputError, type SourceProblem } from '../errors.js';
import { t } from '../i18n/catalogue.js';
import { m } from './messages.js';
import type { Playbook, QuestionStep } from '../playbook/schema.js';
import { isMap } from 'yaml';
import { YamlSource } from '../yaml/source.js';
import type { Lang } from '../types.js';
import { dateOrderFromEnv } from '../dates/locale.js';
import { noteReading, type DateOrder } from '../dates/read.js';
import { writeStderr } from '../terminal/streams.js';

/**
 * Keys of an answers file that are not step ids: the client, the people (read by
 * session/people.ts: the contact, how they are addressed, the user's own profile) and the
 * checklist's mission.
 */
export const PEOPLE_KEYS = ['contact', 'contact_email', 'contact_phone', 'register', 'signature', 'my_name', 'my_email', 'my_phone'] as const;
const META_KEYS = new Set<string>(['client', 'mission', ...PEOPLE_KEYS]);

/**
 * An answers file: YAML or JSON (JSON is YAML), a mapping of step id to answer. Problems are
 * located in the file like a playbook's.
 */
export class AnswersFile {
  private constructor(
    readonly source: YamlSource,
    readonly values: Readonly<Record<string, unknown>>,
  ) {}

  static parse(file: string, text: string, lang: Lang): AnswersFile {
    const source = YamlSource.parse(file, text, lang);
    const values = source.toJS();
    const contents = source.document.contents;
    if (values === null || typeof values !== 'object' || Array.isArray(values) || !isMap(contents))
      throw new InputError(t(m.notMapping, lang), [source.problemAt(1, 1, t(m.notMapping, lang))]);
    return new AnswersFile(source, values as Record<string, unknown>);
  }

  get file(): string {
    return this.source.file;
  }

  client(): string | undefined {
    const client = this.values.client;
    return typeof client === 'string' && client.trim() !== '' ? client.trim() : undefined;
  }

  /** Keys that name no step: almost always a typo, so they are errors with a suggestion. */
  unknownKeys(playbook: Pick<Playbook, 'id' | 'steps'>): SourceProblem[] {
    const ids = playbook.steps.map((step) => step.id);
    return Object.keys(this.values)
      .filter((key) => !META_KEYS.has(key) && !ids.includes(key))
      .map((key) => {
        const near = closest(key, ids);
        const hint = near ? t(m.didYouMean, this.source.lang, { id: near }) : '';
        return this.source.problemAtNode(
          this.source.keyNodeAt([], key),
          t(m.unknownStep, this.source.lang, { id: key, playbook: playbook.id, hint }),
        );
      });
  }
}

/**
 * Answers every question from an answers file, without a terminal. Wrong answers are collected
 * with their place in the file, missing required ones by id; the caller reports them all at once.
 */
export class ScriptedPrompter implements Prompter {
  readonly problems: SourceProblem[] = [];
  readonly missing: string[] = [];

  private readonly dateOrder: DateOrder;
  private readonly note: (line: string) => void;

  /**
   * `options.dateOrder`: which way round `12/11` is read (the locale's when not given);
   * `options.note`: where the notes on dates read from words go (stderr when not given).
   */
  constructor(
    private readonly answers: AnswersFile,
    private readonly now: Date,
    private readonly lang: Lang,
    options: { dateOrder?: DateOrder; note?: (line: string) => void } = {},
  ) {
    this.dateOrder = options.dateOrder ?? dateOrderFromEnv(process.env);
    this.note = options.note ?? ((line) => writeStderr(`${line}\n`));
  }

  async advise(): Promise<void> {}

  async ask(step: QuestionStep): Promise<AnswerValue | undefined> {
    if (!(step.id in this.answers.values)) {
      const fallback = defaultAnswer(step, this.now);
      if (fallback === undefined && isRequired(step)) this.missing.push(step.id);
      return fallback;
    }
    const raw = this.answers.values[step.id];
    if (raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0)) {
      if (isRequired(step)) this.missing.push(step.id);
      return undefined;
    }
    const result = coerceAnswer(step, raw, this.now, this.lang, { order: this.dateOrder, examples: true });
    if (result.ok) {
      // `deadline: "12/11" read as Thursday 12 November 2026`: a date from words, or a number that reads two ways.
      if (result.understood?.note && typeof raw === 'string') this.note(noteReading(step.id, raw, result.understood.words, this.lang));
      return result.value;
    }
    this.problems.push(this.answers.source.problemAtPath([step.id], `${step.id}: ${result.message}`));
    return undefined;
  }

  /** Throws one InputError naming every wrong and missing answer. */
  assertComplete(): void {
    if (this.missing.length > 0)
      throw new InputError(t(m.missingAnswers, this.lang, { file: this.answers.file, ids: this.missing.join(', ') }), this.problems);
    if (this.problems.length > 0) throw new InputError(this.problems[0]?.message ?? '', this.problems);
  }
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
