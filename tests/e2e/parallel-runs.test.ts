import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SessionRecord } from '../../src/store/sessions.js';
import { FIXTURES, tempDir } from '../helpers.js';
import { startCli } from '../reliability/spawn.js';

const crisisAnswers = join(FIXTURES, 'answers', 'crisis-en.yaml');

describe('runs side by side (issue 13, item 7)', () => {
  it('20 runs at once for one client into one folder: 20 records, and each session\'s documents share one number', async () => {
    const home = tempDir();
    const out = tempDir();
    const runs = await Promise.all(Array.from({ length: 20 }, () => startCli(['start', '--answers', crisisAnswers, '--out', out], home).done));
    for (const run of runs) expect(run.stderr).toBe('');
    expect(runs.map((run) => run.code)).toEqual(Array(20).fill(0));
    const records = readdirSync(join(home, 'sessions')).map((name) => JSON.parse(readFileSync(join(home, 'sessions', name), 'utf8')) as SessionRecord);
    expect(records).toHaveLength(20);
    const numbers = records.map((record) => {
      const files = Object.values(record.files).filter((path): path is string => path !== undefined);
      expect(files).toHaveLength(4);
      const suffixes = new Set(files.map((path) => /-(\d+)\.\w+$/.exec(path)?.[1] ?? '1'));
      expect(suffixes.size).toBe(1);
      return Number([...suffixes][0]);
    });
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(readdirSync(out)).toHaveLength(80);
  }, 120_000);
});
