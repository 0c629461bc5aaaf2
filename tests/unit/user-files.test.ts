import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES, NotRegularFileError, readBounded, readUserFile, TooLargeError } from '../../src/user-files.js';
import { tempDir } from '../helpers.js';

const fifo = (dir: string): string => {
  const path = join(dir, 'pipe');
  execFileSync('mkfifo', [path]);
  return path;
};

describe('reading what a person gives (issue 13, item 10)', () => {
  it('reads a regular file, also through a link', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), 'x: 1\n');
    symlinkSync(join(dir, 'a.yaml'), join(dir, 'link.yaml'));
    expect(readUserFile(join(dir, 'link.yaml'), 'en')).toBe('x: 1\n');
  });

  it.runIf(existsSync('/dev/zero'))('refuses /dev/zero, and a link to it, before reading a byte', () => {
    const dir = tempDir();
    symlinkSync('/dev/zero', join(dir, 'answers.yaml'));
    for (const path of ['/dev/zero', join(dir, 'answers.yaml')]) {
      expect(() => readBounded(path, 10)).toThrow(NotRegularFileError);
      expect(() => readUserFile(path, 'en')).toThrow(/is not a regular file \(a device\): refused/);
    }
  });

  it('refuses a FIFO at once, with no writer at the other end (it would wait forever)', () => {
    const path = fifo(tempDir());
    const started = Date.now();
    expect(() => readUserFile(path, 'fr')).toThrow(/n'est pas un fichier ordinaire \(un tube\)/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('refuses a folder', () => {
    const dir = join(tempDir(), 'folder.yaml');
    mkdirSync(dir);
    expect(() => readUserFile(dir, 'en')).toThrow(/is not a regular file \(a folder\)/);
  });

  it('stops at the limit while reading, whatever size the file reports', () => {
    // Files under /proc say they are empty and are not: a size that lies.
    if (existsSync('/proc/self/maps')) expect(() => readBounded('/proc/self/maps', 10)).toThrow(TooLargeError);
    const dir = tempDir();
    writeFileSync(join(dir, 'big.md'), Buffer.alloc(MAX_INPUT_BYTES + 1, 'a'));
    expect(() => readUserFile(join(dir, 'big.md'), 'en')).toThrow(/larger than 1 MiB: refused/);
    writeFileSync(join(dir, 'full.md'), Buffer.alloc(MAX_INPUT_BYTES, 'a'));
    expect(readUserFile(join(dir, 'full.md'), 'en')).toHaveLength(MAX_INPUT_BYTES);
  });

  it('reads files of every size up to the limit whole', () => {
    const dir = tempDir();
    for (const size of [0, 1, 4095, 4096, 65_536, 65_537, 300_000]) {
      const path = join(dir, `${size}.txt`);
      const text = Buffer.alloc(size, 'é').toString('utf8').slice(0, size);
      writeFileSync(path, text);
      expect(readBounded(path, MAX_INPUT_BYTES).toString('utf8')).toBe(text);
    }
  });

  it('says a missing file is missing', () => {
    expect(() => readUserFile(join(tempDir(), 'nope.yaml'), 'en')).toThrow(/file not found: .*nope\.yaml/);
  });
});
