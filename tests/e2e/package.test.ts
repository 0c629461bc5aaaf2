import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runCli, tempDir } from '../helpers.js';

interface PackResult {
  size: number;
  files: { path: string }[];
}

/** What `npm pack` would put in the tarball; the build already ran (`npm test` builds first). */
function dryPack(): PackResult {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return (JSON.parse(output) as PackResult[])[0] as PackResult;
}

describe('the npm package', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    scripts: Record<string, string>;
    bin: Record<string, string>;
  };

  it('packs under 600 kB, with the CLI, the playbooks and the schema, and no sources or tests', () => {
    const pack = dryPack();
    expect(pack.size).toBeLessThan(600_000);
    const paths = pack.files.map((file) => file.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'bin/calmclient.js',
        'dist/calmclient.cjs',
        'dist/playbooks.json',
        'dist/reply-rules.en.json',
        'dist/reply-rules.fr.json',
        'dist/vendor/yaml.cjs',
        'dist/vendor/franc-min.cjs',
        'dist/THIRD-PARTY-LICENSES.md',
        'schema/playbook.schema.json',
      ]),
    );
    // The starter playbook and the editor docs point readers at these.
    expect(paths).toEqual(expect.arrayContaining(['docs/playbook-format.md', 'docs/editor-setup.md']));
    expect(paths.some((path) => path.startsWith('playbooks/en/'))).toBe(true);
    expect(paths.filter((path) => /^(src|tests|scripts)\//.test(path) || path.endsWith('.ts') || path.endsWith('.map'))).toEqual([]);
  });

  it('bundles only the zod locales calmclient speaks', () => {
    // `import { z } from 'zod'`, or a locale reached through the namespace (`z.locales.fr()`), keeps
    // all 40 locales in the bundle (+300 KB): write `import * as z from 'zod'`, and import locales from 'zod/locales'.
    const bundle = bundleFiles().map((file) => readFileSync(file, 'utf8'));
    expect(bundle.some((code) => code.includes('erwartet'))).toBe(false);
  });

  it('has no install scripts, and no runtime dependency but the editor prompt\'s character sets: dist/ bundles the rest', () => {
    // `prepare` builds a clone after `npm install`; npm never runs it for a package installed from the registry.
    for (const hook of ['preinstall', 'install', 'postinstall']) expect(manifest.scripts[hook]).toBeUndefined();
    expect(Object.keys(manifest.dependencies ?? {}).sort()).toEqual(['chardet', 'iconv-lite']);
    // Each at the version the editor prompt's own dependency range takes, as the lock file resolves it.
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };
    for (const [name, version] of Object.entries(manifest.dependencies ?? {})) expect(lock.packages[`node_modules/${name}`]?.version).toBe(version);
    expect(manifest.bin).toEqual({ calmclient: 'bin/calmclient.js' });
  });

  it('keeps the binary a shim, and runs the prompt library, yaml and zod only with the commands that need them', () => {
    // A shim: `--version` answered from package.json, anything else handed to the bundle.
    expect(readFileSync(join(ROOT, 'bin', 'calmclient.js'), 'utf8').split('\n').length).toBeLessThanOrEqual(24);
    // Each library's code runs when a command first imports it: a string its module's top level holds.
    const zod = '"ZodError"';
    const yaml = '"yaml.alias"';
    // The first frame of the spinner in @inquirer/core's default theme, as esbuild writes it.
    const inquirer = '"\\u280B"';
    // `--version` is answered before the bundle is read (bin/calmclient.js): nothing of it runs.
    expect(ranDuring(['--version'], { bundleLoaded: false })(zod)).toBe(false);
    for (const args of [['--help'], ['start', '--help']]) {
      const ran = ranDuring(args);
      for (const library of [zod, yaml, inquirer]) expect(ran(library), `${library} during ${args.join(' ')}`).toBe(false);
    }
    const forStart = ranDuring(['start', '--answers', join(FIXTURES, 'answers', 'crisis-en.yaml')]);
    expect(forStart(yaml)).toBe(true);
    expect(forStart(inquirer)).toBe(false);
    expect(forStart(zod)).toBe(false);
    // Records are checked with zod as they are read, and only then (store/session-index.ts): not
    // when there are none, nor when the summary index has every record unchanged.
    expect(ranDuring(['history'])(zod)).toBe(false);
    const home = tempDir();
    expect(runCli(['start', '--answers', join(FIXTURES, 'answers', 'crisis-en.yaml'), '--out', tempDir()], { home }).code).toBe(0);
    expect(ranDuring(['history'], { home })(zod)).toBe(true);
    expect(ranDuring(['history'], { home })(zod)).toBe(false);
  });
});

/** The bundle's JavaScript files: dist/calmclient.cjs, and the libraries in dist/vendor/ (scripts/build.mjs). */
function bundleFiles(): string[] {
  return [join(ROOT, 'dist'), join(ROOT, 'dist', 'vendor')].flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => /\.c?js$/.test(name))
      .map((name) => join(dir, name)),
  );
}

interface Coverage {
  result: { url: string; functions: { ranges: { startOffset: number; endOffset: number; count: number }[] }[] }[];
}

/**
 * Whether code holding `marker` ran during one run of the binary with `args`, as V8's coverage of
 * the bundle tells: the smallest function around each place the marker is, and whether it was called.
 * A file of the bundle that was never loaded has no coverage: nothing in it ran.
 */
function ranDuring(args: string[], { home = tempDir(), bundleLoaded = true } = {}): (marker: string) => boolean {
  const coverage = join(tempDir(), 'coverage');
  expect(runCli(args, { home, env: { NODE_V8_COVERAGE: coverage } }).code).toBe(0);
  const scripts = readdirSync(coverage).flatMap((name) => (JSON.parse(readFileSync(join(coverage, name), 'utf8')) as Coverage).result);
  expect(scripts.some((script) => script.url === pathToFileURL(join(ROOT, 'dist', 'calmclient.cjs')).href)).toBe(bundleLoaded);
  const ranIn = (file: string, offset: number): boolean => {
    const script = scripts.find((entry) => entry.url === pathToFileURL(file).href);
    if (!script) return false;
    const ranges = script.functions.map((fn) => fn.ranges[0]).filter((range) => range !== undefined);
    const around = ranges.filter((range) => range.startOffset <= offset && offset < range.endOffset);
    const innermost = around.sort((a, b) => a.endOffset - a.startOffset - (b.endOffset - b.startOffset))[0];
    return (innermost?.count ?? 0) > 0;
  };
  return (marker) => {
    const places = bundleFiles().flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(new RegExp(marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].map((match) => ({ file, offset: match.index })),
    );
    expect(places.length).toBeGreaterThan(0);
    return places.some((place) => ranIn(place.file, place.offset));
  };
}

describe("Node's compile cache", () => {
  // Node 22 and later keep the compiled code of the modules they load, in the temporary folder unless told otherwise.
  const hasCompileCache = 'enableCompileCache' in module;

  it.runIf(hasCompileCache)('keeps the compiled bundle between runs, where Node has one', () => {
    const temp = tempDir();
    // `--help`: `--version` is answered before the bundle, and the cache, are loaded (bin/calmclient.js).
    expect(runCli(['--help'], { home: tempDir(), env: { TMPDIR: temp } }).stdout).toMatch(/^Usage: calmclient/);
    const [versionDir] = readdirSync(join(temp, 'node-compile-cache'));
    expect(readdirSync(join(temp, 'node-compile-cache', versionDir ?? '')).length).toBeGreaterThan(0);
  });

  it.runIf(hasCompileCache)('is only a slower start when damaged, or when it cannot be written', () => {
    const temp = tempDir();
    runCli(['--help'], { home: tempDir(), env: { TMPDIR: temp } });
    const [versionDir] = readdirSync(join(temp, 'node-compile-cache'));
    const cacheDir = join(temp, 'node-compile-cache', versionDir ?? '');
    for (const name of readdirSync(cacheDir)) writeFileSync(join(cacheDir, name), 'not compiled code');
    expect(runCli(['tips'], { home: tempDir(), env: { TMPDIR: temp } }).stdout).toContain('waltz');
    expect(runCli(['--help'], { home: tempDir(), env: { TMPDIR: temp } }).stdout).toMatch(/^Usage: calmclient/);
    // A temporary "folder" that is a file: no cache folder can be made there (whoever runs the tests).
    const notAFolder = join(tempDir(), 'file');
    writeFileSync(notAFolder, '');
    const result = runCli(['tips'], { home: tempDir(), env: { TMPDIR: notAFolder } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('waltz');
    expect(result.stderr).toBe('');
  });

  // Node's own recursive mkdir of the cache folder never returns there (found trying TMPDIR=/proc/…).
  it.runIf(hasCompileCache && existsSync('/proc/self'))('does not hang when the temporary folder is on a pseudo file system', () => {
    for (const temp of ['/proc', '/proc/calmclient-none']) {
      const result = runCli(['tips'], { home: tempDir(), env: { TMPDIR: temp } });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('waltz');
    }
  });

  it('is left alone when the user turns it off, and never needed', () => {
    const temp = tempDir();
    const result = runCli(['--help'], { home: tempDir(), env: { TMPDIR: temp, NODE_DISABLE_COMPILE_CACHE: '1' } });
    expect(result.stdout).toMatch(/^Usage: calmclient/);
    expect(existsSync(join(temp, 'node-compile-cache'))).toBe(false);
  });
});
