import { fold } from './normalise.js';

/**
 * The pattern language of reply rules (docs/check.md documents it). A pattern is a phrase written
 * the way people write it; it compiles to a regular expression that runs on folded text (see
 * normalise.ts), so case, accents and apostrophes never matter:
 *
 *   `you misunderst*`               a space matches spaces, line breaks and light punctuation;
 *                                   `*` inside a word: any letters
 *   `{i'm,i am} sorry`              one of the alternatives
 *   `it's [just,only] a small bug`  optional: one of the alternatives, or nothing
 *   `sorry * you`                   `*` alone: any one word
 *   `you ... yourself`              up to six words, within the sentence
 *   `# {am,pm}`, `#:#`              `#`: a number
 *   `between <weekday> and <weekday>`   the phrases of a list (or a rule) named `weekday`
 *   `follow-up`                     a hyphen matches a hyphen, a space or nothing
 *
 * Every word of three letters or more also matches its plural and feminine forms (-e, -s, -es, -x).
 */

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'space' }
  | { kind: 'hyphen' }
  | { kind: 'letters' }
  | { kind: 'word' }
  | { kind: 'number' }
  | { kind: 'gap'; offset: number }
  | { kind: 'ref'; name: string; offset: number }
  | { kind: 'choice'; options: Node[][] }
  | { kind: 'optional'; options: Node[][] };

export class PatternError extends Error {
  constructor(
    readonly reason: PatternErrorReason,
    /** Where in the pattern, in characters from its start. */
    readonly offset: number,
    readonly detail = '',
  ) {
    super(`${reason} at ${offset}${detail ? `: ${detail}` : ''}`);
  }
}

export type PatternErrorReason = 'empty' | 'unclosed' | 'unexpected' | 'gapAlone' | 'unknownName' | 'cycle';

/** Characters a space in a pattern matches between two words (after folding). */
const SEPARATOR_CHARS = String.raw`\s,;:()"*_\-`;
const SEPARATOR = `[${SEPARATOR_CHARS}]+`;
/**
 * A letter or digit of folded text: lowercase, without accents, so plain ranges do (Latin, Greek,
 * Cyrillic and the scripts beyond). Plain classes keep the regular expressions quick to compile,
 * which `calmclient start` feels, since it checks the draft it has just written.
 */
const WORD_CHAR = String.raw`[0-9a-z\u00b5\u00df-\u02af\u0370-\u052f\u0531-\u1fff\u2c00-\ud7ff\uf900-\ufaff]`;
const WORD = String.raw`${WORD_CHAR}+(?:['\-]${WORD_CHAR}+)*'?`;
const INFLECTION = '(?:e|s|es|x)?';
/**
 * Words of three letters or more take inflections; shorter ones are function words ("my", "is",
 * "le") whose other forms are other words, and each inflection makes the expressions slower to build.
 */
const INFLECTED_WORD_END = /\p{L}{3}$/u;
const GAP_WORDS = 6;

export function parsePattern(source: string): Node[] {
  const parser = new Parser(source);
  const nodes = parser.sequence(new Set());
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

  sequence(stops: ReadonlySet<string>): Node[] {
    const nodes: Node[] = [];
    let text = '';
    const flush = (): void => {
      if (text !== '') nodes.push({ kind: 'text', value: fold(text) });
      text = '';
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
        flush();
        nodes.push(
          char === '{' ? { kind: 'choice', options: this.choice('}') } : { kind: 'optional', options: this.choice(']') },
        );
        continue;
      }
      if (char === '}' || char === ']' || char === ',' || char === '>') {
        // A closing character outside its group, or a comma outside braces.
        if (char === ',') {
          text += char;
          this.position++;
          continue;
        }
        throw new PatternError('unexpected', at, char);
      }
      if (char === '<') {
        flush();
        nodes.push(this.reference());
        continue;
      }
      if (this.source.startsWith('...', at)) {
        flush();
        nodes.push({ kind: 'gap', offset: at });
        this.position += 3;
        continue;
      }
      if (char === '*') {
        flush();
        nodes.push(this.standsAlone(at, at + 1) ? { kind: 'word' } : { kind: 'letters' });
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
  private choice(close: '}' | ']'): Node[][] {
    const open = this.position;
    this.position++;
    const options: Node[][] = [];
    for (;;) {
      options.push(trimSpaces(this.sequence(new Set([',', close]))));
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
}

function trimSpaces(nodes: Node[]): Node[] {
  let from = 0;
  let to = nodes.length;
  while (from < to && nodes[from]?.kind === 'space') from++;
  while (to > from && nodes[to - 1]?.kind === 'space') to--;
  return nodes.slice(from, to);
}

/**
 * Words of which every match of a pattern contains one at least, as folded text. A pattern holds a
 * list of them: a draft that lacks every word of one of them cannot match, and the pattern need not
 * even be compiled for it (see matcher.ts). `you ... yourself` needs "you" and "yourself"; `#:#`,
 * `* you`'s first word or `[very] sorry`'s optional part need nothing known.
 */
export type Anchors = readonly string[];

export interface CompiledPattern {
  /** The regular expression, without the word edges (see `wholeWords`). */
  regex: string;
  /** Every one of these holds for a match; none is known when empty. */
  anchors: readonly Anchors[];
}

/**
 * Gives a named list or rule, compiled for the place it is used in (`wordEnd`: whether a word
 * ends right after it, which decides the inflections).
 */
export type NameResolver = (name: string, wordEnd: boolean, offset: number) => CompiledPattern;

/** One pattern compiled, as a whole pattern (`wordEnd`) or as a part of another (see `wholeWords`). */
export function compilePattern(source: string, resolve: NameResolver, wordEnd = true): CompiledPattern {
  return compileNodes(parsePattern(source), wordEnd, resolve);
}

/**
 * One regular expression (flag `g`) for patterns compiled by `compilePattern`, that never matches
 * inside a word. A pattern may end on an elided word (`qu'`, `d'`), glued to the next one.
 */
export function wholeWords(alternatives: readonly string[]): RegExp {
  return new RegExp(`(?<!${WORD_CHAR})(?:${alternatives.join('|')})(?:(?<=')|(?!${WORD_CHAR}))`, 'g');
}

/**
 * Patterns as alternatives of one. A match is one of theirs, so it holds a word of the most
 * selective anchors of each: together, the anchors of the whole; none known if one has none.
 */
export function anyOf(patterns: readonly CompiledPattern[]): CompiledPattern {
  const regex = patterns.map((pattern) => `(?:${pattern.regex})`).join('|');
  const each = patterns.map((pattern) => mostSelective(pattern.anchors));
  if (each.some((anchors) => anchors === undefined)) return { regex, anchors: [] };
  return { regex, anchors: [[...new Set(each.flatMap((anchors) => anchors ?? []))]] };
}

function compileNodes(nodes: readonly Node[], wordEnd: boolean, resolve: NameResolver): CompiledPattern {
  let regex = '';
  // The anchors of each part every match goes through: all of them hold for the whole.
  const required: Anchors[] = [];
  // A space is written out only once the next part is known: optional parts take it along.
  let space = false;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as Node;
    const next = nodes[i + 1];
    const endsWord = next === undefined ? wordEnd : next.kind === 'space';
    if (node.kind === 'space') {
      space = true;
      continue;
    }
    if (node.kind === 'gap') {
      // Between two words: each word of the gap comes with the space before it.
      if (!space || next?.kind !== 'space') throw new PatternError('gapAlone', node.offset);
      regex += `(?:${SEPARATOR}${WORD}){0,${GAP_WORDS}}?`;
      space = false;
      continue;
    }
    if (canBeEmpty(node) && (space || next?.kind === 'space')) {
      // Leaving an optional part out must not leave two spaces to match:
      // "it's [just] a" reads "it's a" or "it's just a".
      if (space) {
        regex += `(?:${SEPARATOR}${compileFilled(node, endsWord, resolve)})?`;
        space = false;
      } else {
        regex += `(?:${compileFilled(node, true, resolve)}${SEPARATOR})?`;
        i++;
      }
      continue;
    }
    if (space) regex += SEPARATOR;
    space = false;
    const part = compileNode(node, endsWord, resolve);
    regex += part.regex;
    required.push(...part.anchors);
  }
  return { regex, anchors: required };
}

/** Of several sets of anchors that all hold, the one whose shortest word is longest, then the smallest. */
function mostSelective(candidates: readonly Anchors[]): Anchors | undefined {
  let best: Anchors | undefined;
  const shortest = (anchors: Anchors): number => Math.min(...anchors.map((anchor) => anchor.length));
  for (const anchors of candidates) {
    if (anchors.length === 0) continue;
    if (
      best === undefined ||
      shortest(anchors) > shortest(best) ||
      (shortest(anchors) === shortest(best) && anchors.length < best.length)
    )
      best = anchors;
  }
  return best;
}

function canBeEmpty(node: Node): boolean {
  return node.kind === 'optional' || (node.kind === 'choice' && node.options.some((option) => option.length === 0));
}

/** An optional part compiled as if it had to be there. */
function compileFilled(node: Node, wordEnd: boolean, resolve: NameResolver): string {
  if (node.kind === 'optional' || node.kind === 'choice') {
    const filled = node.options.filter((option) => option.length > 0);
    return `(?:${filled.map((option) => compileNodes(option, wordEnd, resolve).regex).join('|')})`;
  }
  return compileNode(node, wordEnd, resolve).regex;
}

function compileNode(node: Node, wordEnd: boolean, resolve: NameResolver): CompiledPattern {
  const unanchored = (regex: string): CompiledPattern => ({ regex, anchors: [] });
  switch (node.kind) {
    case 'text':
      return {
        regex: escapeRegExp(node.value) + (wordEnd && INFLECTED_WORD_END.test(node.value) ? INFLECTION : ''),
        anchors: [[node.value]],
      };
    case 'space':
      return unanchored(SEPARATOR);
    case 'hyphen':
      return unanchored(`[${SEPARATOR_CHARS}]*`);
    case 'letters':
      return unanchored(`${WORD_CHAR}*`);
    case 'word':
      return unanchored(WORD);
    case 'number':
      return unanchored('[0-9]+');
    case 'ref': {
      const named = resolve(node.name, wordEnd, node.offset);
      return { regex: `(?:${named.regex})`, anchors: named.anchors };
    }
    case 'choice': {
      const options = node.options.map((option) => compileNodes(option, wordEnd, resolve));
      return { regex: `(?:${options.map((option) => option.regex).join('|')})`, anchors: anyOf(options).anchors };
    }
    case 'optional':
      return unanchored(`(?:${node.options.map((option) => compileNodes(option, wordEnd, resolve).regex).join('|')})?`);
    case 'gap':
      throw new PatternError('gapAlone', node.offset);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
