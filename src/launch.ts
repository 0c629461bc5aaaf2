import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { cacheDir } from './paths.js';

/**
 * What bin/calmclient.js runs: calmclient's code is one bundle (dist/calmclient.cjs), which V8
 * would parse and compile anew at every start, a good part of what `calmclient --help` costs over
 * Node's own start. V8 can keep the compiled code instead (a "code cache"), and Node 22 does so for
 * modules; this does it on every Node calmclient runs on. The cache sits in calmclient's cache
 * folder, one file per bundle and Node version; V8 checks it against the code and the Node that
 * made it, and one that does not fit, or cannot be read, is only a slower start.
 */

/** The build writes this line first in the bundle, with a digest of the rest. */
const BUNDLE_ID = /^\/\/ calmclient-bundle ([0-9a-f]+)\n/;

/** The wrapper Node puts around a CommonJS module, so that the bundle runs as if `require`d. */
export const BUNDLE_WRAPPER_START = '(function (exports, require, module, __filename, __dirname) {';

interface Bundle {
  main(argv: readonly string[], whenParsed: () => void): Promise<never>;
}

export function launch(bundleFile: string, argv: readonly string[]): void {
  const source = readFileSync(bundleFile, 'utf8');
  const id = BUNDLE_ID.exec(source)?.[1];
  const cacheFile = id === undefined ? undefined : join(cacheDir(), `code-${id}-${process.version}-${process.arch}.bin`);
  const cachedData = cacheFile === undefined ? undefined : readIfThere(cacheFile);
  const script = new Script(`${BUNDLE_WRAPPER_START}${source}\n})`, {
    filename: bundleFile,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} as Bundle };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper(module.exports, createRequire(bundleFile), module, bundleFile, dirname(bundleFile));

  const state = cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'used';
  // Made once the command line is parsed: the code every command runs, not this command's own. A
  // cache of everything a crisis ran makes the next start slower, not faster (measured).
  const keep = (): void => {
    const written = cacheFile !== undefined && state !== 'used' && saved(cacheFile, script.createCachedData());
    if (process.env.CALMCLIENT_DEBUG) process.stderr.write(`calmclient: code cache ${state}${written ? ', written' : ''}: ${cacheFile}\n`);
  };
  void module.exports.main(argv, keep);
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Makes a folder and its parents. Not `mkdirSync(…, { recursive: true })`: where the system says a
 * folder is missing and will not make it (inside /proc), Node's recursive mkdir tries again forever.
 */
function makeDir(dir: string, depth: number): void {
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT' || dirname(dir) === dir || depth > 100) throw error;
    makeDir(dirname(dir), depth + 1);
    mkdirSync(dir, { mode: 0o700 });
  }
}

/**
 * The names of the files `saved` writes: a cache (`code-<bundle digest>-<node version>-<arch>.bin`)
 * and its temporary file while it is written (`….bin.<pid>.tmp`). No other file in the folder is
 * calmclient's, whatever its name.
 */
const CACHE_FILE = /^code-[0-9a-f]+-v\d+\.\d+\.\d+-[a-z0-9]+\.bin(?:\.\d+\.tmp)?$/;

/**
 * Written whole or not at all, replacing the caches of other bundles; a cache not written is no
 * loss. Only in a real folder: when the cache folder is a link (or is not a folder), calmclient
 * writes and deletes nothing there. Of the files in it, only those named as `saved` names them,
 * and that are regular files of the user's, are deleted.
 */
export function saved(file: string, data: Buffer): boolean {
  const dir = dirname(file);
  try {
    makeDir(dir, 0);
    if (!lstatSync(dir).isDirectory()) return false;
    const uid = process.getuid?.();
    for (const name of readdirSync(dir)) {
      if (!CACHE_FILE.test(name) || join(dir, name) === file) continue;
      const stats = lstatSync(join(dir, name), { throwIfNoEntry: false });
      if (stats?.isFile() && (uid === undefined || stats.uid === uid)) rmSync(join(dir, name), { force: true });
    }
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, data, { mode: 0o600, flag: 'wx' });
    renameSync(temp, file);
    return true;
  } catch {
    return false;
  }
}
