#!/usr/bin/env node
/**
 * Compares the date parsers on the phrase table of tests/support/date-phrases.ts (the table that
 * tests/unit/dates-phrases.test.ts holds calmclient's reader to): calmclient's reader before
 * issue 15, the hand-written reader of src/dates/, chrono-node, and the two combined. Then what
 * chrono-node would cost the package: its French and English parsers bundled and minified as
 * the build would bundle them, and the time Node takes to load them.
 *
 *   node scripts/compare-date-parsers.mjs [--failures]     (or: npm run compare:dates)
 *
 * `--failures` lists, for each parser, the phrases it gets wrong and what it read.
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const showFailures = process.argv.includes('--failures');
const cache = join(root, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const temp = mkdtempSync(join(cache, 'calmclient-dates-'));

try {
  const outfile = join(temp, 'comparison.mjs');
  await build({
    absWorkingDir: root,
    entryPoints: ['tests/support/date-comparison.ts'],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.17',
    logLevel: 'warning',
  });
  const { compare } = await import(pathToFileURL(outfile).href);
  const { sizes, scores } = compare();
  console.log(`Phrase table: ${sizes.french} French, ${sizes.english} English phrases (tests/support/date-phrases.ts)\n`);
  console.log('| parser | French | English |');
  console.log('| --- | --- | --- |');
  for (const score of scores) console.log(`| ${score.parser} | ${score.french} / ${sizes.french} | ${score.english} / ${sizes.english} |`);
  if (showFailures) {
    for (const score of scores) {
      console.log(`\n${score.parser}: ${score.failures.length} wrong`);
      for (const { phrase, got } of score.failures) {
        const expected = typeof phrase.expect === 'string' ? phrase.expect : `refused (${phrase.expect.refuse})`;
        console.log(`  [${phrase.lang}] ${JSON.stringify(phrase.text)}${phrase.want ? ` (${phrase.want})` : ''}: expected ${expected}, got ${got}`);
      }
    }
  }

  // What chrono-node would weigh in the bundle, French and English only, minified like dist/.
  const entry = join(temp, 'chrono-entry.mjs');
  writeFileSync(entry, "export * as fr from 'chrono-node/fr';\nexport * as en from 'chrono-node/en';\n");
  const bundle = join(temp, 'chrono.cjs');
  await build({ absWorkingDir: root, entryPoints: [entry], outfile: bundle, bundle: true, minify: true, format: 'cjs', platform: 'node', target: 'node20.17', logLevel: 'warning' });
  const bytes = statSync(bundle).size;
  const gzipped = gzipSync(readFileSync(bundle), { level: 9 }).length;
  const load = `const t=process.hrtime.bigint();const c=require(${JSON.stringify(bundle)});const l=process.hrtime.bigint();c.fr.casual.parse('vendredi 14h30',new Date());c.en.GB.parse('next friday at 4pm',new Date());const p=process.hrtime.bigint();console.log(Number(l-t)/1e6+' '+Number(p-l)/1e6)`;
  const runs = Array.from({ length: 15 }, () => execFileSync(process.execPath, ['-e', load], { encoding: 'utf8' }).trim().split(' ').map(Number));
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(`\nchrono-node ${JSON.parse(readFileSync(join(root, 'node_modules/chrono-node/package.json'), 'utf8')).version}, French and English parsers only:`);
  console.log(`  bundled and minified: ${(bytes / 1024).toFixed(1)} KiB (${(gzipped / 1024).toFixed(1)} KiB gzipped, the package tarball's measure)`);
  console.log(`  load: ${median(runs.map((r) => r[0])).toFixed(1)} ms, first two parses: ${median(runs.map((r) => r[1])).toFixed(1)} ms (median of 15 runs, Node ${process.version})`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
