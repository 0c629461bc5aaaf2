import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensurePrivateDir, writeFileAtomic, writeNewFile } from '../../src/store/files.js';
import { tempDir } from '../helpers.js';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('store files', () => {
  it('creates private folders and private files', () => {
    const dir = join(tempDir(), 'a', 'b');
    ensurePrivateDir(dir);
    expect(mode(dir)).toBe(0o700);
    const path = writeNewFile(dir, 'recap.md', 'x');
    expect(mode(path)).toBe(0o600);
  });

  it('never overwrites: the next free name gets -2, -3', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'recap.md'), 'earlier');
    expect(writeNewFile(dir, 'recap.md', 'second')).toBe(join(dir, 'recap-2.md'));
    expect(writeNewFile(dir, 'recap.md', 'third')).toBe(join(dir, 'recap-3.md'));
    expect(readFileSync(join(dir, 'recap.md'), 'utf8')).toBe('earlier');
  });

  it('replaces a file whole and leaves no temporary file behind', () => {
    const dir = tempDir();
    const path = join(dir, 'session.json');
    writeFileAtomic(path, 'one');
    writeFileAtomic(path, 'two');
    expect(readFileSync(path, 'utf8')).toBe('two');
    expect(readdirSync(dir)).toEqual(['session.json']);
  });

  it('leaves nothing behind when the folder cannot take the file', () => {
    expect(() => writeNewFile(join(tempDir(), 'missing'), 'recap.md', 'x')).toThrow(/ENOENT/);
  });
});
