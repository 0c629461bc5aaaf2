import type { Token } from './tokens.js';

/**
 * The engine patterns run on: a nondeterministic automaton over tokens (Thompson's construction),
 * simulated the way RE2 does (Pike's VM): every live state advances together, one token at a time,
 * and a state is never visited twice for one token. The time is linear in the number of tokens
 * times the number of states, whatever the pattern and the text: there is no backtracking to go
 * wrong, and no pattern of the language can loop over words (`...` is bounded), so a match spans
 * a bounded number of tokens.
 *
 * Matches are leftmost, then longest, and never overlap, as findings are.
 */

/** What one token must be for a state to consume it. */
export type Test =
  /** A word or number among these forms (see Token.forms). */
  | { lit: readonly string[] }
  /** A word whose written form matches a glob: `*` stands for any letters. */
  | { glob: string }
  /** Any word, any number, any light punctuation. */
  | { any: 'word' | 'number' | 'light' }
  /** Punctuation written exactly so. */
  | { punct: string };

/** A state consumes a token that passes `test` and goes to `next[0]`; without `test`, it goes to every `next` at once. */
export interface State {
  test?: Test;
  next: readonly number[];
}

/** An automaton: its states, where it starts, and the one accepting state. */
export interface Automaton {
  states: readonly State[];
  start: number;
  accept: number;
}

/** A match, as token indices `[from, to)`. */
export interface TokenSpan {
  from: number;
  to: number;
}

/** Builds automata; refuses to grow past `limit` states (a rules file gets one budget). */
export class AutomatonBuilder {
  readonly states: State[] = [];
  constructor(private readonly limit: number) {}

  add(state: State): number {
    if (this.states.length >= this.limit) throw new TooLargeError(this.limit);
    this.states.push(state);
    return this.states.length - 1;
  }

  /** A state to fill in later (a continuation built before its predecessors). */
  placeholder(): number {
    return this.add({ next: [] });
  }

  set(index: number, state: State): void {
    this.states[index] = state;
  }
}

export class TooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} states`);
  }
}

/** A glob of `*` and letters, matched against a word in time linear in the word's length times the glob's. */
export function globMatches(glob: string, word: string): boolean {
  const parts = glob.split('*');
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  if (parts.length === 1) return glob === word;
  if (!word.startsWith(first) || word.length < first.length + last.length || !word.endsWith(last)) return false;
  // Each middle part at its first place after the previous one: greedy is exact for plain `*`.
  let at = first.length;
  const end = word.length - last.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const part = parts[i] as string;
    const found = word.indexOf(part, at);
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}

const WORD_LIKE = new Set(['word', 'number']);

export function passes(test: Test, token: Token, literal?: ReadonlySet<string>): boolean {
  if ('lit' in test) {
    if (!WORD_LIKE.has(token.kind)) return false;
    const forms = literal ?? new Set(test.lit);
    return token.forms.some((form) => forms.has(form));
  }
  if ('glob' in test) return token.kind === 'word' && token.forms.some((form) => globMatches(test.glob, form));
  if ('punct' in test) return token.kind === 'punct' && token.text === test.punct;
  if (test.any === 'light') return token.kind === 'punct';
  return token.kind === test.any;
}

/**
 * An automaton ready to run: the states that can consume the first token of a match are indexed
 * by the forms they accept, so that a text is only tried where one of them stands.
 */
/** Where each form stands in a text's tokens: built once per draft, read by every automaton. */
export interface TokenIndex {
  /** The positions of the words and numbers with each form. */
  forms: ReadonlyMap<string, readonly number[]>;
  /** The positions of punctuation, by its text. */
  puncts: ReadonlyMap<string, readonly number[]>;
  words: readonly number[];
  numbers: readonly number[];
  lights: readonly number[];
}

export function indexTokens(tokens: readonly Token[]): TokenIndex {
  const forms = new Map<string, number[]>();
  const puncts = new Map<string, number[]>();
  const words: number[] = [];
  const numbers: number[] = [];
  const lights: number[] = [];
  const add = (map: Map<string, number[]>, key: string, i: number): void => {
    const at = map.get(key);
    if (!at) map.set(key, [i]);
    else if (at[at.length - 1] !== i) at.push(i);
  };
  tokens.forEach((token, i) => {
    if (token.kind === 'punct' || token.kind === 'stop') {
      add(puncts, token.text, i);
      if (token.kind === 'punct') lights.push(i);
      return;
    }
    if (token.kind === 'word') words.push(i);
    else if (token.kind === 'number') numbers.push(i);
    else return;
    for (const form of token.forms) add(forms, form, i);
  });
  return { forms, puncts, words, numbers, lights };
}

/** How each state tests a token, decoded once (see CompiledAutomaton). */
const enum Kind {
  Epsilon,
  Literal,
  Glob,
  Word,
  Number,
  Light,
  Punct,
}

/**
 * An automaton ready to run: each state's test decoded into flat arrays, and the states that can
 * consume the first token of a match indexed by the forms they accept, so that a text is only
 * tried where one of them stands.
 */
export class CompiledAutomaton {
  private readonly kind: Uint8Array;
  private readonly literal: (ReadonlySet<string> | undefined)[];
  private readonly text: (string | undefined)[];
  private readonly next0: Int32Array;
  private readonly firstByForm = new Map<string, number[]>();
  private readonly firstOther: number[] = [];

  constructor(readonly automaton: Automaton) {
    const { states } = automaton;
    this.kind = new Uint8Array(states.length);
    this.literal = new Array<ReadonlySet<string> | undefined>(states.length);
    this.text = new Array<string | undefined>(states.length);
    this.next0 = new Int32Array(states.length);
    states.forEach((state, s) => {
      this.next0[s] = state.next[0] ?? -1;
      const test = state.test;
      if (!test) return;
      if ('lit' in test) {
        this.kind[s] = Kind.Literal;
        this.literal[s] = new Set(test.lit);
      } else if ('glob' in test) {
        this.kind[s] = Kind.Glob;
        this.text[s] = test.glob;
      } else if ('punct' in test) {
        this.kind[s] = Kind.Punct;
        this.text[s] = test.punct;
      } else this.kind[s] = test.any === 'word' ? Kind.Word : test.any === 'number' ? Kind.Number : Kind.Light;
    });
    for (const state of this.closure([automaton.start])) {
      const test = states[state]?.test;
      if (!test) continue;
      if ('lit' in test) {
        for (const form of test.lit) {
          const list = this.firstByForm.get(form);
          if (list) list.push(state);
          else this.firstByForm.set(form, [state]);
        }
      } else this.firstOther.push(state);
    }
  }

  /** The consuming states reachable from `from` without a token. */
  private closure(from: readonly number[]): number[] {
    const seen = new Set<number>();
    const found: number[] = [];
    const stack = [...from];
    while (stack.length > 0) {
      const state = stack.pop() as number;
      if (seen.has(state)) continue;
      seen.add(state);
      const node = this.automaton.states[state];
      if (!node) continue;
      if (node.test) found.push(state);
      else stack.push(...node.next);
    }
    return found;
  }

  /** Whether state `s` consumes `token`. */
  private passes(s: number, token: Token): boolean {
    switch (this.kind[s]) {
      case Kind.Literal: {
        if (token.kind !== 'word' && token.kind !== 'number') return false;
        const literal = this.literal[s] as ReadonlySet<string>;
        const forms = token.forms;
        for (let k = 0; k < forms.length; k++) if (literal.has(forms[k] as string)) return true;
        return false;
      }
      case Kind.Glob: {
        if (token.kind !== 'word') return false;
        const glob = this.text[s] as string;
        for (const form of token.forms) if (globMatches(glob, form)) return true;
        return false;
      }
      case Kind.Word:
        return token.kind === 'word';
      case Kind.Number:
        return token.kind === 'number';
      case Kind.Light:
        return token.kind === 'punct';
      case Kind.Punct:
        return (token.kind === 'punct' || token.kind === 'stop') && token.text === this.text[s];
      default:
        return false;
    }
  }

  /**
   * Where a match may start: the tokens that pass a first state's test, in order. `index` gives the
   * positions of each form in `tokens` (see TokenIndex), so that only the few forms this automaton
   * starts with are looked at, not every token.
   */
  private candidates(tokens: readonly Token[], index: TokenIndex): number[] {
    const lists: (readonly number[])[] = [];
    if (this.firstByForm.size < index.forms.size) {
      for (const form of this.firstByForm.keys()) {
        const at = index.forms.get(form);
        if (at) lists.push(at);
      }
    } else {
      for (const [form, at] of index.forms) if (this.firstByForm.has(form)) lists.push(at);
    }
    // The other first states, through the index too: a glob is tried on each distinct form once.
    for (const s of this.firstOther) {
      switch (this.kind[s]) {
        case Kind.Glob: {
          const glob = this.text[s] as string;
          for (const [form, at] of index.forms) if (globMatches(glob, form) && at.some((i) => tokens[i]?.kind === 'word')) lists.push(at);
          break;
        }
        case Kind.Word:
          lists.push(index.words);
          break;
        case Kind.Number:
          lists.push(index.numbers);
          break;
        case Kind.Light:
          lists.push(index.lights);
          break;
        case Kind.Punct: {
          const at = index.puncts.get(this.text[s] as string);
          if (at) lists.push(at);
          break;
        }
      }
    }
    if (lists.length === 1) return lists[0] as number[];
    const merged = new Set<number>();
    for (const list of lists) for (const i of list) merged.add(i);
    return [...merged].sort((a, b) => a - b);
  }

  /** Every match in `tokens[from, to)`: leftmost, then longest, none overlapping. */
  search(tokens: readonly Token[], index: TokenIndex = indexTokens(tokens), from = 0, to = tokens.length): TokenSpan[] {
    const candidates = this.candidates(tokens, index);
    if (candidates.length === 0) return [];
    let nextCandidate = 0;
    const { states, accept } = this.automaton;
    const count = states.length;
    const kind = this.kind;
    const next0 = this.next0;
    // Thread lists: the states that will consume the next token, each with its match's start.
    let current: number[] = [];
    let currentStart = new Int32Array(count);
    let next: number[] = [];
    let nextStart = new Int32Array(count);
    const mark = new Int32Array(count).fill(-1);
    const started = new Int32Array(count).fill(-1);
    const stack: number[] = [];
    const found: TokenSpan[] = [];
    // The best match so far: the leftmost start, then the longest; -1 when none.
    let pendingFrom = -1;
    let pendingTo = -1;
    let blocked = from;

    /** Adds the closure of `state` for a thread started at `start`, to be consumed at step `step`. */
    const addClosure = (state: number, start: number, step: number): void => {
      stack.push(state);
      while (stack.length > 0) {
        const s = stack.pop() as number;
        if (mark[s] === step) continue;
        mark[s] = step;
        if (s === accept) {
          if (pendingFrom < 0 || start < pendingFrom || (start === pendingFrom && step > pendingTo)) {
            pendingFrom = start;
            pendingTo = step;
          }
          continue;
        }
        if (kind[s] !== Kind.Epsilon) {
          next.push(s);
          nextStart[s] = start;
        } else {
          const out = (states[s] as State).next;
          for (let k = out.length - 1; k >= 0; k--) stack.push(out[k] as number);
        }
      }
    };

    for (let i = from; i < to; i++) {
      // Nothing alive and nothing pending: jump to where a match may start.
      if (current.length === 0 && pendingFrom < 0) {
        while (nextCandidate < candidates.length && (candidates[nextCandidate] as number) < Math.max(i, blocked)) nextCandidate++;
        if (nextCandidate >= candidates.length) break;
        i = candidates[nextCandidate] as number;
        if (i >= to) break;
      }
      const token = tokens[i] as Token;
      const step = i + 1;
      // Older threads first: of two threads in one state, the one that started first is kept.
      for (let k = 0; k < current.length; k++) {
        const s = current[k] as number;
        if (this.passes(s, token)) addClosure(next0[s] as number, currentStart[s] as number, step);
      }
      if (i >= blocked) {
        const forms = token.forms;
        for (let f = 0; f < forms.length; f++) {
          const starts = this.firstByForm.get(forms[f] as string);
          if (!starts) continue;
          for (let k = 0; k < starts.length; k++) {
            const s = starts[k] as number;
            // Two forms of one token may index the same state: it starts once.
            if (started[s] === i) continue;
            started[s] = i;
            addClosure(next0[s] as number, i, step);
          }
        }
        for (let k = 0; k < this.firstOther.length; k++) {
          const s = this.firstOther[k] as number;
          if (this.passes(s, token)) addClosure(next0[s] as number, i, step);
        }
      }
      // A pending match is final once no live thread started at or before it.
      if (pendingFrom >= 0) {
        let alive = false;
        for (let k = 0; k < next.length && !alive; k++) alive = (nextStart[next[k] as number] as number) <= pendingFrom;
        if (!alive) {
          found.push({ from: pendingFrom, to: pendingTo });
          blocked = pendingTo;
          let kept = 0;
          for (let k = 0; k < next.length; k++) if ((nextStart[next[k] as number] as number) >= pendingTo) next[kept++] = next[k] as number;
          next.length = kept;
          pendingFrom = -1;
          pendingTo = -1;
        }
      }
      const list = current;
      current = next;
      next = list;
      next.length = 0;
      const starts = currentStart;
      currentStart = nextStart;
      nextStart = starts;
    }
    if (pendingFrom >= 0) found.push({ from: pendingFrom, to: pendingTo });
    return found;
  }
}
