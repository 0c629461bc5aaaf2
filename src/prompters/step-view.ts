import type { ChalkInstance } from 'chalk';
import type { Progress, TrailEntry } from '../engine/run.js';
import { t } from '../i18n/catalogue.js';
import type { Step } from '../playbook/schema.js';
import { displayAnswer } from '../render/context.js';
import { columns, fitWords, wrap } from '../terminal/output.js';
import { inert, inertLine } from '../text/inert.js';
import type { Lang } from '../types.js';
import { m } from './messages.js';

/**
 * What a step shows at a glance, and what it keeps for `?`: the pure part of the step screen
 * (no terminal here; the prompts in widgets.ts draw it).
 */

/** The step's line "what to do now": its `now`, else the first sentence of its help (or advice text). */
export function nowLine(step: Step, lang: Lang): string | undefined {
  if (step.now) return step.now.trim();
  const source = step.type === 'advice' ? step.text : step.help;
  return source ? firstSentence(source, lang) : undefined;
}

/** The first sentence of `text`, whitespace made single spaces. */
export function firstSentence(text: string, lang: Lang): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const [first] = new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(flat);
  return (first?.segment ?? flat).trim();
}

export interface Details {
  /** The reasons: an advice's text, a question's help (without the sentence `nowLine` took from it). */
  text: string;
  /** The examples. */
  tips: readonly string[];
  /** The pitfall. */
  warning: string | undefined;
}

/** What `?` opens. */
export function stepDetails(step: Step, lang: Lang): Details {
  let text = ((step.type === 'advice' ? step.text : step.help) ?? '').trim();
  if (!step.now && text !== '') {
    // The first sentence already stands as the line to act on: it is not said twice.
    const first = firstSentence(text, lang);
    const flat = text.replace(/[ \t]+/g, ' ');
    text = flat.startsWith(first) ? flat.slice(first.length).trim() : text;
  }
  return { text, tips: step.tips ?? [], warning: step.warning };
}

export function hasDetails(details: Details): boolean {
  return details.text !== '' || details.tips.length > 0 || details.warning !== undefined;
}

/** The details laid out to `width`: paragraphs, bullets, then the pitfall highlighted. */
export function detailsBlock(details: Details, colours: ChalkInstance, width: number): string {
  const parts: string[] = [];
  if (details.text !== '') parts.push(wrap(details.text.replace(/\n{3,}/g, '\n\n'), '', width));
  if (details.tips.length > 0) parts.push(details.tips.map((tip) => wrap(`• ${tip}`, '  ', width)).join('\n'));
  if (details.warning) parts.push(colours.yellow(wrap(`⚠ ${details.warning}`, '  ', width)));
  return parts.join('\n');
}

/**
 * `step 4/20 · The tone`, or `step 4/20 › A third person` for a step an answer opened; a question
 * outside the playbook (the contact, the profile: session/people.ts) has no place in its count.
 */
export function progressLine(step: Step, progress: Progress, lang: Lang, colours: ChalkInstance, width: number): string {
  if (progress.total === 0) return `${colours.dim('──')} ${colours.bold(fitWords(step.title ?? '', width - 3))}`;
  const counter = t(m.progress, lang, { index: progress.index, total: progress.total });
  const room = width - columns(counter) - 6;
  const title = step.title ?? '';
  const joint = progress.branch ? ` ${colours.dim('›')} ` : colours.bold(' · ');
  return `${colours.dim('──')} ${colours.cyan(counter)}${title ? `${joint}${colours.bold(fitWords(title, room))}` : ''}`;
}

/**
 * The answers so far on one line: the client first, then each answer, most recent last; when they
 * do not all fit, the oldest give way to `…`. Each is cut at a word, never inside one.
 */
export function trailLine(client: string | undefined, trail: readonly TrailEntry[], lang: Lang, width: number): string {
  const shown = trail.flatMap(({ step, value }) => {
    // An answer is the user's data: nothing in it may act on the terminal.
    const [first = '', ...rest] = inert(displayAnswer(step, value, lang)).split('\n');
    if (first.trim() === '') return [];
    const more = rest.filter((line) => line.trim() !== '').length;
    return [`${fitWords(first, 34)}${more > 0 ? ` (+${more})` : ''}`];
  });
  const separator = ' · ';
  const head = client ? fitWords(inertLine(client), 24) : '';
  let line = '';
  for (let index = shown.length - 1; index >= 0; index--) {
    const candidate = line === '' ? (shown[index] ?? '') : `${shown[index] ?? ''}${separator}${line}`;
    const withHead = head ? `${head}${separator}${index > 0 ? `…${separator}` : ''}${candidate}` : candidate;
    if (columns(withHead) > width) {
      if (line === '') return fitWords([head, shown[index] ?? ''].filter(Boolean).join(separator), width);
      return head ? `${head}${separator}…${separator}${line}` : `…${separator}${line}`;
    }
    line = candidate;
  }
  return [head, line].filter(Boolean).join(separator);
}
