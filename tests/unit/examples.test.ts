import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, EXAMPLES_DIR, renderExamples } from '../../scripts/examples.js';
import { defectsOf, repeatedRuns, typographyProblems } from '../support/document-checks.js';
import type { Lang } from '../../src/types.js';

/**
 * docs/examples/ shows calmclient's writing without running it: these tests render every example
 * again from its answers file and fail when a committed file is out of date (run
 * `npm run examples`), and hold the examples to the same checks as every branch combination.
 */
describe('docs/examples', async () => {
  const rendered = await renderExamples();

  it('holds an e-mail and a recap for every example, and nothing else', () => {
    const committed = ['en', 'fr'].flatMap((lang) => readdirSync(join(EXAMPLES_DIR, lang)).map((name) => join(lang, name)));
    expect(committed.sort()).toEqual([...rendered.keys()].sort());
    expect(rendered.size).toBe(EXAMPLES.length * 2);
  });

  for (const [path, contents] of rendered) {
    it(`${path} is current and reads well`, () => {
      expect(readFileSync(join(EXAMPLES_DIR, path), 'utf8'), `docs/examples/${path} is out of date: run npm run examples`).toBe(contents);
      const lang = path.split(/[\\/]/)[0] as Lang;
      expect([...defectsOf(contents), ...typographyProblems(contents, lang), ...repeatedRuns(contents)]).toEqual([]);
    });
  }
});
