#!/usr/bin/env node
/**
 * `npm run build`: bundles src/cli.ts and the packages it uses into dist/ with esbuild, compiles
 * the built-in playbooks and reply rules into dist/playbooks.json and dist/reply-rules.json (see
 * src/playbook/compiled.ts, src/check/compiled.ts), and regenerates what is generated from zod
 * schemas: schema/playbook.schema.json, and the check of session records
 * (src/store/session-record-check.js).
 *
 * dist/calmclient.cjs holds calmclient and the packages it uses in one CommonJS file, whose modules
 * run only when a command first imports them; bin/calmclient.js starts it through dist/launch.cjs,
 * which keeps V8's compiled code between runs (see src/launch.ts). Bundling the dependencies spares
 * Node the resolution of a few hundred module files at each start, and leaves the package without
 * runtime dependencies to install.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

/**
 * @inquirer/prompts re-exports every prompt, among them an external-editor prompt that pulls in
 * half a megabyte of character-set tables. None of these packages has import-time side effects,
 * but they do not declare it, so esbuild would keep them all; saying it here keeps only the
 * prompts calmclient imports.
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
 * The editor prompt (the e-mail draft, edited at the review before it is written) reads the file
 * back through chardet and iconv-lite, 700 KB of character-set tables for a file calmclient writes
 * in UTF-8 itself. Node's own TextDecoder reads it instead: UTF-8 (a byte-order mark dropped), UTF-16
 * when the editor saved it so (its byte-order mark says which), else Windows-1252, the one 8-bit
 * encoding a desktop editor still saves in.
 */
const editorReadsWithTextDecoder = {
  name: 'editor-reads-with-text-decoder',
  setup(builder) {
    builder.onResolve({ filter: /^(chardet|iconv-lite)$/ }, (args) =>
      /[\\/]@inquirer[\\/]external-editor[\\/]/.test(args.importer) ? { path: args.path, namespace: 'calmclient-editor' } : undefined,
    );
    builder.onLoad({ filter: /^chardet$/, namespace: 'calmclient-editor' }, () => ({
      contents: `export function detect(buffer) {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return 'utf-16le';
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return 'utf-16be';
  try { new TextDecoder('utf-8', { fatal: true }).decode(buffer); return 'utf-8'; } catch { return 'windows-1252'; }
}`,
      loader: 'js',
    }));
    builder.onLoad({ filter: /^iconv-lite$/, namespace: 'calmclient-editor' }, () => ({
      contents: `export default {
  encodingExists(encoding) { try { new TextDecoder(encoding); return true; } catch { return false; } },
  decode(buffer, encoding) { return new TextDecoder(encoding).decode(buffer); },
};`,
      loader: 'js',
    }));
  },
};

/**
 * commander loads node:child_process as it starts, for "executable" subcommands, which calmclient
 * has none of; that load alone is a tenth of what `--help` adds to Node's own start. Commander gets
 * a stand-in that loads the module on first use.
 */
const commanderLoadsChildProcessLazily = {
  name: 'commander-loads-child-process-lazily',
  setup(builder) {
    builder.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: 'lazy-child-process', namespace: 'calmclient' } : undefined,
    );
    builder.onLoad({ filter: /^lazy-child-process$/, namespace: 'calmclient' }, () => ({
      contents: "module.exports = { spawn: (...args) => require('node:child_process').spawn(...args) };",
      loader: 'js',
      resolveDir: root,
    }));
  },
};

/**
 * chalk works out at import time how many colours the terminal takes, loading node:tty and node:os
 * for it. calmclient always gives chalk the level itself (src/output.ts: NO_COLOR, FORCE_COLOR, and
 * whether the stream is a terminal), so chalk's own guess is never used: it gets "none" instead.
 */
const chalkDetectsNothing = {
  name: 'chalk-detects-nothing',
  setup(builder) {
    builder.onResolve({ filter: /^#supports-color$/ }, (args) =>
      /[\\/]chalk[\\/]/.test(args.importer) ? { path: 'chalk-supports-color', namespace: 'calmclient' } : undefined,
    );
    builder.onLoad({ filter: /^chalk-supports-color$/, namespace: 'calmclient' }, () => ({
      contents: 'export default { stdout: false, stderr: false };',
      loader: 'js',
    }));
  },
};

/**
 * franc-min holds trigram models for 82 languages; the checker only tells apart the few that
 * src/check/language.ts names (FRANC_CODES). Keeping only those models takes 170 KB out of the
 * package, and spares franc indexing the others each time it loads. With `only` set to those
 * languages, as the checker calls it, franc answers the same.
 */
function francWithOnly(languages) {
  return {
    name: 'franc-with-only',
    setup(builder) {
      builder.onLoad({ filter: /[\\/]franc-min[\\/]data\.js$/ }, async (args) => {
        const { data } = await import(pathToFileURL(args.path).href);
        const kept = Object.entries(data)
          .map(([script, models]) => [script, Object.fromEntries(Object.entries(models).filter(([code]) => languages.includes(code)))])
          .filter(([, models]) => Object.keys(models).length > 0);
        return { contents: `export const data = ${JSON.stringify(Object.fromEntries(kept))};`, loader: 'js' };
      });
    },
  };
}

/**
 * yaml's Node entry is CommonJS: bundled, it is one block that runs whole at first import. Its
 * ES module build (the same code, with console.warn instead of process.emitWarning) lets esbuild
 * keep only what calmclient uses, and starts faster.
 */
const YAML_AS_ES_MODULE = { yaml: './node_modules/yaml/browser/index.js' };

/** Where import.meta.url stands in the CommonJS bundle: the bundle's own file, as in an ES module. */
const IMPORT_META_URL = {
  define: { 'import.meta.url': '__calmclientUrl' },
  // The modules bundled are ES modules, strict throughout: the bundle must stay so, banner included.
  banner: { js: "'use strict';\nconst __calmclientUrl = require('node:url').pathToFileURL(__filename).href;" },
};

async function bundleCli() {
  const { FRANC_CODES } = await importTypeScript('src/check/language.ts');
  rmSync(dist, { recursive: true, force: true });
  const common = {
    absWorkingDir: root,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20.17',
    minify: !process.env.PROFILE_BUILD,
    // Stack traces (CALMCLIENT_DEBUG=1) keep the functions' real names.
    keepNames: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  };
  // One file: the commands' imports become functions run when a command first needs them, and the
  // whole is compiled once, then read from V8's code cache (src/launch.ts).
  const result = await build({
    ...common,
    ...IMPORT_META_URL,
    entryPoints: { calmclient: 'src/cli.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    plugins: [
      inquirerIsSideEffectFree,
      editorReadsWithTextDecoder,
      commanderLoadsChildProcessLazily,
      chalkDetectsNothing,
      francWithOnly(Object.keys(FRANC_CODES)),
    ],
    alias: YAML_AS_ES_MODULE,
  });
  const launcher = await build({ ...common, entryPoints: { launch: 'src/launch.ts' }, outdir: 'dist', outExtension: { '.js': '.cjs' } });
  stampBundle(join(dist, 'calmclient.cjs'));
  const inputs = { ...result.metafile.inputs, ...launcher.metafile.inputs };
  writeFileSync(join(dist, 'THIRD-PARTY-LICENSES.md'), thirdPartyLicenses({ inputs }));
  return { ...result.metafile.outputs, ...launcher.metafile.outputs };
}

/** The bundle's first line names its contents: the launcher keeps one code cache per bundle. */
function stampBundle(file) {
  const code = readFileSync(file, 'utf8');
  const digest = createHash('sha256').update(code).digest('hex').slice(0, 16);
  writeFileSync(file, `// calmclient-bundle ${digest}\n${code}`);
}

/** The bundled packages' licences, which their MIT/ISC terms ask to ship with the code. */
function thirdPartyLicenses(metafile) {
  const packageDirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
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
      plugins: [inquirerIsSideEffectFree],
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

/** Before bundling: the bundle holds the session check, and it must be the current schema's. */
async function writeSessionCheck() {
  const { SESSION_CHECK_FILE, sessionCheckSource } = await importTypeScript('scripts/generate-session-check.ts');
  return writeGenerated(SESSION_CHECK_FILE, sessionCheckSource());
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
  const { compileRules } = await importTypeScript('scripts/compile-rules.ts');
  const { COMPILED_RULES_FILE } = await importTypeScript('src/check/compiled.ts');
  const file = join(dist, COMPILED_RULES_FILE);
  writeFileSync(file, JSON.stringify(compileRules()));
  return file;
}

const sessionCheckFile = await writeSessionCheck();
const outputs = await bundleCli();
const compiledFile = await writeCompiledPlaybooks();
const rulesFile = await writeCompiledRules();
const schemaFile = await writePlaybookSchema();
for (const [file, output] of Object.entries(outputs)) {
  console.log(`${file.padEnd(32)} ${(output.bytes / 1024).toFixed(1).padStart(7)} KiB`);
}
for (const file of [compiledFile, rulesFile, schemaFile, sessionCheckFile]) console.log(relative(root, file));
