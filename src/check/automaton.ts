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
export class CompiledAutomaton {
  private readonly literals: (ReadonlySet<string> | undefined)[];
  private readonly firstByForm = new Map<string, number[]>();
  private readonly firstOther: number[] = [];

  constructor(readonly automaton: Automaton) {
    const { states } = automaton;
    this.literals = states.map((state) => (state.test && 'lit' in state.test ? new Set(state.test.lit) : undefined));
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

  /** Every match in `tokens[from, to)`: leftmost, then longest, none overlapping. */
  search(tokens: readonly Token[], from = 0, to = tokens.length): TokenSpan[] {
    const { states, accept } = this.automaton;
    const count = states.length;
    // Thread lists: the states that will consume the next token, each with its match's start.
    let current: number[] = [];
    let currentStart = new Int32Array(count);
    let next: number[] = [];
    let nextStart = new Int32Array(count);
    const mark = new Int32Array(count).fill(-1);
    const started = new Int32Array(count).fill(-1);
    const stack: number[] = [];
    const found: TokenSpan[] = [];
    let pending: TokenSpan | undefined;
    let blocked = from;

    /** Adds the closure of `state` for a thread started at `start`, to be consumed at step `step`. */
    const addClosure = (state: number, start: number, step: number): void => {
      stack.push(state);
      while (stack.length > 0) {
        const s = stack.pop() as number;
        if (mark[s] === step) continue;
        mark[s] = step;
        if (s === accept) {
          if (!pending || start < pending.from || (start === pending.from && step > pending.to)) pending = { from: start, to: step };
          continue;
        }
        const node = states[s] as State;
        if (node.test) {
          next.push(s);
          nextStart[s] = start;
        } else for (let k = node.next.length - 1; k >= 0; k--) stack.push(node.next[k] as number);
      }
    };

    for (let i = from; i < to; i++) {
      const token = tokens[i] as Token;
      const step = i + 1;
      // Older threads first: of two threads in one state, the one that started first is kept.
      for (const s of current) {
        const node = states[s] as State;
        if (passes(node.test as Test, token, this.literals[s])) addClosure(node.next[0] as number, currentStart[s] as number, step);
      }
      if (i >= blocked) {
        for (const form of token.forms) {
          const starts = this.firstByForm.get(form);
          if (!starts) continue;
          for (const s of starts) {
            // Two forms of one token may index the same state: it starts once.
            if (started[s] === i) continue;
            started[s] = i;
            addClosure((states[s] as State).next[0] as number, i, step);
          }
        }
        for (const s of this.firstOther) if (passes(states[s]?.test as Test, token, this.literals[s])) addClosure((states[s] as State).next[0] as number, i, step);
      }
      // A pending match is final once no live thread started at or before it.
      if (pending && !next.some((s) => (nextStart[s] as number) <= (pending as TokenSpan).from)) {
        const done: TokenSpan = pending;
        found.push(done);
        pending = undefined;
        blocked = done.to;
        next = next.filter((s) => (nextStart[s] as number) >= done.to);
      }
      [current, next] = [next, current];
      [currentStart, nextStart] = [nextStart, currentStart];
      next.length = 0;
    }
    if (pending) found.push(pending);
    return found;
  }
}
