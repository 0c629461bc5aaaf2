import { AutomatonBuilder, type Automaton, type Test } from './automaton.js';
import { formsOf, isTense } from './morphology.js';
import { fold } from './normalise.js';
import { tokenizePhrase } from './tokens.js';
import type { Lang } from '../types.js';

/**
 * The pattern language of reply rules (docs/check.md documents it). A pattern is a phrase written
 * the way people write it; it compiles to an automaton over the draft's tokens (automaton.ts,
 * tokens.ts), so case, accents, apostrophes and contractions never matter:
 *
 *   `you misunderst*`               words in order; a space also skips light punctuation;
 *                                   `*` inside a word: any letters
 *   `{i'm,i am} sorry`              one of the alternatives ("i'm" and "i am" read the same anyway)
 *   `it's [just,only] a small bug`  optional: one of the alternatives, or nothing
 *   `sorry * you`                   `*` alone: any one word
 *   `you ... yourself`              up to six words, within the sentence
 *   `# {am,pm}`, `#:#`              `#`: a number
 *   `~valider`, `~use.past`         every form of a verb, noun or adjective (morphology.ts), or of one tense
 *   `between <weekday> and <weekday>`   the phrases of a list (or a rule) named `weekday`
 *   `follow-up`                     a hyphen matches a hyphen or a space
 *
 * Every plain word of three letters or more also matches its plural and feminine forms (-e, -s, -es, -x).
 */

export type Node =
  | { kind: 'text'; value: string }
  | { kind: 'space' }
  | { kind: 'hyphen' }
  | { kind: 'glob'; value: string }
  | { kind: 'word' }
  | { kind: 'number' }
  | { kind: 'lemma'; value: string; tense?: string; offset: number }
  | { kind: 'gap'; offset: number }
  | { kind: 'ref'; name: string; offset: number }
  | { kind: 'choice'; options: Node[][] }
  | { kind: 'optional'; options: Node[][] };

export class PatternError extends Error {
  /** Where the pattern that has the problem comes from, when it is not the one being compiled (a named list's). */
  origin: unknown;
  constructor(
    readonly reason: PatternErrorReason,
    /** Where in the pattern, in characters from its start. */
    readonly offset: number,
    readonly detail = '',
  ) {
    super(`${reason} at ${offset}${detail ? `: ${detail}` : ''}`);
  }
}

export type PatternErrorReason = 'empty' | 'unclosed' | 'unexpected' | 'gapAlone' | 'unknownName' | 'cycle' | 'tooLong' | 'tooLarge' | 'tense' | 'lemma';

/** Up to how many words `...` skips. */
const GAP_WORDS = 6;
/** Longest pattern, in characters: a phrase, not a text. */
export const MAX_PATTERN_LENGTH = 1000;
/** Deepest nesting of `{`, `[` in a pattern. */
const MAX_DEPTH = 8;
const INFLECTIONS = ['e', 's', 'es', 'x'];
const INFLECTED = /^\p{L}{3,}$/u;

export function parsePattern(source: string): Node[] {
  if (source.length > MAX_PATTERN_LENGTH) throw new PatternError('tooLong', MAX_PATTERN_LENGTH, String(MAX_PATTERN_LENGTH));
  const parser = new Parser(source);
  const nodes = parser.sequence(new Set(), 0);
  if (parser.position < source.length) throw new PatternError('unexpected', parser.position, source[parser.position]);
  if (!nodes.some((node) => node.kind !== 'space')) throw new PatternError('empty', 0);
  return trimSpaces(nodes);
}

class Parser {
  position = 0;
  constructor(private readonly source: string) {}

  private get char(): string | undefined {
    return this.source[this.position];
  }

  sequence(stops: ReadonlySet<string>, depth: number): Node[] {
    const nodes: Node[] = [];
    let text = '';
    // `*` inside a word makes the whole word a glob.
    let glob = false;
    const flush = (): void => {
      if (text !== '') nodes.push(glob ? { kind: 'glob', value: fold(text) } : { kind: 'text', value: fold(text) });
      text = '';
      glob = false;
    };
    while (this.char !== undefined && !stops.has(this.char)) {
      const char = this.char;
      const at = this.position;
      if (/\s/.test(char)) {
        flush();
        while (this.char !== undefined && /\s/.test(this.char)) this.position++;
        nodes.push({ kind: 'space' });
        continue;
      }
      if (char === '\\') {
        const escaped = this.source[at + 1];
        if (escaped === undefined) throw new PatternError('unexpected', at, '\\');
        text += escaped;
        this.position += 2;
        continue;
      }
      if (char === '{' || char === '[') {
        if (depth >= MAX_DEPTH) throw new PatternError('tooLarge', at, String(MAX_DEPTH));
        flush();
        const options = this.choice(char === '{' ? '}' : ']', depth + 1);
        nodes.push(char === '{' ? { kind: 'choice', options } : { kind: 'optional', options });
        continue;
      }
      if (char === '}' || char === ']' || char === '>') throw new PatternError('unexpected', at, char);
      if (char === ',') {
        // A comma outside braces is the character itself.
        text += char;
        this.position++;
        continue;
      }
      if (char === '<') {
        flush();
        nodes.push(this.reference());
        continue;
      }
      if (char === '~' && text === '') {
        flush();
        nodes.push(this.lemma());
        continue;
      }
      if (this.source.startsWith('...', at)) {
        flush();
        nodes.push({ kind: 'gap', offset: at });
        this.position += 3;
        continue;
      }
      if (char === '*') {
        if (text === '' && this.standsAlone(at, at + 1)) {
          flush();
          nodes.push({ kind: 'word' });
        } else {
          text += '*';
          glob = true;
        }
        this.position++;
        continue;
      }
      if (char === '#') {
        flush();
        nodes.push({ kind: 'number' });
        this.position++;
        continue;
      }
      if (char === '-') {
        flush();
        nodes.push({ kind: 'hyphen' });
        this.position++;
        continue;
      }
      text += char;
      this.position++;
    }
    flush();
    return nodes;
  }

  /** Whether `[from, to)` has a space, a group edge or the pattern's edge on both sides. */
  private standsAlone(from: number, to: number): boolean {
    const before = this.source[from - 1];
    const after = this.source[to];
    const edge = (char: string | undefined, edges: string): boolean => char === undefined || /\s/.test(char) || edges.includes(char);
    return edge(before, '{[,') && edge(after, '}],');
  }

  /** `{a,b}` one of; `[a,b]` one of, or nothing. */
  private choice(close: '}' | ']', depth: number): Node[][] {
    const open = this.position;
    this.position++;
    const options: Node[][] = [];
    for (;;) {
      options.push(trimSpaces(this.sequence(new Set([',', close]), depth)));
      if (this.char === undefined) throw new PatternError('unclosed', open, this.source[open]);
      this.position++;
      if (this.source[this.position - 1] === close) return options;
    }
  }

  private reference(): Node {
    const open = this.position;
    const close = this.source.indexOf('>', open);
    if (close < 0) throw new PatternError('unclosed', open, '<');
    const name = this.source.slice(open + 1, close).trim();
    if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new PatternError('unexpected', open, '<');
    this.position = close + 1;
    return { kind: 'ref', name, offset: open };
  }

  /** `~word` or `~word.tense`. */
  private lemma(): Node {
    const at = this.position;
    const match = /^~([\p{L}]+)(?:\.([a-z-]+))?/u.exec(this.source.slice(at));
    if (!match?.[1]) throw new PatternError('lemma', at, '~');
    this.position += match[0].length;
    const node: Node = { kind: 'lemma', value: fold(match[1]), offset: at };
    if (match[2] !== undefined) node.tense = match[2];
    return node;
  }
}

function trimSpaces(nodes: Node[]): Node[] {
  let from = 0;
  let to = nodes.length;
  while (from < to && nodes[from]?.kind === 'space') from++;
  while (to > from && nodes[to - 1]?.kind === 'space') to--;
  return nodes.slice(from, to);
}

/**
 * The patterns a name stands for (a list, or a phrase rule), parsed, with how to resolve the names
 * they use in turn: a user's rules file can build on the built-in names, which resolve among the
 * built-in ones.
 */
export interface Fragment {
  /** Each pattern, parsed; `origin` says where it comes from, for problems found as it is compiled. */
  options: readonly (Node[] & { origin?: unknown })[];
  resolve: NameResolver;
  /** The language of the file the patterns come from, for `~lemma` (both when unknown). */
  lang: Lang | undefined;
}

/** The fragment a `<name>` stands for; throws PatternError('unknownName') when there is none. */
export type NameResolver = (name: string, offset: number) => Fragment;

/**
 * Compiles patterns into one automaton that matches any of them. `budget` is shared by a whole
 * rules file: lists that each name the previous one twice grow exponentially, and stop at it.
 */
export function compilePatterns(
  fragments: readonly { nodes: Node[]; resolve: NameResolver; lang: Lang | undefined }[],
  builder: AutomatonBuilder,
): Automaton {
  const offset = builder.states.length;
  const accept = builder.add({ next: [] });
  const starts = fragments.map((fragment) => new Compiler(builder, fragment.resolve, fragment.lang, new Set()).sequence(fragment.nodes, accept));
  const start = builder.add({ next: starts });
  // The automaton's states are those the builder added for it, renumbered from 0.
  const states = builder.states.slice(offset).map((state) => ({ ...state, next: state.next.map((n) => n - offset) }));
  return { states, start: start - offset, accept: accept - offset };
}

class Compiler {
  constructor(
    private readonly builder: AutomatonBuilder,
    private readonly resolve: NameResolver,
    private readonly lang: Lang | undefined,
    private readonly resolving: ReadonlySet<string>,
  ) {}

  private consume(test: Test, next: number): number {
    return this.builder.add({ test, next: [next] });
  }

  private either(next: readonly number[]): number {
    return this.builder.add({ next });
  }

  /** The entry state of `nodes`, followed by `next`. Built from the end, so no continuation is copied. */
  sequence(nodes: readonly Node[], next: number): number {
    let state = next;
    for (let i = nodes.length - 1; i >= 0; i--) state = this.node(nodes[i] as Node, state, nodes[i - 1], nodes[i + 1]);
    return state;
  }

  private node(node: Node, next: number, before: Node | undefined, after: Node | undefined): number {
    switch (node.kind) {
      case 'space':
        // Between words: light punctuation may stand there ("sorry, but").
        return this.either([this.consume({ any: 'light' }, next), next]);
      case 'hyphen':
        return this.either([this.consume({ any: 'light' }, next), next]);
      case 'text':
        return this.text(node.value, next);
      case 'glob':
        return this.consume({ glob: node.value }, next);
      case 'word':
        return this.consume({ any: 'word' }, next);
      case 'number':
        return this.consume({ any: 'number' }, next);
      case 'lemma':
        return this.consume({ lit: this.lemmaForms(node) }, next);
      case 'gap': {
        if (before?.kind !== 'space' || after?.kind !== 'space') throw new PatternError('gapAlone', node.offset);
        // Up to GAP_WORDS words, each after an optional light punctuation; the spaces around are the pattern's.
        let state = next;
        for (let k = 0; k < GAP_WORDS; k++) {
          const word = this.either([this.consume({ any: 'word' }, state), this.consume({ any: 'number' }, state)]);
          state = this.either([word, this.consume({ any: 'light' }, word), next]);
        }
        return state;
      }
      case 'ref': {
        if (this.resolving.has(node.name)) throw new PatternError('cycle', node.offset, node.name);
        const fragment = this.resolve(node.name, node.offset);
        const inner = new Compiler(this.builder, fragment.resolve, fragment.lang, new Set([...this.resolving, node.name]));
        return this.either(
          fragment.options.map((option) => {
            try {
              return inner.sequence(option, next);
            } catch (error) {
              if (error instanceof PatternError && error.origin === undefined && option.origin !== undefined) error.origin = option.origin;
              throw error;
            }
          }),
        );
      }
      case 'choice':
        return this.either(node.options.map((option) => (option.length === 0 ? next : this.sequence(option, next))));
      case 'optional':
        return this.either([...node.options.filter((option) => option.length > 0).map((option) => this.sequence(option, next)), next]);
    }
  }

  /** Literal words: tokenized as a draft is, each word with its inflections. */
  private text(value: string, next: number): number {
    const tokens = tokenizePhrase(value);
    let state = next;
    for (let i = tokens.length - 1; i >= 0; i--) {
      const token = tokens[i];
      if (!token) continue;
      if (token.kind === 'punct' || token.kind === 'stop') {
        state = this.consume({ punct: token.text }, state);
        continue;
      }
      // A clitic or an elided word compares by what it stands for ("n't" is "not", "l'" is "le" or "la").
      const [written, ...full] = token.forms;
      const forms = full.length > 0 ? full : [written as string];
      const inflected = full.length === 0 && INFLECTED.test(token.text) ? INFLECTIONS.map((ending) => token.text + ending) : [];
      state = this.consume({ lit: [...new Set([...forms, ...inflected])] }, state);
    }
    return state;
  }

  private lemmaForms(node: Extract<Node, { kind: 'lemma' }>): string[] {
    const langs: Lang[] = this.lang ? [this.lang] : ['en', 'fr'];
    if (node.tense !== undefined && !langs.some((lang) => isTense(lang, node.tense as string)))
      throw new PatternError('tense', node.offset, node.tense);
    const forms = langs.flatMap((lang) => (node.tense === undefined || isTense(lang, node.tense) ? formsOf(node.value, lang, node.tense) : []));
    if (forms.length === 0) throw new PatternError('lemma', node.offset, node.value);
    return [...new Set(forms)];
  }
}
