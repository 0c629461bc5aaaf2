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

/** What may follow the first word of a match: these words, or light punctuation when `light`. */
interface SecondWords {
  words: Set<string>;
  light: boolean;
}

/**
 * How many times a word must stand in a draft before the search works out which words may follow
 * it, rather than try each place it stands (see findCandidates). The first check in a process of
 * docs/examples/en/crisis-launch-delay.email.md, rules read included (CPU time, median of 2 × 21
 * runs, Node 22): 78 → 71 ms.
 */
const FEW = 4;

/** How a state tests a token, decoded once for each test (see TestTable). */
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
 * The tests of some automata, each decoded on first use, with its kind and its forms as a set: the
 * automata of a rules file share one table (a word's forms stand in many states), and a check reads
 * few of them.
 */
export class TestTable {
  private readonly tests: (Test | undefined)[];
  private readonly kinds: Int8Array;
  private readonly sets: (ReadonlySet<string> | undefined)[];

  /** `read(i)` gives test i, once. */
  constructor(
    size: number,
    private readonly read: (i: number) => Test,
  ) {
    this.tests = new Array<Test | undefined>(size);
    this.kinds = new Int8Array(size).fill(-1);
    this.sets = new Array<ReadonlySet<string> | undefined>(size);
  }

  static of(tests: readonly Test[]): TestTable {
    return new TestTable(tests.length, (i) => tests[i] as Test);
  }

  test(i: number): Test {
    return (this.tests[i] ??= this.read(i));
  }

  kind(i: number): Kind {
    const known = this.kinds[i] as number;
    if (known >= 0) return known;
    const test = this.test(i);
    const kind =
      'lit' in test ? Kind.Literal : 'glob' in test ? Kind.Glob : 'punct' in test ? Kind.Punct : test.any === 'word' ? Kind.Word : test.any === 'number' ? Kind.Number : Kind.Light;
    this.kinds[i] = kind;
    return kind;
  }

  /** The forms of test i as a set, for a literal test. */
  literal(i: number): ReadonlySet<string> | undefined {
    const known = this.sets[i];
    if (known) return known;
    const test = this.test(i);
    return 'lit' in test ? (this.sets[i] = new Set(test.lit)) : undefined;
  }

  /** The glob or the punctuation of test i. */
  text(i: number): string {
    const test = this.test(i);
    return 'glob' in test ? test.glob : 'punct' in test ? test.punct : '';
  }
}

/**
 * An automaton in flat arrays, the form CompiledAutomaton runs: state s consumes a token that passes
 * `tests.test(test[s])`, or nothing when `test[s]` is -1, and goes to the states
 * `s + next[nextAt[s]]` … `s + next[nextAt[s + 1] - 1]`, each counted from s. The built-in rules
 * are read into this form from a binary file without decoding (compiled.ts): read as objects, a
 * state each, their 28,000 states took a sixth of `start --answers`.
 */
export interface FlatAutomaton {
  start: number;
  accept: number;
  test: Int16Array | Int32Array;
  nextAt: Int32Array;
  next: Int16Array | Int32Array;
  tests: TestTable;
}

/** The flat form of an automaton built by AutomatonBuilder (pattern.ts), with a table of its own tests. */
export function flatten({ states, start, accept }: Automaton): FlatAutomaton {
  const tests: Test[] = [];
  const indexOf = new Map<Test, number>();
  const test = new Int32Array(states.length).fill(-1);
  const nextAt = new Int32Array(states.length + 1);
  const next = new Int32Array(states.reduce((sum, state) => sum + state.next.length, 0));
  let at = 0;
  states.forEach((state, s) => {
    if (state.test) {
      let index = indexOf.get(state.test);
      if (index === undefined) {
        index = tests.push(state.test) - 1;
        indexOf.set(state.test, index);
      }
      test[s] = index;
    }
    nextAt[s] = at;
    for (const target of state.next) next[at++] = target - s;
  });
  nextAt[states.length] = at;
  return { start, accept, test, nextAt, next, tests: TestTable.of(tests) };
}

/** The states of a flat automaton as objects, as AutomatonBuilder makes them. */
export function unflatten({ start, accept, test, nextAt, next, tests }: FlatAutomaton): Automaton {
  const states = Array.from(test, (t, s): State => {
    const targets = Array.from(next.subarray(nextAt[s], nextAt[s + 1]), (offset) => s + offset);
    return t < 0 ? { next: targets } : { test: tests.test(t), next: targets };
  });
  return { states, start, accept };
}

/**
 * An automaton ready to run: the states that can consume the first token of a match indexed by the
 * forms they accept, so that a text is only tried where one of them stands. The other states are
 * read as the search reaches them: on a reply, it reaches few of the thousands.
 */
export class CompiledAutomaton {
  private readonly firstByForm = new Map<string, number[]>();
  private readonly firstOther: number[] = [];

  constructor(readonly automaton: FlatAutomaton) {
    for (const state of this.closure(automaton.start)) {
      const t = automaton.test[state] as number;
      const literal = automaton.tests.literal(t);
      if (literal) {
        for (const form of literal) {
          const list = this.firstByForm.get(form);
          if (list) list.push(state);
          else this.firstByForm.set(form, [state]);
        }
      } else this.firstOther.push(state);
    }
  }

  /** How state s tests a token. */
  private kind(s: number): Kind {
    const t = this.automaton.test[s] as number;
    return t < 0 ? Kind.Epsilon : this.automaton.tests.kind(t);
  }

  /** The forms of the literal test of state s. */
  private literal(s: number): ReadonlySet<string> | undefined {
    return this.automaton.tests.literal(this.automaton.test[s] as number);
  }

  /** The glob or the punctuation state s tests for. */
  private text(s: number): string {
    return this.automaton.tests.text(this.automaton.test[s] as number);
  }

  /** The state a consuming state s goes to. */
  private next0(s: number): number {
    const { next, nextAt } = this.automaton;
    return s + (next[nextAt[s] as number] as number);
  }

  /** The consuming states reachable from `from` without a token. */
  private closure(from: number): number[] {
    const { test, next, nextAt } = this.automaton;
    const seen = new Set<number>();
    const found: number[] = [];
    const stack = [from];
    while (stack.length > 0) {
      const state = stack.pop() as number;
      if (seen.has(state) || state < 0 || state >= test.length) continue;
      seen.add(state);
      if ((test[state] as number) >= 0) found.push(state);
      else for (let k = nextAt[state] as number; k < (nextAt[state + 1] as number); k++) stack.push(state + (next[k] as number));
    }
    return found;
  }

  /** Whether state `s` consumes `token`. */
  private passes(s: number, token: Token): boolean {
    switch (this.kind(s)) {
      case Kind.Literal: {
        if (token.kind !== 'word' && token.kind !== 'number') return false;
        const literal = this.literal(s) as ReadonlySet<string>;
        const forms = token.forms;
        for (let k = 0; k < forms.length; k++) if (literal.has(forms[k] as string)) return true;
        return false;
      }
      case Kind.Glob: {
        if (token.kind !== 'word') return false;
        const glob = this.text(s);
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
        return (token.kind === 'punct' || token.kind === 'stop') && token.text === this.text(s);
      default:
        return false;
    }
  }

  /**
   * Where a match may start: a mark on each token that passes a first state's test. `index` gives
   * the positions of each form in `tokens` (see TokenIndex), so that only the few forms this
   * automaton starts with are looked at, not every token. Marks rather than a merged, sorted list
   * of positions, which took a Set and a sort per list and per draft. (checkText, warm, median of
   * 6 runs: 100 KB one-line draft of scripts/bench-check.mjs 191 → 163 ms; 1 MB draft 848 → 687 ms.)
   */
  /** The candidates of each draft's index, worked out once: a check may search a draft in pieces. */
  private readonly candidatesOf = new WeakMap<TokenIndex, { marks: Uint8Array | undefined }>();

  private candidates(tokens: readonly Token[], index: TokenIndex): Uint8Array | undefined {
    const known = this.candidatesOf.get(index);
    if (known) return known.marks;
    const marks = this.findCandidates(tokens, index);
    this.candidatesOf.set(index, { marks });
    return marks;
  }

  private findCandidates(tokens: readonly Token[], index: TokenIndex): Uint8Array | undefined {
    let marks: Uint8Array | undefined;
    const mark = (at: readonly number[]): void => {
      marks ??= new Uint8Array(tokens.length);
      for (let k = 0; k < at.length; k++) marks[at[k] as number] = 1;
    };
    // A word that starts a match is a candidate only when the word after it can continue one:
    // "you" starts a hundred patterns, but "you misunderstood" few places. (checkText on the 1 MB
    // draft of scripts/bench-check.mjs, warm, median of 6 runs: 826 → 663 ms.) Working out what
    // may follow a word costs about what trying the word does: for a word seen only a few times,
    // it is tried instead (FEW).
    const markFollowed = (form: string, at: readonly number[]): void => {
      if (at.length < FEW) return mark(at);
      const second = this.secondWords(form);
      if (second === null) return mark(at);
      for (let k = 0; k < at.length; k++) {
        const after = tokens[(at[k] as number) + 1];
        if (!after) continue;
        // Light punctuation may stand between two words of a pattern ("sorry, but").
        if (after.kind === 'punct' && second.light) {
          marks ??= new Uint8Array(tokens.length);
          marks[at[k] as number] = 1;
          continue;
        }
        if (after.kind !== 'word' && after.kind !== 'number') continue;
        const forms = after.forms;
        for (let f = 0; f < forms.length; f++) {
          if (!second.words.has(forms[f] as string)) continue;
          marks ??= new Uint8Array(tokens.length);
          marks[at[k] as number] = 1;
          break;
        }
      }
    };
    if (this.firstByForm.size < index.forms.size) {
      for (const form of this.firstByForm.keys()) {
        const at = index.forms.get(form);
        if (at) markFollowed(form, at);
      }
    } else {
      for (const [form, at] of index.forms) if (this.firstByForm.has(form)) markFollowed(form, at);
    }
    // The other first states, through the index too: a glob is tried on each distinct form once.
    for (const s of this.firstOther) {
      switch (this.kind(s)) {
        case Kind.Glob: {
          const glob = this.text(s);
          for (const [form, at] of index.forms) if (globMatches(glob, form) && at.some((i) => tokens[i]?.kind === 'word')) mark(at);
          break;
        }
        case Kind.Word:
          mark(index.words);
          break;
        case Kind.Number:
          mark(index.numbers);
          break;
        case Kind.Light:
          mark(index.lights);
          break;
        case Kind.Punct: {
          const at = index.puncts.get(this.text(s));
          if (at) mark(at);
          break;
        }
      }
    }
    return marks;
  }

  /**
   * The forms a word after `form` must have to continue a match that `form` starts, or null when
   * anything may follow (a match of that one word, or a next state that is no list of words).
   */
  private secondWords(form: string): SecondWords | null {
    const known = this.second.get(form);
    if (known !== undefined) return known;
    let second: SecondWords | null = { words: new Set<string>(), light: false };
    for (const first of this.firstByForm.get(form) ?? []) {
      for (const s of this.closure(this.next0(first))) {
        const literal = this.literal(s);
        if (this.kind(s) === Kind.Light) second.light = true;
        else if (!literal) {
          second = null;
          break;
        } else for (const word of literal) second.words.add(word);
      }
      if (second === null || this.acceptsAfter(first)) {
        second = null;
        break;
      }
    }
    this.second.set(form, second);
    return second;
  }

  private readonly second = new Map<string, SecondWords | null>();

  /** Whether a match may end right after state `first` consumes its word. */
  private acceptsAfter(first: number): boolean {
    const { next, nextAt, accept } = this.automaton;
    const seen = new Set<number>();
    const stack = [this.next0(first)];
    while (stack.length > 0) {
      const s = stack.pop() as number;
      if (s === accept) return true;
      if (seen.has(s) || this.kind(s) !== Kind.Epsilon) continue;
      seen.add(s);
      for (let k = nextAt[s] as number; k < (nextAt[s + 1] as number); k++) stack.push(s + (next[k] as number));
    }
    return false;
  }

  /**
   * Every match in `tokens[from, to)`: leftmost, then longest, none overlapping.
   *
   * The threads run as in Pike's VM: of two threads in one state, the older is kept. A match is
   * final once no live thread started at or before it; then the search starts again at its end,
   * with no thread. Threads that started inside the match are dropped, and a younger thread merged
   * into one of them, or a match completed while the final one was pending ("a priori vendredi si la
   * livraison arrive à temps" holds two matches, the second complete before the first is known to
   * be the longest), is found again from there. A thread lives for a bounded number of tokens, so
   * the tokens read twice are bounded too: the time stays linear.
   */
  search(tokens: readonly Token[], index: TokenIndex = indexTokens(tokens), from = 0, to = tokens.length): TokenSpan[] {
    const candidates = this.candidates(tokens, index);
    if (!candidates) return [];
    const { test, next: targets, nextAt, accept } = this.automaton;
    const count = test.length;
    // Thread lists: the states that will consume the next token, each with its match's start.
    let current: number[] = [];
    let next: number[] = [];
    // The arrays of states are the automaton's, reused from one search to the next (a check runs
    // every list on every draft): `mark[s] === tick` says state s has a thread for this step
    // already, and the tick goes on counting across searches, so nothing needs clearing. A tick, not
    // the token's index: after a restart, a token is read again.
    const work = (this.work ??= { currentStart: new Int32Array(count), nextStart: new Int32Array(count), mark: new Int32Array(count).fill(-1), started: new Int32Array(count).fill(-1), tick: 0 });
    let currentStart = work.currentStart;
    let nextStart = work.nextStart;
    const { mark, started } = work;
    // Far below 2^31: a tick per token read.
    if (work.tick > 1_000_000_000) {
      mark.fill(-1);
      started.fill(-1);
      work.tick = 0;
    }
    let tick = work.tick;
    const stack: number[] = [];
    const found: TokenSpan[] = [];
    // The best match so far: the leftmost start, then the longest; -1 when none.
    let pendingFrom = -1;
    let pendingTo = -1;
    let blocked = from;

    /** Adds the closure of `state` for a thread started at `start`, to be consumed after `step` tokens. */
    const addClosure = (state: number, start: number, step: number): void => {
      stack.push(state);
      while (stack.length > 0) {
        const s = stack.pop() as number;
        if (mark[s] === tick) continue;
        mark[s] = tick;
        if (s === accept) {
          if (pendingFrom < 0 || start < pendingFrom || (start === pendingFrom && step > pendingTo)) {
            pendingFrom = start;
            pendingTo = step;
          }
          continue;
        }
        if ((test[s] as number) >= 0) {
          next.push(s);
          nextStart[s] = start;
        } else {
          for (let k = (nextAt[s + 1] as number) - 1; k >= (nextAt[s] as number); k--) stack.push(s + (targets[k] as number));
        }
      }
    };

    for (let i = from; i < to; i++) {
      // Nothing alive and nothing pending: jump to where a match may start.
      if (current.length === 0 && pendingFrom < 0) {
        if (i < blocked) i = blocked;
        while (i < to && candidates[i] === 0) i++;
        if (i >= to) break;
      }
      tick++;
      const token = tokens[i] as Token;
      const step = i + 1;
      // Older threads first: of two threads in one state, the one that started first is kept.
      for (let k = 0; k < current.length; k++) {
        const s = current[k] as number;
        if (this.passes(s, token)) addClosure(this.next0(s), currentStart[s] as number, step);
      }
      if (i >= blocked) {
        const forms = token.forms;
        for (let f = 0; f < forms.length; f++) {
          const starts = this.firstByForm.get(forms[f] as string);
          if (!starts) continue;
          for (let k = 0; k < starts.length; k++) {
            const s = starts[k] as number;
            // Two forms of one token may index the same state: it starts once.
            if (started[s] === tick) continue;
            started[s] = tick;
            addClosure(this.next0(s), i, step);
          }
        }
        for (let k = 0; k < this.firstOther.length; k++) {
          const s = this.firstOther[k] as number;
          if (this.passes(s, token)) addClosure(this.next0(s), i, step);
        }
      }
      if (pendingFrom >= 0) {
        let alive = false;
        for (let k = 0; k < next.length && !alive; k++) alive = (nextStart[next[k] as number] as number) <= pendingFrom;
        if (!alive) {
          found.push({ from: pendingFrom, to: pendingTo });
          blocked = pendingTo;
          pendingFrom = -1;
          pendingTo = -1;
          // Start again at the end of the match, with no thread (see above).
          current.length = 0;
          next.length = 0;
          i = blocked - 1;
          continue;
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
    work.tick = tick;
    work.currentStart = currentStart;
    work.nextStart = nextStart;
    return found;
  }

  private work: { currentStart: Int32Array; nextStart: Int32Array; mark: Int32Array; started: Int32Array; tick: number } | undefined;
}
