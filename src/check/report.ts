import type { Finding } from './model.js';
import { m, type CheckMessageKey } from './messages.js';
import { printInfo, printResult, style } from '../terminal/output.js';
import type { Lang } from '../types.js';

/**
 * The text report of `calmclient check`, which `start`, `checklist` and `followup` print too for the
 * e-mail draft they wrote: apart from the command, which loads the language guesser.
 */

export interface Draft {
  /** As the user named it, or `<stdin>`. */
  name: string;
  text: string;
}

export function ruleIds(findings: readonly Finding[]): string[] {
  return [...new Set(findings.map((finding) => finding.rule))];
}

/** The text report: each finding with its words underlined and a suggestion, then a summary line. */
export function printFindings(draft: Draft, lang: Lang, findings: readonly Finding[]): void {
  const lines = draft.text.split(/\r\n|\n|\r/);
  for (const finding of findings) {
    const head = `${style.bold(`${draft.name}:${finding.line}:${finding.col}`)} ${style.yellow(finding.rule)} ${finding.message}`;
    const shown = finding.length > 0 ? underlined(lines, finding) : [];
    printResult([head, ...shown, `  ${style.green('→')} ${finding.suggestion}`, '', ''].join('\n'));
  }
  if (findings.length === 0) {
    printInfo(style.green(m('check.clean', { file: draft.name }, lang)));
    return;
  }
  const ids = ruleIds(findings);
  const count = (one: CheckMessageKey, many: CheckMessageKey, n: number): string => m(n === 1 ? one : many, { n }, lang);
  printInfo(
    m(
      'check.summary',
      {
        file: draft.name,
        findings: count('check.finding.one', 'check.finding.many', findings.length),
        rules: count('check.rule.one', 'check.rule.many', ids.length),
        ids: ids.join(', '),
      },
      lang,
    ),
  );
}

/** Shows wider than this are cut around the words, so that long paragraphs stay readable. */
const WIDTH = 100;
const CONTEXT = 30;

/** Each line the finding covers, with its words underlined by carets (and in colour when allowed). */
function underlined(lines: readonly string[], finding: Finding): string[] {
  const shown: string[] = [];
  for (let number = finding.line; number <= finding.endLine; number++) {
    const chars = [...(lines[number - 1] ?? '').replace(/\t/g, ' ')];
    const from = number === finding.line ? finding.col - 1 : 0;
    const to = number === finding.endLine ? finding.endCol - 1 : chars.length;
    if (to <= from) continue;
    let start = 0;
    let end = chars.length;
    if (chars.length > WIDTH) {
      start = Math.max(0, from - CONTEXT);
      end = Math.min(chars.length, Math.max(to + CONTEXT, start + WIDTH));
      // Cut between words, never inside one.
      while (start > 0 && start < from && chars[start - 1] !== ' ') start++;
      while (end < chars.length && end > to && chars[end] !== ' ') end--;
    }
    const before = (start > 0 ? '…' : '') + chars.slice(start, from).join('');
    const words = chars.slice(from, to).join('');
    const after = chars.slice(to, end).join('') + (end < chars.length ? '…' : '');
    shown.push(`  ${before}${style.red.underline(words)}${after}`);
    shown.push(`  ${' '.repeat([...before].length)}${style.red('^'.repeat([...words].length))}`);
  }
  return shown;
}
