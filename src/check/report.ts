import type { Finding } from './model.js';
import { m } from './messages.js';
import { t, type Message } from '../i18n/catalogue.js';
import { printInfo, printResult, screenWidth, style, wrap } from '../terminal/output.js';
import type { Lang } from '../types.js';
import { inert, inertLine } from '../text/inert.js';

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
  const lines = new Lines(draft.text);
  // The draft, its name and the messages that quote it are the user's text: shown inert.
  const name = inertLine(draft.name);
  // One write for the whole report: a draft of one long line may have thousands of findings.
  const blocks: string[] = [];
  for (const finding of findings) {
    const level = finding.level === 'warning' ? '' : ` ${t(LEVEL_NAMES[finding.level], lang)}`;
    // FILE:LINE:COL stays whole on the first line (editors and terminals jump to it); at a terminal, the message wraps under it.
    const head = wrap(`${style.bold(`${name}:${finding.line}:${finding.col}`)} ${style.yellow(inertLine(finding.rule))}${level} ${inert(finding.message)}`, '  ');
    const shown = finding.length > 0 ? underlined(lines, finding) : [];
    const instead = finding.replacement === undefined ? [] : [wrap(`  ${style.green('→')} ${style.green(`"${inert(finding.replacement)}"`)}`, '    ')];
    blocks.push([head, ...shown, ...instead, wrap(`  ${style.green('→')} ${inert(finding.suggestion)}`, '    '), '', ''].join('\n'));
  }
  if (blocks.length > 0) printResult(blocks.join(''));
  if (findings.length === 0) {
    printInfo(style.green(wrap(t(m.checkClean, lang, { file: name }))));
    return;
  }
  const ids = ruleIds(findings);
  const findingCount = findings.length === 1 ? t(m.checkFindingOne, lang) : t(m.checkFindingMany, lang, { n: findings.length });
  const ruleCount = ids.length === 1 ? t(m.checkRuleOne, lang) : t(m.checkRuleMany, lang, { n: ids.length });
  printInfo(wrap(t(m.checkSummary, lang, { file: name, findings: findingCount, rules: ruleCount, ids: ids.join(', ') })));
}

const LEVEL_NAMES: Record<Finding['level'], Message> = { error: m.levelError, warning: m.levelWarning, suggestion: m.levelSuggestion };

/** Shows wider than this are cut around the words, so that long paragraphs stay readable: at a terminal, its width less the indent. */
const WIDTH = Math.min(screenWidth(), 104) - 4;
const CONTEXT = 30;

/** The draft's lines, each cut into characters once, however many findings show it. */
class Lines {
  private readonly lines: string[];
  private readonly chars = new Map<number, string[]>();
  constructor(text: string) {
    this.lines = text.split(/\r\n|\n|\r/);
  }

  /** The characters of line `number` (1-based), tabs shown as spaces. */
  of(number: number): string[] {
    let chars = this.chars.get(number);
    if (!chars) {
      chars = [...(this.lines[number - 1] ?? '').replace(/\t/g, ' ')];
      this.chars.set(number, chars);
    }
    return chars;
  }
}

/** Each line the finding covers, with its words underlined by carets (and in colour when allowed). */
function underlined(lines: Lines, finding: Finding): string[] {
  const shown: string[] = [];
  for (let number = finding.line; number <= finding.endLine; number++) {
    const chars = lines.of(number);
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
    // Made inert piece by piece, so that the carets fall under the words as they are shown.
    const before = (start > 0 ? '…' : '') + inertLine(chars.slice(start, from).join(''));
    const words = inertLine(chars.slice(from, to).join(''));
    const after = inertLine(chars.slice(to, end).join('')) + (end < chars.length ? '…' : '');
    shown.push(`  ${before}${style.red.underline(words)}${after}`);
    shown.push(`  ${' '.repeat([...before].length)}${style.red('^'.repeat([...words].length))}`);
  }
  return shown;
}
