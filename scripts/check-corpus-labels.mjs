#!/usr/bin/env node
// Checks the labels of the reply corpus (tests/fixtures/replies/<split>/<lang>/labels.yaml) against
// their drafts, and prints the counts per split, register and category.
//
//   node scripts/check-corpus-labels.mjs            every split and language present
//   node scripts/check-corpus-labels.mjs en         one language
//
// It checks that every draft has an entry and every entry a draft; that registers and categories
// are known; that every `words` is a verbatim substring of its draft, on one line, outside the
// client's quoted lines (`>`); that only whole-draft faults go without `words`; and that no sentence
// of eight words or more appears in two drafts (a copy between drafts, or between the dev and the
// test split, would make the test split measure nothing). Exit status 1 when anything is wrong.
// It never runs the checker: the labels come from the articles' criteria, not from the rules.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'replies');
const SPLITS = ['dev', 'test'];
const REGISTERS = [
  'corporate-we',
  'legal-formal',
  'support-macro',
  'review-reply',
  'freelancer-casual',
  'freelancer-formal',
  'good-without-date',
];
const CATEGORIES = [
  'justification',
  'no-empathy',
  'blame',
  'condescension',
  'vague-timing',
  'no-next-step',
  'overpromise',
  'minimising',
  'non-apology',
];
/** Categories whose fault may be an absence, with no `words`. */
const WHOLE_DRAFT = new Set(['no-empathy', 'no-next-step']);
const SHARED_SENTENCE_WORDS = 8;

const problems = [];
const problem = (where, message) => problems.push(`${where}: ${message}`);

const wanted = process.argv.slice(2);
const langs = new Set();
for (const split of SPLITS) {
  const dir = join(ROOT, split);
  if (existsSync(dir)) for (const lang of readdirSync(dir)) langs.add(lang);
}
const selected = [...langs].filter((lang) => wanted.length === 0 || wanted.includes(lang)).sort();
if (selected.length === 0) {
  console.error(`no corpus folder for ${wanted.join(', ') || 'any language'} under ${ROOT}`);
  process.exit(2);
}

/** Sentences of a draft (quoted lines left out), folded for comparison. */
function sentences(text) {
  const body = text
    .split('\n')
    .filter((line) => !line.startsWith('>'))
    .join(' ');
  return body
    .split(/(?<=[.!?…])\s+|\n/u)
    .map((s) => s.toLowerCase().replace(/[’‘]/gu, "'").replace(/[^\p{L}\p{N}' ]+/gu, ' ').replace(/\s+/gu, ' ').trim())
    .filter((s) => s.split(' ').length >= SHARED_SENTENCE_WORDS);
}

const stats = [];
for (const lang of selected) {
  const seen = new Map(); // folded sentence -> first place it was seen
  for (const split of SPLITS) {
    const dir = join(ROOT, split, lang);
    if (!existsSync(dir)) continue;
    const labelsPath = join(dir, 'labels.yaml');
    const where = `${split}/${lang}/labels.yaml`;
    const drafts = readdirSync(dir).filter((name) => name.endsWith('.md')).sort();
    if (drafts.length === 0 && !existsSync(labelsPath)) continue;
    if (!existsSync(labelsPath)) {
      problem(where, 'missing');
      continue;
    }
    const doc = parseDocument(readFileSync(labelsPath, 'utf8'), { uniqueKeys: true });
    for (const error of doc.errors) problem(where, error.message);
    const labels = doc.toJS() ?? {};
    const counts = { drafts: 0, good: 0, bad: 0, registers: {}, categories: {}, goodByRegister: {} };
    for (const name of Object.keys(labels)) if (!drafts.includes(name)) problem(where, `${name} has an entry but no draft`);
    for (const name of drafts) {
      const at = `${split}/${lang}/${name}`;
      const text = readFileSync(join(dir, name), 'utf8');
      for (const sentence of sentences(text)) {
        const first = seen.get(sentence);
        if (first && first !== at) problem(at, `shares a sentence with ${first}: "${sentence}"`);
        else seen.set(sentence, at);
      }
      const entry = labels[name];
      if (entry === undefined) {
        problem(at, 'no entry in labels.yaml');
        continue;
      }
      const keys = Object.keys(entry ?? {});
      for (const key of keys) if (key !== 'register' && key !== 'faults') problem(at, `unknown key ${key}`);
      if (!REGISTERS.includes(entry?.register)) problem(at, `register "${entry?.register}" is not one of ${REGISTERS.join(', ')}`);
      if (!Array.isArray(entry?.faults)) {
        problem(at, '`faults` must be a list ([] for a good draft)');
        continue;
      }
      counts.drafts++;
      counts.registers[entry.register] = (counts.registers[entry.register] ?? 0) + 1;
      if (entry.faults.length === 0) {
        counts.good++;
        counts.goodByRegister[entry.register] = (counts.goodByRegister[entry.register] ?? 0) + 1;
      } else counts.bad++;
      if (entry.register === 'good-without-date' && entry.faults.length > 0) problem(at, 'a good-without-date draft has faults');
      const lines = text.split('\n');
      const wholeSeen = new Set();
      for (const fault of entry.faults) {
        for (const key of Object.keys(fault ?? {})) if (key !== 'category' && key !== 'words') problem(at, `unknown key ${key} in a fault`);
        const { category, words } = fault ?? {};
        if (!CATEGORIES.includes(category)) {
          problem(at, `category "${category}" is not one of ${CATEGORIES.join(', ')}`);
          continue;
        }
        counts.categories[category] = (counts.categories[category] ?? 0) + 1;
        if (words === undefined) {
          if (!WHOLE_DRAFT.has(category)) problem(at, `a ${category} fault needs its words`);
          if (wholeSeen.has(category)) problem(at, `${category} without words is listed twice`);
          wholeSeen.add(category);
          continue;
        }
        if (category === 'no-next-step') problem(at, 'no-next-step is a fault of the whole draft: no words');
        if (typeof words !== 'string' || words.trim() === '') {
          problem(at, `empty words for ${category}`);
          continue;
        }
        if (words.includes('\n')) problem(at, `words span two lines: "${words}"`);
        else if (!text.includes(words)) problem(at, `words not in the draft: "${words}"`);
        else if (!lines.some((line) => !line.startsWith('>') && line.includes(words)))
          problem(at, `words only in a quoted line, which is not checked: "${words}"`);
      }
    }
    stats.push({ split, lang, ...counts });
  }
}

const table = (title, key) => {
  const names = [...new Set(stats.flatMap((s) => Object.keys(s[key])))].sort();
  console.log(`\n${title}`);
  console.log(['', ...stats.map((s) => `${s.split}/${s.lang}`)].join('\t'));
  for (const n of names) console.log([n, ...stats.map((s) => s[key][n] ?? 0)].join('\t'));
};
for (const s of stats) {
  console.log(`${s.split}/${s.lang}: ${s.drafts} drafts, ${s.good} good, ${s.bad} bad (${Math.round((100 * s.good) / Math.max(1, s.drafts))} % good)`);
}
table('drafts per register', 'registers');
table('good drafts per register', 'goodByRegister');
table('faults per category', 'categories');

if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log('\nlabels consistent with their drafts');
