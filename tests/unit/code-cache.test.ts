import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saved } from '../../src/launch.js';
import { runCli, tempDir } from '../helpers.js';

const cacheName = (digest: string): string => `code-${digest}-${process.version}-${process.arch}.bin`;

describe('the code cache deletes only what it wrote (issue 13, item 4)', () => {
  it('replaces the caches of other bundles, and leaves the user\'s files, whatever their names', () => {
    const dir = join(tempDir(), 'cache');
    mkdirSync(dir);
    const older = join(dir, cacheName('01d'));
    writeFileSync(older, 'old cache');
    const mine = ['code-review.md', 'code-2026-notes.txt', 'codes.bin', `code-abc-${process.version}.bin.bak`];
    for (const name of mine) writeFileSync(join(dir, name), 'the user\'s');
    expect(saved(join(dir, cacheName('abc123')), Buffer.from('new cache'))).toBe(true);
    expect(existsSync(older)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual([...mine, cacheName('abc123')].sort());
    for (const name of mine) expect(readFileSync(join(dir, name), 'utf8')).toBe('the user\'s');
  });

  it('writes and deletes nothing through a link: a cache folder that links elsewhere is left alone', () => {
    const home = tempDir();
    const elsewhere = tempDir();
    const theirs = join(elsewhere, cacheName('f00'));
    writeFileSync(theirs, 'not calmclient\'s to delete');
    symlinkSync(elsewhere, join(home, 'cache'));
    expect(saved(join(home, 'cache', cacheName('abc123')), Buffer.from('new cache'))).toBe(false);
    expect(readdirSync(elsewhere)).toEqual([cacheName('f00')]);
  });

  it('never deletes a link, even one named like a cache', () => {
    const dir = join(tempDir(), 'cache');
    mkdirSync(dir);
    const target = join(tempDir(), 'precious');
    writeFileSync(target, 'precious');
    symlinkSync(target, join(dir, cacheName('11ee')));
    expect(saved(join(dir, cacheName('abc123')), Buffer.from('x'))).toBe(true);
    expect(existsSync(join(dir, cacheName('11ee')))).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('precious');
  });

  it('gives up at once where no folder can be made (inside /proc), instead of trying forever', () => {
    if (!existsSync('/proc/self')) return;
    expect(saved(join('/proc/self/nope/cache', cacheName('abc123')), Buffer.from('x'))).toBe(false);
  });
});

describe('the code cache, as calmclient starts (issue 13, item 4)', () => {
  it('leaves the user\'s files in the cache folder, and in a folder the cache links to', () => {
    const home = tempDir();
    mkdirSync(join(home, 'cache'));
    writeFileSync(join(home, 'cache', 'code-review.md'), 'the user\'s');
    expect(runCli(['--help'], { home }).code).toBe(0);
    expect(readFileSync(join(home, 'cache', 'code-review.md'), 'utf8')).toBe('the user\'s');

    const linked = tempDir();
    const elsewhere = tempDir();
    writeFileSync(join(elsewhere, 'code-snippets.js'), 'the user\'s');
    writeFileSync(join(elsewhere, cacheName('abcdef')), 'looks like a cache, in a folder that is not calmclient\'s');
    symlinkSync(elsewhere, join(linked, 'cache'));
    expect(runCli(['--help'], { home: linked }).code).toBe(0);
    expect(runCli(['history'], { home: linked }).code).toBe(0);
    expect(readdirSync(elsewhere).sort()).toEqual([cacheName('abcdef'), 'code-snippets.js'].sort());
  });
});
