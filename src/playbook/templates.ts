import Mustache from 'mustache';
import { t, type Message } from '../i18n/catalogue.js';
import { m } from './messages.js';
import type { Lang } from '../types.js';
import type { Step } from './schema.js';
import type { PlaybookKind } from '../types.js';

/**
 * The names a template may use, and the check that it uses no other. Keeping this next to the
 * loader means a typo in a template is a located error when the playbook loads, not a blank in
 * a client's e-mail.
 */

export const BUILTIN_NAMES = ['client', 'today', 'today_iso'] as const;
/**
 * The people a document is between (see render/context.ts `peopleValues`): the contact greeted,
 * `tu` for a French client addressed as tu, and the user who signs. Not reserved as step ids: a
 * playbook written before them (with its own `signature` step) keeps working, its answer winning.
 */
export const PEOPLE_NAMES = ['contact', 'tu', 'signature', 'my_name', 'my_email', 'my_phone'] as const;
const NAMESPACES = ['is', 'iso', 'list', 'lines', 'items', 'inline', 'one', 'many', 'score', 'max', 'verdict'] as const;
/** Text values a command adds; each also comes as `lines.`, `items.`, `one.` and `many.`. */
const COMMAND_NAMES: Record<PlaybookKind, readonly string[]> = {
  crisis: [],
  prevention: ['mission', 'lessons', 'incidents'],
  followup: ['promise', 'promise_date', 'promise_timing'],
};
/** Flags a command adds: where the promise stands on the day of the follow-up. */
const COMMAND_FLAGS: Record<PlaybookKind, readonly string[]> = {
  crisis: [],
  prevention: [],
  followup: ['is.promise.ahead', 'is.promise.today', 'is.promise.past'],
};
const textNames = (id: string): string[] => [`lines.${id}`, `items.${id}`, `inline.${id}`, `one.${id}`, `many.${id}`];
/** Names that can never be step ids: they would shadow built-in values. */
export const RESERVED_IDS = new Set<string>([
  ...BUILTIN_NAMES,
  ...NAMESPACES,
  ...Object.values(COMMAND_NAMES).flat(),
]);

/** Inside `{{#list.ID}}`, `{{#lines.ID}}` and `{{#items.ID}}` the names refer to the current item. */
const ITEM_NAMES = new Set(['.', 'value', 'label', 'hint', 'tip']);

export function allowedNames(steps: readonly Step[], kind: PlaybookKind): Set<string> {
  const names = new Set<string>([
    ...BUILTIN_NAMES,
    ...PEOPLE_NAMES,
    ...COMMAND_NAMES[kind],
    ...COMMAND_NAMES[kind].flatMap(textNames),
    ...COMMAND_FLAGS[kind],
  ]);
  for (const step of steps) {
    if (step.type === 'advice') continue;
    names.add(step.id);
    switch (step.type) {
      case 'confirm':
        names.add(`is.${step.id}`);
        break;
      case 'date':
        names.add(`iso.${step.id}`);
        break;
      case 'input':
      case 'text':
        for (const name of textNames(step.id)) names.add(name);
        break;
      case 'select':
      case 'checkbox':
        names.add(`list.${step.id}`);
        for (const choice of step.choices) names.add(`is.${step.id}.${choice.value}`);
        if (step.type === 'checkbox' && step.verdicts) {
          names.add(`score.${step.id}`);
          names.add(`max.${step.id}`);
          names.add(`verdict.${step.id}`);
          for (const verdict of step.verdicts) names.add(`is.verdict.${step.id}.${verdict.value}`);
        }
        break;
    }
  }
  return names;
}

export interface TemplateProblem {
  /** Character offset in the template text. */
  offset: number;
  message: string;
}

type Token = [string, string, number, number, Token[]?];

/** Mustache tags a playbook may not use: raw output could inject markup, partials and delimiters hide what runs. */
const FORBIDDEN_TAGS: Partial<Record<string, Message>> = {
  '&': m.templateUnescaped,
  '>': m.templatePartial,
  '=': m.templateDelimiters,
};

export function checkTemplate(text: string, allowed: ReadonlySet<string>, lang: Lang): TemplateProblem[] {
  let tokens: Token[];
  try {
    tokens = Mustache.parse(text) as unknown as Token[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = Number(/ at (\d+)$/.exec(message)?.[1] ?? 0);
    return [{ offset, message: t(m.templateSyntax, lang, { detail: message.replace(/ at \d+$/, '') }) }];
  }
  const problems: TemplateProblem[] = [];
  const visit = (list: Token[], inItems: boolean): void => {
    for (const [type, name, start, , children] of list) {
      if (type === 'text' || type === '!') continue;
      const forbidden = FORBIDDEN_TAGS[type];
      if (forbidden) {
        problems.push({ offset: start, message: t(forbidden, lang) });
        continue;
      }
      const known = allowed.has(name) || (inItems && ITEM_NAMES.has(name));
      if (!known) problems.push({ offset: start, message: t(m.templateName, lang, { name }) });
      if (children) visit(children, inItems || /^(list|lines|items)\./.test(name));
    }
  };
  visit(tokens, false);
  return problems;
}
