import { franc } from 'franc-min';
import { IGNORE_COMMENT } from './draft.js';
import type { Lang } from '../types.js';

/** franc's codes for the languages the checker tells apart (franc is asked to choose between these two only). */
export const FRANC_CODES: Record<string, Lang> = { fra: 'fr', eng: 'en' };

/**
 * French or English, from the draft's own words (quoted lines are the client's, and may be in
 * another language). Undefined when the text is too short to tell.
 */
export function guessLanguage(text: string): Lang | undefined {
  const own = text
    .split(/\r\n|\n|\r/)
    .filter((line) => !/^[ \t]*>/.test(line) && !IGNORE_COMMENT.test(line))
    .join('\n');
  return FRANC_CODES[franc(own, { only: Object.keys(FRANC_CODES), minLength: 10 })];
}
