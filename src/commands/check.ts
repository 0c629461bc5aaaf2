import { builtinRules, checkDraft, loadRulesFile, withUserRules, type Finding, type RuleSet } from '../check/index.js';
import { guessLanguage } from '../check/language.js';
import { m } from '../check/messages.js';
import { ExitCode, InputError, UsageError } from '../errors.js';
import { printResult, printWarning } from '../terminal/output.js';
import { decodeText, MAX_INPUT_BYTES, readUserFile, tooBig } from '../user-files.js';
import { printFindings, ruleIds, type Draft } from '../check/report.js';
import { LANGS, type Lang } from '../types.js';

export interface CheckOptions {
  lang?: string;
  format?: string;
  rules?: string;
}

type Format = 'text' | 'json';

/** `calmclient check [FILE|-]`: findings on stdout, exit 1 when there are any. */
export default async function check(file: string | undefined, options: CheckOptions, lang: Lang): Promise<ExitCode> {
  const format = parseFormat(options.format ?? 'text');
  const wanted = parseDraftLang(options.lang ?? 'auto');
  const draft = await readDraft(file, lang);
  if (draft.text.trim() === '') throw new InputError(m('check.empty', { file: draft.name }));
  const draftLang = wanted === 'auto' ? (guessLanguage(draft.text) ?? lang) : wanted;
  const findings = await checkDraft(draft.text, { lang: draftLang, rules: await rulesFor(draftLang, options.rules) });

  if (format === 'json') printResult(JSON.stringify(jsonReport(draft.name, draftLang, findings), null, 2));
  else printFindings(draft, draftLang, findings);
  return findings.length > 0 ? ExitCode.findings : ExitCode.ok;
}

function parseFormat(value: string): Format {
  if (value === 'text' || value === 'json') return value;
  throw new UsageError(m('check.badFormat', { value }));
}

function parseDraftLang(value: string): Lang | 'auto' {
  const wanted = value.trim().toLowerCase();
  const known = [...LANGS, 'auto' as const].find((lang) => lang === wanted);
  if (known === undefined) throw new UsageError(m('check.badLang', { value }));
  return known;
}

async function rulesFor(lang: Lang, userFile: string | undefined): Promise<RuleSet> {
  const builtin = await builtinRules(lang);
  if (userFile === undefined) return builtin;
  const user = await loadRulesFile(userFile, builtin, lang);
  if (user.lang !== undefined && user.lang !== lang) {
    printWarning(m('check.rulesLang', { file: userFile, rulesLang: user.lang, lang }));
    return builtin;
  }
  return withUserRules(builtin, user);
}

async function readDraft(file: string | undefined, lang: Lang): Promise<Draft> {
  if (file !== undefined && file !== '-') return { name: file, text: readUserFile(file, lang) };
  // Waiting on a terminal for a draft nobody is typing would look like a hang.
  if (file === undefined && process.stdin.isTTY) throw new UsageError(m('check.noInput'));
  const name = m('check.stdin');
  return { name, text: decodeText(await readStdin(name, lang), name, lang) };
}

async function readStdin(name: string, lang: Lang): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_INPUT_BYTES) throw tooBig(name, lang);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The JSON shape documented in docs/check.md; `version` changes if it ever does. */
function jsonReport(file: string, lang: Lang, findings: readonly Finding[]) {
  return {
    version: 1,
    file,
    lang,
    findings: findings.map((finding) => ({
      rule: finding.rule,
      category: finding.category,
      line: finding.line,
      col: finding.col,
      endLine: finding.endLine,
      endCol: finding.endCol,
      offset: finding.offset,
      length: finding.length,
      text: finding.text,
      message: finding.message,
      suggestion: finding.suggestion,
    })),
    summary: { findings: findings.length, rules: ruleIds(findings) },
  };
}
