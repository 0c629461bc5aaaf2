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

  /** Every match in `tokens`: leftmost, then longest, none overlapping. */
  search(tokens: readonly Token[], index?: TokenIndex): TokenSpan[] {
    this.compiled ??= new CompiledAutomaton(this.automaton);
    return this.compiled.search(tokens, index);
  }
}
