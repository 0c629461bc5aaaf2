import { CompiledAutomaton, flatten, unflatten, type Automaton, type FlatAutomaton, type TokenIndex, type TokenSpan } from './automaton.js';
import type { Token } from './tokens.js';

/**
 * The patterns of one list, compiled into one automaton (pattern.ts), run over a draft's tokens
 * (automaton.ts). The automaton is made ready to run on first use: most lists never run for a
 * given draft (a rule silenced, a list a check does not need).
 */
export class Matcher {
  private flatForm: FlatAutomaton | undefined;
  private compiled: CompiledAutomaton | undefined;

  /** An automaton as AutomatonBuilder makes it, or a function that reads its flat form (the built-in rules, compiled.ts). */
  constructor(private readonly source: Automaton | (() => FlatAutomaton)) {}

  get flat(): FlatAutomaton {
    return (this.flatForm ??= typeof this.source === 'function' ? this.source() : flatten(this.source));
  }

  /** The automaton's states as objects. */
  get automaton(): Automaton {
    return typeof this.source === 'function' ? unflatten(this.flat) : this.source;
  }

  /** Every match in `tokens` (in `[from, to)` when given): leftmost, then longest, none overlapping. */
  search(tokens: readonly Token[], index?: TokenIndex, to?: number, from = 0): TokenSpan[] {
    this.compiled ??= new CompiledAutomaton(this.flat);
    return to === undefined && from === 0 ? this.compiled.search(tokens, index) : this.compiled.search(tokens, index, from, to ?? tokens.length);
  }
}
