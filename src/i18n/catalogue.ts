import type { Lang } from '../types.js';

/**
 * calmclient's messages. Each area of the code keeps one catalogue next to its code: an object
 * whose entries hold the English and the French text side by side, so that neither can be
 * forgotten (the type requires both, and tests/unit/catalogues.test.ts checks that their
 * placeholders agree). Every message is read through `t`, with the language passed explicitly.
 *
 *   const m = catalogue({
 *     saved: { en: 'Session {id} saved.', fr: 'Session {id} enregistrée.' },
 *   });
 *   t(m.saved, lang, { id });
 *
 * `{name}` is a placeholder; `t` refuses, at compile time, a call that leaves one out.
 */

export interface Message {
  readonly en: string;
  readonly fr: string;
}

export type Catalogue = Readonly<Record<string, Message>>;

const declared: Catalogue[] = [];

/** Declares a catalogue; `const` keeps each text's literal type, so that `t` can see its placeholders. */
export function catalogue<const C extends Catalogue>(messages: C): C {
  declared.push(messages);
  return messages;
}

/** Every catalogue declared by the modules loaded so far, for the tests that check them all. */
export function declaredCatalogues(): readonly Catalogue[] {
  return declared;
}

type Letter = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h' | 'i' | 'j' | 'k' | 'l' | 'm' | 'n' | 'o' | 'p' | 'q' | 'r' | 's' | 't' | 'u' | 'v' | 'w' | 'x' | 'y' | 'z';
type WordChar = Letter | Uppercase<Letter> | '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '_';
type IsWord<S extends string> = S extends `${infer C}${infer Rest}` ? (C extends WordChar ? (Rest extends '' ? true : IsWord<Rest>) : false) : false;

/** The `{name}` placeholders of a text, as `t` fills them (`\{(\w+)\}`): `{{>…}}` is none. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? (IsWord<Name> extends true ? Name : never) | Placeholders<Rest>
  : never;

export type MessageVars<M extends Message> = Record<Placeholders<M['en']> | Placeholders<M['fr']>, string | number>;

type VarsArgument<M extends Message> = [Placeholders<M['en']> | Placeholders<M['fr']>] extends [never]
  ? [vars?: Record<string, never>]
  : [vars: MessageVars<M>];

/**
 * French puts a thin no-break space before `; ! ?`, a no-break space before `:` and inside
 * `« »`, so that no line ever starts with a lone `?` or `»`. Catalogues are written with plain
 * spaces, which are easier to read and type; `t` sets the right ones.
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/ ([;!?])/g, '\u202f$1')
    .replace(/ :(?=\s|$)/g, '\u00a0:')
    .replace(/« /g, '«\u00a0')
    .replace(/ »/g, '\u00a0»')
    .replace(/(\d) %/g, '$1\u00a0%');
}

const TYPOGRAPHY: Record<Lang, (text: string) => string> = { en: (text) => text, fr: frenchSpacing };

/** `de` or `que` just before a placeholder, whose value may begin with a vowel. */
const ELIDED_BEFORE = /\b([Dd]e|[Qq]ue) \{(\w+)\}/g;
const VOWEL_FIRST = /^[aeiouyàâäéèêëîïôöûüæœ]/i;

/**
 * French elides `de` and `que` before a vowel: "l'adresse d'Élise", "ce qu'Orange a dit", never
 * "de Élise". The message cannot know how a name put in it begins, so `t` elides as it fills it in.
 * (An `h` is left alone: "d'Hélène" but "de Hachette", which no rule can tell apart.)
 */
function frenchElision(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(ELIDED_BEFORE, (whole, word: string, name: string) =>
    name in values && VOWEL_FIRST.test(String(values[name])) ? `${word.slice(0, -1)}'{${name}}` : whole,
  );
}

const ELISION: Record<Lang, (text: string, values: Readonly<Record<string, string | number>>) => string> = {
  en: (text) => text,
  fr: frenchElision,
};

/** The text of `message` in `lang`, with its placeholders filled in. */
export function t<M extends Message>(message: M, lang: Lang, ...[vars]: VarsArgument<M>): string {
  const text = TYPOGRAPHY[lang](message[lang]);
  if (vars === undefined) return text;
  const values: Readonly<Record<string, string | number>> = vars;
  return ELISION[lang](text, values).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The same message in every language, for a test or a completion script that must know them all. */
export function allTexts(message: Message): string[] {
  return [message.en, message.fr];
}
