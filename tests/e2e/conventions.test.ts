import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, runInProcess, tempDir } from '../helpers.js';

const ANSI = /\x1b\[[0-9;]*m/;
const answers = join(FIXTURES, 'answers', 'crisis-en.yaml');

// Spawned: the colours are chosen as the process starts, from its environment and its streams.
describe('colours follow NO_COLOR and FORCE_COLOR', () => {
  const home = tempDir();

  it('are off without a terminal, with NO_COLOR, and with FORCE_COLOR=0', () => {
    expect(runCli(['playbooks', 'list'], { home }).stdout).not.toMatch(ANSI);
    expect(runCli(['playbooks', 'list'], { home, env: { NO_COLOR: '1' } }).stdout).not.toMatch(ANSI);
    expect(runCli(['playbooks', 'list'], { home, env: { FORCE_COLOR: '0' } }).stdout).not.toMatch(ANSI);
  });

  it('are on with FORCE_COLOR, on stdout and on stderr, even with NO_COLOR set (FORCE_COLOR wins)', () => {
    const listed = runCli(['playbooks', 'list'], { home, env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(listed.stdout).toMatch(ANSI);
    const failed = runCli(['playbooks', 'show', 'nope'], { home, env: { FORCE_COLOR: '1' } });
    expect(failed.stderr).toMatch(ANSI);
  });
});

// Spawned: what reaches the process's own stdout and stderr, and the exit code it ends with.
describe('results on stdout, errors on stderr', () => {
  const home = tempDir();

  it('prints results on stdout only', () => {
    for (const args of [['--version'], ['--help'], ['playbooks', 'list', '--json'], ['completion', 'bash']]) {
      const result = runCli(args, { home });
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout, args.join(' ')).not.toBe('');
      expect(result.stderr, args.join(' ')).toBe('');
    }
  });

  it('prints errors on stderr only, with exit 2, for bad usage and bad input', () => {
    for (const args of [['nope'], ['start', '--format', 'pdf'], ['playbooks', 'show', 'nope'], ['completion', 'tcsh'], ['start', '--answers', 'missing.yaml']]) {
      const result = runCli(args, { home });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout, args.join(' ')).toBe('');
      expect(result.stderr, args.join(' ')).not.toBe('');
    }
  });
});

describe('--json on every listing command', () => {
  it('prints JSON alone on stdout, for the playbooks, the sessions, the lessons and the tips', async () => {
    const home = tempDir();
    expect((await runInProcess(['start', '--answers', answers], { home })).code).toBe(0);
    for (const args of [['playbooks', 'list'], ['history'], ['lessons'], ['tips']]) {
      const result = await runInProcess([...args, '--json'], { home });
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stderr, args.join(' ')).toBe('');
      expect(() => JSON.parse(result.stdout), args.join(' ')).not.toThrow();
    }
    const lessons = JSON.parse((await runInProcess(['lessons', '--json'], { home })).stdout) as { client: string; lesson: string }[];
    expect(lessons).toEqual([expect.objectContaining({ client: 'Dupont & Fils', lesson: expect.stringContaining('buffer day') })]);
    expect(JSON.parse((await runInProcess(['lessons', '--json'], { home: tempDir() })).stdout)).toEqual([]);
  });
});

describe('--quiet', () => {
  it('keeps only the results of start: the paths written, wherever the option stands', async () => {
    for (const args of [['--quiet', 'start', '--answers', answers], ['start', '--answers', answers, '-q']]) {
      const home = tempDir();
      const result = await runInProcess(args, { home });
      expect(result.code).toBe(0);
      const lines = result.stdout.trimEnd().split('\n');
      for (const end of ['-recap.md', '-email.md', '-email.eml']) expect(lines.filter((line) => line.endsWith(end))).toHaveLength(1);
      for (const line of lines) expect(line).toMatch(/^ {2}\S.*\s\/\S+\.(md|eml|ics)$/);
      expect(result.stderr).toBe('');
    }
  });

  it('drops the table header of playbooks list, not its rows', async () => {
    const home = tempDir();
    const loud = (await runInProcess(['playbooks', 'list'], { home })).stdout.trimEnd().split('\n');
    const quiet = (await runInProcess(['playbooks', 'list', '--quiet'], { home })).stdout.trimEnd().split('\n');
    expect(quiet).toEqual(loud.slice(1));
  });

  it('is shown in every command\'s help', async () => {
    const home = tempDir();
    expect((await runInProcess(['start', '--help'], { home })).stdout).toContain('-q, --quiet');
  });
});
