import { CompiledAutomaton, type Automaton, type TokenIndex, type TokenSpan } from './automaton.js';
import type { Token } from './tokens.js';

/**
 * The patterns of one list, compiled into one automaton (pattern.ts), run over a draft's tokens
 * (automaton.ts). The automaton's index of first words is built on first use: most lists never
 * run for a given draft (a rule silenced, a list a check does not need).
 */
export class Matcher {
  private compiled: CompiledAutomaton | undefined;

  constructor(readonly automaton: Automaton) {}

  /** Every match in `tokens` (in `[from, to)` when given): leftmost, then longest, none overlapping. */
  search(tokens: readonly Token[], index?: TokenIndex, to?: number, from = 0): TokenSpan[] {
    this.compiled ??= new CompiledAutomaton(this.automaton);
    return to === undefined && from === 0 ? this.compiled.search(tokens, index) : this.compiled.search(tokens, index, from, to ?? tokens.length);
  }
}
