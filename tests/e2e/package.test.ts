import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

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

  it('packs under 300 KB, with the CLI, the playbooks and the schema, and no sources or tests', () => {
    const pack = dryPack();
    expect(pack.size).toBeLessThan(300_000);
    const paths = pack.files.map((file) => file.path);
    expect(paths).toEqual(
      expect.arrayContaining(['bin/calmclient.js', 'dist/cli.js', 'dist/playbooks.json', 'dist/THIRD-PARTY-LICENSES.md', 'schema/playbook.schema.json']),
    );
    // The starter playbook and the editor docs point readers at these.
    expect(paths).toEqual(expect.arrayContaining(['docs/playbook-format.md', 'docs/editor-setup.md']));
    expect(paths.some((path) => path.startsWith('playbooks/en/'))).toBe(true);
    expect(paths.filter((path) => /^(src|tests|scripts)\//.test(path) || path.endsWith('.ts') || path.endsWith('.map'))).toEqual([]);
  });

  it('bundles only the zod locales calmclient speaks', () => {
    // `import { z } from 'zod'`, or a locale reached through the namespace (`z.locales.fr()`), keeps
    // all 40 locales in the bundle (+300 KB): write `import * as z from 'zod'`, and import locales from 'zod/locales'.
    const bundle = readdirSync(join(ROOT, 'dist')).filter((name) => name.endsWith('.js')).map((name) => readFileSync(join(ROOT, 'dist', name), 'utf8'));
    expect(bundle.some((code) => code.includes('erwartet'))).toBe(false);
  });

  it('has no install scripts and no runtime dependencies: dist/ bundles them', () => {
    // `prepare` builds a clone after `npm install`; npm never runs it for a package installed from the registry.
    for (const hook of ['preinstall', 'install', 'postinstall']) expect(manifest.scripts[hook]).toBeUndefined();
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.bin).toEqual({ calmclient: 'bin/calmclient.js' });
  });

  it('keeps the binary a shim, and loads the prompt library, yaml and zod only with the commands that need them', () => {
    expect(readFileSync(join(ROOT, 'bin', 'calmclient.js'), 'utf8').split('\n').length).toBeLessThanOrEqual(8);
    // What a module of dist/ loads before it runs: itself and its static imports, not `import("./start-….js")`.
    const loadedWith = (file: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(file)) return seen;
      seen.add(file);
      const code = readFileSync(join(ROOT, 'dist', file), 'utf8');
      for (const match of code.matchAll(/\bimport\s*(?:[^"'();]*?from\s*)?["']\.\/([^"']+)["']/g)) loadedWith(match[1] ?? '', seen);
      return seen;
    };
    const code = (files: Set<string>): string => [...files].map((file) => readFileSync(join(ROOT, 'dist', file), 'utf8')).join('\n');
    // Markers: a class name each library keeps in the bundle.
    const zod = /\bZodError\b/;
    const yaml = /\bLineCounter\b/;
    const inquirer = /\bcreatePrompt\b/;

    const forHelp = loadedWith('cli.js');
    expect(forHelp.size).toBeGreaterThan(1);
    for (const library of [zod, yaml, inquirer]) expect(code(forHelp)).not.toMatch(library);

    const start = readdirSync(join(ROOT, 'dist')).find((name) => /^start-\w+\.js$/.test(name)) ?? '';
    const forStart = loadedWith(start);
    expect(code(forStart)).toMatch(yaml);
    expect(code(forStart)).not.toMatch(inquirer);
  });
});
