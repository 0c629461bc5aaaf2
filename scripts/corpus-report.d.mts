/** Types of scripts/corpus-report.mjs, for tests/unit/corpus.test.ts. */
import type { CheckDraftOptions, Finding } from '../src/check/index.js';
import type { Lang } from '../src/types.js';

export interface Fault {
  category: string;
  words?: string;
  spans: { from: number; to: number }[];
}

export interface LabelledDraft {
  name: string;
  text: string;
  register: string;
  faults: Fault[];
}

export interface Figures {
  drafts: number;
  bad: number;
  good: number;
  caught: number;
  flaggedGood: number;
  caughtOnWords: number;
  precision: number;
  recall: number;
  goodFlaggedRate: number;
  onWordsRate: number;
  rules: Record<string, { category: string; right: number; wrong: number }>;
  categories: Record<string, { found: number; missed: number }>;
  misses: { draft: string; missed: string[]; wrong: string[] }[];
}

export const CORPUS_DAY: { year: number; month: number; day: number };
export class CorpusError extends Error {}
export function readCorpus(split: 'dev' | 'test', lang: Lang): LabelledDraft[] | undefined;
export function measure(
  checker: { checkDraft: (text: string, options: CheckDraftOptions) => Promise<Finding[]> },
  drafts: readonly LabelledDraft[] | undefined,
  lang: Lang,
  reference?: { year: number; month: number; day: number },
): Promise<Figures>;
