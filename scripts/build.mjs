#!/usr/bin/env node
/**
 * `npm run build`: bundles src/cli.ts and the packages it uses into dist/ with esbuild, compiles
 * the built-in playbooks and reply rules into dist/playbooks.json and dist/reply-rules.<lang>.json and .bin (see
 * src/playbook/compiled.ts, src/check/compiled.ts), and regenerates schema/playbook.schema.json
 * from the playbook's zod schema.
 *
 * Bundling the dependencies leaves the package without runtime dependencies to install, and spares
 * Node the resolution of a few hundred module files at each start. bin/calmclient.js turns on
 * Node's compile cache (Node 22 and later) and loads dist/calmclient.cjs.
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const BUNDLE = 'dist/calmclient.cjs';
const APP_BUNDLE = 'dist/app.cjs';

/**
 * @inquirer/prompts re-exports every prompt, among them an external-editor prompt that pulls in
 * half a megabyte of character-set tables (iconv-lite). The @inquirer packages declare that they
 * have no import-time side effects, but in their own package.json, not in the dist/esm/package.json
 * that esbuild reads for their code, so esbuild keeps every prompt; repeating it here keeps only
 * the prompts calmclient imports. Measured: the bundle, which every command reads, is 694 KiB with
 * it and 1,232 KiB without (the tarball 365 kB and 575 kB), and `--version` 0.1x of the floor
 * faster with it on Node 20 and 22.
 */
const inquirerIsSideEffectFree = {
  name: 'inquirer-side-effect-free',
  setup(builder) {
    builder.onResolve({ filter: /^@inquirer\// }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      const resolved = await builder.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'resolving',
      });
      return { ...resolved, sideEffects: false };
    });
  },
};

/**
 * In a CommonJS bundle, `import.meta.url` is the bundle's own file, as it would be in an ES module.
 * The bundled modules are ES modules, strict throughout: the bundle stays so, this banner included.
 */
const IMPORT_META_URL = {
  define: { 'import.meta.url': '__calmclientUrl' },
  banner: { js: "'use strict';\nconst __calmclientUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/**
 * The largest libraries that only some commands use, each bundled into a file of its own,
 * dist/vendor/<name>.cjs, that the main bundle `require`s when a module using it first runs:
 * every command reads the whole main bundle as it starts (Node 22 and later read its compiled
 * code back from their compile cache, in time that grows with the file), and these two were a
 * third of it (franc-min 170 KiB, yaml 117 KiB of 858 KiB). Each stays one copy, in one file.
 * Measured A/B (hyperfine, one run, median of 30): `--help` 51.5 → 46.5 ms on Node 22, no
 * change on Node 24; `start --answers` unchanged within the noise (CPU 162 → 157 ms on Node 22).
 * zod stays in the main bundle: as a file of its own it loses its tree shaking (112 → 466 KiB,
 * all its locales) and cost `history` 12 ms to load.
 */
const VENDORED = ['franc-min', 'yaml'];

const vendorFile = (name) => `vendor/${name}.cjs`;

/** The main bundle's imports of a vendored library, pointed at its file in dist/vendor/. */
const vendoredElsewhere = {
  name: 'vendored-elsewhere',
  setup(builder) {
    const filter = new RegExp(`^(${VENDORED.join('|')})$`);
    builder.onResolve({ filter }, (args) => ({ path: `./${vendorFile(args.path)}`, external: true }));
  },
};

async function bundleVendored(name) {
  const result = await build({
    absWorkingDir: root,
    stdin: { contents: `export * from '${name}';`, resolveDir: root, loader: 'js' },
    outfile: join(dist, vendorFile(name)),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20.17',
    minify: !process.env.PROFILE_BUILD,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  return result.metafile;
}

/**
 * The command line (src/cli.ts: the table of commands, commander, the help texts) and the rest of
 * calmclient (src/app.ts: the commands, the output, the report of their errors) in two files,
 * dist/calmclient.cjs and dist/app.cjs: `--help` and commander's usage errors read only the first
 * (71 KiB, where the whole was 573 KiB). cli.ts reaches app.ts through one dynamic import, which
 * this points at the other file. See app.ts for what the two may share.
 * Measured A/B (hyperfine, one run): `--help`, median of 30, 59.9 → 43.8 ms on Node 22, 65.1 →
 * 50.1 ms on Node 24, 145.4 → 107.2 ms on Node 20; `start --answers`, which reads both files,
 * median of 40, 232 → 217, 190 → 204 and 246 → 268 ms: no change beyond the noise.
 */
const appElsewhere = {
  name: 'app-elsewhere',
  setup(builder) {
    builder.onResolve({ filter: /^\.\/app\.js$/ }, (args) =>
      args.importer === join(root, 'src', 'cli.ts') ? { path: './app.cjs', external: true } : undefined,
    );
  },
};

/** One of the two bundles (see appElsewhere). */
function bundle(entry, outfile, plugins, options = {}) {
  return build({
    ...options,
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    // CommonJS: a command's modules run when it first imports them, and Node loads Node's own
    // modules as it `require`s them. Measured A/B against ES modules split by command (CPU time
    // over `node -e 0`'s): `start --answers` 3.9x against 4.5x on Node 22 and 24 (the split one
    // loads 33 modules through Node's ES module loader), `--help` 1.7-1.9x against 1.65-1.7x;
    // on Node 20, which keeps no compiled code, `--help` 1.6x against 1.5x.
    format: 'cjs',
    ...IMPORT_META_URL,
    platform: 'node',
    target: 'node20.17',
    // Without `keepNames`, which has esbuild give every function and class its name back at run time
    // (a call each, as its module loads): measured A/B (one run of 60 rounds, Node 22), mean CPU time
    // of `--help` 45.1 → 43.1 ms; `start --answers` (its reply check left out) within the noise.
    // A stack trace (CALMCLIENT_DEBUG=1) names the minified functions, at their place in dist/;
    // `PROFILE_BUILD=1 npm run build` makes bundles that keep every name, to read one.
    minify: !process.env.PROFILE_BUILD,
    legalComments: 'none',
    plugins: [inquirerIsSideEffectFree, vendoredElsewhere, ...plugins],
    // The editor prompt's character-set libraries are the package's runtime dependencies (package.json),
    // installed beside it: 700 KB of tables would otherwise sit in the bundle every command reads.
    external: ['chardet', 'iconv-lite'],
    metafile: true,
    logLevel: 'warning',
  });
}

async function bundleCli() {
  rmSync(dist, { recursive: true, force: true });
  const vendored = await Promise.all(VENDORED.map(bundleVendored));
  // `import('./app.js')` becomes a `require`: kept as `import()`, Node would load app.cjs through its
  // ES module loader, which scans the whole file for its exports first (47 ms of `start`'s profile).
  const cli = await bundle('src/cli.ts', BUNDLE, [appElsewhere], { supported: { 'dynamic-import': false } });
  const app = await bundle('src/app.ts', APP_BUNDLE, []);
  writeFileSync(join(dist, 'THIRD-PARTY-LICENSES.md'), thirdPartyLicenses([cli.metafile, app.metafile, ...vendored]));
  return { ...cli.metafile.outputs, ...app.metafile.outputs };
}

/** The bundled packages' licences, which their MIT/ISC terms ask to ship with the code. */
function thirdPartyLicenses(metafiles) {
  const packageDirs = new Set();
  for (const input of metafiles.flatMap((metafile) => Object.keys(metafile.inputs))) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match?.[1]) packageDirs.add(match[1]);
  }
  const sections = [...packageDirs].sort().map((dir) => {
    const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    const licenceFile = readdirSync(join(root, dir)).find((name) => /^(licen[cs]e|copying)(\.|$)/i.test(name));
    const text = licenceFile ? readFileSync(join(root, dir, licenceFile), 'utf8').trim() : `License: ${manifest.license}`;
    return `## ${manifest.name} ${manifest.version}\n\n${text}\n`;
  });
  return `# Third-party licences\n\ndist/ bundles these packages.\n\n${sections.join('\n')}`;
}

/**
 * Imports a TypeScript module, bundled on the fly with what it imports from src/. The bundle sits
 * inside the project (node_modules/.cache), where `packageRoot()` finds the project as it runs.
 */
async function importTypeScript(entry) {
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const temp = mkdtempSync(join(cache, 'calmclient-build-'));
  try {
    const outfile = join(temp, 'module.mjs');
    await build({
      absWorkingDir: root,
      entryPoints: [entry],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20.17',
      // The CommonJS packages bundled `require` Node's modules: an ES module has no `require` of its own.
      banner: { js: "import { createRequire as __calmclientRequire } from 'node:module'; const require = __calmclientRequire(import.meta.url);" },
      logLevel: 'warning',
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** A committed file generated from the sources, rewritten only when its text changes. */
function writeGenerated(path, text) {
  const file = join(root, path);
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
  return file;
}

async function writePlaybookSchema() {
  const { PLAYBOOK_SCHEMA_FILE, playbookSchemaText } = await importTypeScript('scripts/generate-schema.ts');
  return writeGenerated(PLAYBOOK_SCHEMA_FILE, playbookSchemaText());
}

async function writeCompiledPlaybooks() {
  const { compilePlaybooks } = await importTypeScript('scripts/compile-playbooks.ts');
  const { COMPILED_PLAYBOOKS_FILE } = await importTypeScript('src/playbook/compiled.ts');
  const file = join(dist, COMPILED_PLAYBOOKS_FILE);
  const compiled = compilePlaybooks((problems) => {
    for (const problem of problems) console.warn(`warning: ${problem.file}:${problem.line}:${problem.col}: ${problem.message}`);
  });
  writeFileSync(file, JSON.stringify(compiled));
  return file;
}

async function writeCompiledRules() {
  const { compiledRulesFiles } = await importTypeScript('scripts/compile-rules.ts');
  return Object.entries(compiledRulesFiles()).map(([name, contents]) => {
    const file = join(dist, name);
    writeFileSync(file, contents);
    return file;
  });
}

const outputs = await bundleCli();
const compiledFile = await writeCompiledPlaybooks();
const rulesFiles = await writeCompiledRules();
const schemaFile = await writePlaybookSchema();
for (const file of [BUNDLE, APP_BUNDLE]) console.log(`${file} ${(outputs[file].bytes / 1024).toFixed(1)} KiB`);
for (const file of [compiledFile, ...rulesFiles, schemaFile]) console.log(relative(root, file));
