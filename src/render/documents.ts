import Mustache, { type TemplateSpans } from 'mustache';
import type { Answers } from '../engine/answers.js';
import { toIso, todayOf } from '../dates/calendar.js';
import type { Playbook } from '../playbook/schema.js';
import type { Lang, RenderedFile } from '../types.js';
import { buildContext, type DocumentPeople, type TemplateContext } from './context.js';
import { dropEmptySections, escapeMarkdown } from './markdown.js';
import { slugify } from '../text/slug.js';
import { typography } from './typography.js';

export interface RenderInput {
  playbook: Pick<Playbook, 'steps' | 'lang' | 'templates' | 'parsedTemplates' | 'kind'>;
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

/**
 * `template` filled in from `context` by Mustache, with `escape` applied to each value; from its
 * tokens when the build parsed it already (see `Playbook.parsedTemplates`).
 */
function mustache(template: string, parsed: TemplateSpans | undefined, context: TemplateContext, escape: (value: unknown) => string): string {
  if (parsed === undefined) return Mustache.render(template, context, undefined, { escape });
  // What `Mustache.render` does after its parse. @types/mustache types the tokens of `renderTokens`
  // as `string[][]`, those of `parse` as `TemplateSpans`: the same lists.
  return new Mustache.Writer().renderTokens(parsed as string[][], new Mustache.Context(context), undefined, template, { escape });
}

/** A markdown template rendered with answers escaped, its punctuation tidied and the language's typography set. */
export function renderTemplate(template: string, context: TemplateContext, lang: Lang, parsed?: TemplateSpans): string {
  // Mustache hands numbers (`{{score.ID}}`) to the escape function as they are.
  const text = mustache(template, parsed, context, (value) => escapeMarkdown(String(value)));
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
  const { templates, parsedTemplates: parsed } = input.playbook;
  const recap = dropEmptySections(renderTemplate(templates.recap, context, lang, parsed?.recap));
  // A subject is one line of plain text: no markdown escapes, no line breaks.
  const rawSubject = mustache(templates.emailSubject, parsed?.emailSubject, context, (value) => String(value).replace(/\s+/g, ' ').trim());
  const subject = typography(tidyPunctuation(rawSubject), lang).trim();
  const body = dropEmptySections(renderTemplate(templates.emailBody, context, lang, parsed?.emailBody));
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
