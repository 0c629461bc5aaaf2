#!/usr/bin/env node
/**
 * How well `calmclient check` reads the labelled reply corpus (tests/fixtures/replies/, format in
 * docs/check.md): per language, drafts caught, precision and recall at the draft level, good drafts
 * flagged, bad drafts caught on the faulty words, precision per rule and recall per category.
 *
 *   node scripts/corpus-report.mjs [--split dev|test|all] [--lang en|fr] [--write] [--json]
 *                                  [--checker DIR] [--misses]
 *
 * --split    which split of the corpus (default dev); `all` prints both, one after the other.
 * --write    regenerates the figures section of docs/check.md (dev and test), with this command.
 * --json     the figures as JSON, for other scripts (tests/unit/corpus.test.ts computes the same).
 * --checker  the root of another calmclient tree whose checker to run (e.g. a `git worktree` of an
 *            older commit), on this tree's corpus: how the "before" figures are taken.
 * --misses   also lists, per draft, what was missed and what was found wrongly.
 * --new-since REF  only the drafts that did not exist at git commit REF: the figures on drafts
 *            nobody has tuned on yet (the corpus writers' new batches), taken before tuning on them.
 *
 * The checker runs from its TypeScript sources, bundled on the fly with esbuild (as the build does).
 */
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Categories of the rules whose category was renamed to the label's (feeling-first, no-next-date):
 * an older checker still says justification and vague-timing for them.
 */
const CATEGORY_OF_RULE = { 'feeling-first': 'no-empathy', 'no-next-date': 'no-next-step' };

function fail(message) {
  throw new CorpusError(message);
}

/** A corpus that does not hold together (a draft without labels, words not in the draft). */
export class CorpusError extends Error {}

/** The checker of `dir` (src/check/index.ts), bundled into a temporary module. */
async function loadChecker(dir) {
  // Inside the tree itself (not node_modules, which a worktree may share by a link): the checker
  // finds its built-in rules from where its code sits.
  const temp = mkdtempSync(join(dir, '.corpus-report-'));
  try {
    const outfile = join(temp, 'check.mjs');
    await build({
      absWorkingDir: dir,
      entryPoints: [join(dir, 'src', 'check', 'index.ts')],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      banner: { js: "import { createRequire as __corpusRequire } from 'node:module'; const require = __corpusRequire(import.meta.url);" },
      logLevel: 'warning',
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** The drafts of one split and language, with their labels; undefined when the folder has none. */
export function readCorpus(splitName, lang) {
  const dir = join(root, 'tests', 'fixtures', 'replies', splitName, lang);
  if (!existsSync(join(dir, 'labels.yaml'))) return undefined;
  const labels = parse(readFileSync(join(dir, 'labels.yaml'), 'utf8')) ?? {};
  const files = readdirSync(dir).filter((name) => name.endsWith('.md')).sort();
  return files.map((name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    const label = labels[name];
    if (!label) fail(`${relative(root, dir)}/labels.yaml has no entry for ${name}`);
    const faults = (label.faults ?? []).map((fault) => ({ category: fault.category, words: fault.words, spans: spansOf(text, fault.words) }));
    for (const fault of faults)
      if (fault.words !== undefined && fault.spans.length === 0) fail(`${name}: the words "${fault.words}" are not in the draft`);
    return { name, text, register: label.register, faults };
  });
}

/** Every place `words` stands in `text` (UTF-16 offsets). */
function spansOf(text, words) {
  if (words === undefined || words === '') return [];
  const spans = [];
  for (let at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) spans.push({ from: at, to: at + words.length });
  return spans;
}

/**
 * The day the corpus drafts are read as written: they carry no date, and the figures must not
 * change with the day they are computed (a date without a year is placed against this one, when the
 * sentence's tense does not say whether it is past).
 */
export const CORPUS_DAY = { year: 2025, month: 1, day: 1 };

const categoryOf = (finding) => CATEGORY_OF_RULE[finding.rule] ?? finding.category;
const wholeDraft = (finding) => finding.length === 0;
const overlaps = (finding, span) => finding.offset < span.to && span.from < finding.offset + finding.length;

/** Whether `finding` is on `fault`: same category, and on its words when it has some. */
function findsFault(finding, fault) {
  if (categoryOf(finding) !== fault.category) return false;
  return fault.spans.length === 0 ? true : fault.spans.some((span) => overlaps(finding, span));
}

/** "Caught on the faulty words": on the words, or a whole-draft finding for a fault without words. */
function onWords(finding, fault) {
  if (categoryOf(finding) !== fault.category) return false;
  return fault.spans.length === 0 ? wholeDraft(finding) : fault.spans.some((span) => overlaps(finding, span));
}

/**
 * The figures of one language's drafts (definitions in docs/check.md): `checker` is a module with
 * `checkDraft`, the one of this tree or of another (see --checker).
 */
export async function measure(checker, drafts, lang, reference = CORPUS_DAY) {
  const figures = {
    drafts: drafts.length,
    bad: 0,
    good: 0,
    caught: 0,
    flaggedGood: 0,
    caughtOnWords: 0,
    rules: {},
    categories: {},
    misses: [],
  };
  for (const draft of drafts) {
    const findings = (await checker.checkDraft(draft.text, { lang, reference })).filter((finding) => finding.rule !== 'calmclient-ignore');
    const bad = draft.faults.length > 0;
    if (bad) figures.bad++;
    else figures.good++;
    if (bad && findings.length > 0) figures.caught++;
    if (!bad && findings.length > 0) figures.flaggedGood++;
    if (bad && findings.some((finding) => draft.faults.some((fault) => onWords(finding, fault)))) figures.caughtOnWords++;
    const wrong = [];
    for (const finding of findings) {
      const rule = (figures.rules[finding.rule] ??= { category: categoryOf(finding), right: 0, wrong: 0 });
      if (draft.faults.some((fault) => findsFault(finding, fault))) rule.right++;
      else {
        rule.wrong++;
        wrong.push(`${finding.rule} "${finding.text}"`);
      }
    }
    const missed = [];
    for (const fault of draft.faults) {
      const category = (figures.categories[fault.category] ??= { found: 0, missed: 0 });
      if (findings.some((finding) => findsFault(finding, fault))) category.found++;
      else {
        category.missed++;
        missed.push(`${fault.category}${fault.words ? ` "${fault.words}"` : ''}`);
      }
    }
    if (missed.length + wrong.length > 0) figures.misses.push({ draft: draft.name, missed, wrong });
  }
  const flagged = figures.caught + figures.flaggedGood;
  figures.precision = flagged === 0 ? 1 : figures.caught / flagged;
  figures.recall = figures.bad === 0 ? 1 : figures.caught / figures.bad;
  figures.goodFlaggedRate = figures.good === 0 ? 0 : figures.flaggedGood / figures.good;
  figures.onWordsRate = figures.bad === 0 ? 1 : figures.caughtOnWords / figures.bad;
  return figures;
}

const ratio = (value) => value.toFixed(2);
const pct = (value) => `${Math.round(value * 100)} %`;

/** The figures of one split as markdown tables. */
function markdown(splitName, byLang) {
  const langs = Object.keys(byLang);
  const row = (label, cell) => `| ${label} | ${langs.map((lang) => cell(byLang[lang])).join(' | ')} |`;
  const lines = [
    `| ${splitName} split | ${langs.join(' | ')} |`,
    `| --- | ${langs.map(() => '---').join(' | ')} |`,
    row('drafts (bad / good)', (f) => `${f.drafts} (${f.bad} / ${f.good})`),
    row('bad drafts caught (any finding)', (f) => `${f.caught} of ${f.bad}`),
    row('precision, draft level', (f) => ratio(f.precision)),
    row('recall, draft level', (f) => ratio(f.recall)),
    row('good drafts flagged', (f) => `${f.flaggedGood} of ${f.good} (${pct(f.goodFlaggedRate)})`),
    row('bad drafts caught on the faulty words', (f) => `${f.caughtOnWords} of ${f.bad} (${ratio(f.onWordsRate)})`),
    '',
  ];
  const ruleIds = [...new Set(langs.flatMap((lang) => Object.keys(byLang[lang].rules)))].sort();
  lines.push(`| rule (${splitName}) | category | ${langs.map((lang) => `precision ${lang}`).join(' | ')} |`);
  lines.push(`| --- | --- | ${langs.map(() => '---').join(' | ')} |`);
  for (const id of ruleIds) {
    const category = langs.map((lang) => byLang[lang].rules[id]?.category).find(Boolean);
    const cell = (f) => {
      const rule = f.rules[id];
      return rule ? `${ratio(rule.right / (rule.right + rule.wrong))} (${rule.right}/${rule.right + rule.wrong})` : '–';
    };
    lines.push(`| \`${id}\` | ${category} | ${langs.map((lang) => cell(byLang[lang])).join(' | ')} |`);
  }
  lines.push('');
  const categories = [...new Set(langs.flatMap((lang) => Object.keys(byLang[lang].categories)))].sort();
  lines.push(`| category (${splitName}) | ${langs.map((lang) => `recall ${lang}`).join(' | ')} |`);
  lines.push(`| --- | ${langs.map(() => '---').join(' | ')} |`);
  for (const category of categories) {
    const cell = (f) => {
      const c = f.categories[category];
      return c ? `${ratio(c.found / (c.found + c.missed))} (${c.found}/${c.found + c.missed})` : '–';
    };
    lines.push(`| ${category} | ${langs.map((lang) => cell(byLang[lang])).join(' | ')} |`);
  }
  return lines.join('\n');
}

/** The names of the drafts of one split and language at git commit `ref`. */
function draftsAt(ref, splitName, lang) {
  const folder = `tests/fixtures/replies/${splitName}/${lang}/`;
  let listing;
  try {
    listing = execFileSync('git', ['ls-tree', '--name-only', `${ref}:${folder}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    fail(`--new-since: no ${folder} at ${ref}`);
  }
  return listing.split('\n').filter((name) => name.endsWith('.md'));
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : fallback;
  };
  const split = option('--split', 'dev');
  const onlyLang = option('--lang', undefined);
  const checkerRoot = resolve(option('--checker', root));
  const write = args.includes('--write');
  const asJson = args.includes('--json');
  const showMisses = args.includes('--misses');
  const since = option('--new-since', undefined);
  if (!['dev', 'test', 'all'].includes(split)) fail(`--split: expected dev, test or all, got ${split}`);
  const checker = await loadChecker(checkerRoot);
  const splits = split === 'all' || write ? ['dev', 'test'] : [split];
  const langs = onlyLang ? [onlyLang] : ['en', 'fr'];
  const results = {};
  for (const splitName of splits) {
    for (const lang of langs) {
      let drafts = readCorpus(splitName, lang);
      if (!drafts) continue;
      if (since !== undefined) {
        const old = new Set(draftsAt(since, splitName, lang));
        drafts = drafts.filter((draft) => !old.has(draft.name));
      }
      (results[splitName] ??= {})[lang] = await measure(checker, drafts, lang);
    }
  }
  if (Object.keys(results).length === 0) fail(`no corpus under tests/fixtures/replies/${split}/`);

  if (asJson) {
    console.log(JSON.stringify(results, null, 2));
  } else {
    for (const [splitName, byLang] of Object.entries(results)) {
      console.log(markdown(splitName, byLang));
      console.log('');
      if (showMisses)
        for (const [lang, figures] of Object.entries(byLang))
          for (const miss of figures.misses)
            console.log(`${splitName}/${lang}/${miss.draft}: missed ${miss.missed.join(', ') || '-'}; wrong ${miss.wrong.join(', ') || '-'}`);
    }
  }

  if (write) {
    const doc = join(root, 'docs', 'check.md');
    const begin = '<!-- corpus-figures:begin -->';
    const end = '<!-- corpus-figures:end -->';
    const text = readFileSync(doc, 'utf8');
    const from = text.indexOf(begin);
    const to = text.indexOf(end);
    if (from < 0 || to < from) fail(`docs/check.md has no ${begin} … ${end} section to rewrite`);
    const body = [
      begin,
      '',
      'Generated by `node scripts/corpus-report.mjs --write` (do not edit by hand).',
      '',
      ...Object.entries(results).flatMap(([splitName, byLang]) => [markdown(splitName, byLang), '']),
      end,
    ].join('\n');
    writeFileSync(doc, text.slice(0, from) + body + text.slice(to + end.length));
    console.error(`corpus-report: wrote the figures into ${relative(root, doc)}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(`corpus-report: ${error instanceof CorpusError ? error.message : error.stack}`);
    process.exit(2);
  });
}
