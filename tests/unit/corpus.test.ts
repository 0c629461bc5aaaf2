import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkDraft } from '../../src/check/index.js';
import { LANGS } from '../../src/types.js';
import { FIXTURES } from '../helpers.js';
import type { Lang } from '../../src/types.js';

/**
 * Precision and recall of the reply rules on the drafts of tests/fixtures/replies/<lang>/, whose
 * labels.yaml lists the rule ids each draft should trigger. Two levels (docs/check.md):
 * - rules: every (draft, rule id) pair counts once, however many times the rule fires in the draft;
 * - drafts: a draft is flagged when it has any finding, and should be when it has any label.
 */

const MINIMUM = 0.9;

interface Counts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

const precision = (c: Counts): number => c.truePositives / Math.max(1, c.truePositives + c.falsePositives);
const recall = (c: Counts): number => c.truePositives / Math.max(1, c.truePositives + c.falseNegatives);

const report: string[] = [];
afterAll(() => {
  console.info(['Reply-check corpus (precision / recall):', ...report].join('\n'));
});

describe.each(LANGS)('corpus of %s drafts', (lang: Lang) => {
  const dir = join(FIXTURES, 'replies', lang);
  const labels = parse(readFileSync(join(dir, 'labels.yaml'), 'utf8')) as Record<string, string[]>;
  const drafts = readdirSync(dir).filter((name) => name.endsWith('.md')).sort();

  it('labels every draft, and only drafts that exist', () => {
    expect(Object.keys(labels).sort()).toEqual(drafts);
    expect(drafts.length).toBeGreaterThanOrEqual(40);
    expect(drafts.filter((name) => labels[name]?.length === 0).length).toBeGreaterThanOrEqual(20);
  });

  it(`reaches ${MINIMUM} precision and recall, per rule and per draft`, async () => {
    const rules: Counts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
    const whole: Counts = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
    const misses: string[] = [];
    for (const name of drafts) {
      const expected = new Set(labels[name] ?? []);
      const found = new Set((await checkDraft(readFileSync(join(dir, name), 'utf8'), { lang })).map((finding) => finding.rule));
      const extra = [...found].filter((id) => !expected.has(id));
      const missed = [...expected].filter((id) => !found.has(id));
      rules.truePositives += found.size - extra.length;
      rules.falsePositives += extra.length;
      rules.falseNegatives += missed.length;
      if (found.size > 0 && expected.size > 0) whole.truePositives++;
      else if (found.size > 0) whole.falsePositives++;
      else if (expected.size > 0) whole.falseNegatives++;
      if (extra.length + missed.length > 0) misses.push(`  ${name}: found too ${extra.join(', ') || '-'}; missed ${missed.join(', ') || '-'}`);
    }
    const line = (level: string, c: Counts): string =>
      `${lang} ${level.padEnd(6)} precision ${precision(c).toFixed(3)}  recall ${recall(c).toFixed(3)}  (${c.truePositives} right, ${c.falsePositives} wrong, ${c.falseNegatives} missed)`;
    report.push(line('rules', rules), line('drafts', whole), ...misses);

    expect(precision(rules)).toBeGreaterThanOrEqual(MINIMUM);
    expect(recall(rules)).toBeGreaterThanOrEqual(MINIMUM);
    expect(precision(whole)).toBeGreaterThanOrEqual(MINIMUM);
    expect(recall(whole)).toBeGreaterThanOrEqual(MINIMUM);
  });
});
