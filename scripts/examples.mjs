#!/usr/bin/env node
/**
 * `npm run examples`: writes docs/examples/<lang>/*.email.md and *.recap.md from the answers files
 * of docs/examples/answers/ (see scripts/examples.ts), so that the writing can be reviewed without
 * running calmclient. Run it from the project's folder after changing a template or a playbook;
 * tests/unit/examples.test.ts fails until the committed examples match.
 */
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const cache = join(root, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const temp = mkdtempSync(join(cache, 'calmclient-examples-'));
try {
  const outfile = join(temp, 'examples.mjs');
  await build({
    absWorkingDir: root,
    entryPoints: ['scripts/examples.ts'],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.17',
    packages: 'external',
    logLevel: 'warning',
  });
  const { renderExamples, EXAMPLES_DIR } = await import(pathToFileURL(outfile).href);
  let changed = 0;
  for (const [path, contents] of await renderExamples()) {
    const file = join(EXAMPLES_DIR, path);
    let before;
    try {
      before = readFileSync(file, 'utf8');
    } catch {
      before = undefined;
    }
    if (before === contents) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, contents);
    changed++;
    process.stdout.write(`wrote docs/examples/${path}\n`);
  }
  if (changed === 0) process.stdout.write('docs/examples/ is up to date\n');
} finally {
  rmSync(temp, { recursive: true, force: true });
}
