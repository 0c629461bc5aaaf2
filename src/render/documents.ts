import Mustache from 'mustache';
import type { Answers } from '../engine/answers.js';
import { toIso, todayOf } from '../dates/calendar.js';
import type { Playbook } from '../playbook/schema.js';
import type { Lang, RenderedFile } from '../types.js';
import { buildContext, type DocumentPeople, type TemplateContext } from './context.js';
import { dropEmptySections, escapeMarkdown } from './markdown.js';
import { slugify } from '../text/slug.js';
import { typography } from './typography.js';

export interface RenderInput {
  playbook: Pick<Playbook, 'steps' | 'lang' | 'templates' | 'kind'>;
  /** Only the answers that count: see `effectiveAnswers`. */
  answers: Answers;
  client: string;
  now: Date;
  extra?: Record<string, string>;
  /** The contact greeted, how they are addressed, who signs. */
  people?: DocumentPeople | undefined;
}

export interface RenderedSession {
  recap: RenderedFile;
  /** `body` is the markdown body without the subject line, for the `.eml` twin. */
  email: RenderedFile & { subject: string; body: string };
}

/** A markdown template rendered with answers escaped, its punctuation tidied and the language's typography set. */
export function renderTemplate(template: string, context: TemplateContext, lang: Lang): string {
  // Mustache hands numbers (`{{score.ID}}`) to the escape function as they are.
  const text = Mustache.render(template, context, undefined, { escape: (value: unknown) => escapeMarkdown(String(value)) });
  return typography(tidyPunctuation(text), lang);
}

/**
 * A template that ends a sentence after an answer meets users who end theirs too: "this phase.."
 * One stop is kept at the end of a sentence; an ellipsis "..." and a path "../" are left alone.
 */
export function tidyPunctuation(text: string): string {
  return text.replace(/(?<!\.)([.!?…])\.(?=\s|$|["'»)\]*_])/gm, '$1');
}

const SUBJECT_LABEL: Record<Lang, string> = { en: 'Subject:', fr: 'Objet\u00a0:' };

export function renderSession(input: RenderInput): RenderedSession {
  const context = buildContext(input);
  const { lang } = input.playbook;
  const base = `${toIso(todayOf(input.now))}-${slugify(input.client)}`;
  const recap = dropEmptySections(renderTemplate(input.playbook.templates.recap, context, lang));
  // A subject is one line of plain text: no markdown escapes, no line breaks.
  const rawSubject = Mustache.render(input.playbook.templates.emailSubject, context, undefined, {
    escape: (value: unknown) => String(value).replace(/\s+/g, ' ').trim(),
  });
  const subject = typography(tidyPunctuation(rawSubject), lang).trim();
  const body = dropEmptySections(renderTemplate(input.playbook.templates.emailBody, context, lang));
  const suffix = input.playbook.kind === 'crisis' ? '' : `-${input.playbook.kind}`;
  return {
    recap: { path: `${base}${suffix}-recap.md`, contents: recap },
    email: {
      path: `${base}${suffix}-email.md`,
      subject,
      body,
      contents: `${SUBJECT_LABEL[lang]} ${subject}\n\n${body}`,
    },
  };
}
