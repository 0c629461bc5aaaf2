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
const NAMESPACES = ['is', 'iso', 'list', 'lines', 'score', 'verdict'] as const;
const COMMAND_NAMES: Record<PlaybookKind, readonly string[]> = {
  crisis: [],
  prevention: ['mission'],
  followup: ['promise', 'promise_date'],
};
/** Names that can never be step ids: they would shadow built-in values. */
export const RESERVED_IDS = new Set<string>([
  ...BUILTIN_NAMES,
  ...NAMESPACES,
  ...Object.values(COMMAND_NAMES).flat(),
]);

/** Inside `{{#list.ID}}` and `{{#lines.ID}}` the names refer to the current item. */
const ITEM_NAMES = new Set(['.', 'value', 'label', 'hint', 'tip']);

export function allowedNames(steps: readonly Step[], kind: PlaybookKind): Set<string> {
  const names = new Set<string>([...BUILTIN_NAMES, ...COMMAND_NAMES[kind]]);
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
        names.add(`lines.${step.id}`);
        break;
      case 'select':
      case 'checkbox':
        names.add(`list.${step.id}`);
        for (const choice of step.choices) names.add(`is.${step.id}.${choice.value}`);
        if (step.type === 'checkbox' && step.verdicts) {
          names.add(`score.${step.id}`);
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
      if (children) visit(children, inItems || name.startsWith('list.') || name.startsWith('lines.'));
    }
  };
  visit(tokens, false);
  return problems;
}
