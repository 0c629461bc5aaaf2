import type { DateMention } from '../dates/mentions.js';
import type { Draft, Span } from './draft.js';

/**
 * The dates and times of a draft, for the next-step check: found and classified by the date finder
 * that date input shares (src/dates/mentions.ts: future commitment, past, the date of a dated thing,
 * habit or opening hours, window, lookalike), each placed on the draft's tokens so that the rules'
 * clauses (hedges, the subject line) apply to it.
 */

export interface DraftDate extends DateMention {
  /** The tokens of the draft the mention covers. */
  span: Span;
}

/** The mentions the date reader found in the draft's own words (quoted lines blanked), placed on its tokens. */
export function placeMentions(draft: Draft, mentions: readonly DateMention[]): DraftDate[] {
  const { tokens, folded } = draft;
  const found: DraftDate[] = [];
  // Both in text order: one pointer into the tokens, moving forward, keeps this linear.
  let k = 0;
  for (const mention of mentions) {
    while (k < tokens.length && (folded.end[(tokens[k]?.to ?? 1) - 1] ?? 0) <= mention.start) k++;
    let to = k;
    while (to < tokens.length && (folded.start[tokens[to]?.from ?? 0] ?? 0) < mention.end) to++;
    if (to > k) found.push({ ...mention, span: { from: k, to } });
  }
  return found;
}
