import { Chalk, type ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import type { SourceProblem } from '../errors.js';
import { inert, inertLine } from '../text/inert.js';
import { writeStderr } from './streams.js';

/**
 * The one place, with the commands and the Inquirer adapter, that writes to the terminal.
 * Results go to stdout, messages and problems to stderr; colours follow NO_COLOR / FORCE_COLOR.
 */

function colourLevel(env: NodeJS.ProcessEnv, stream: NodeJS.WriteStream): 0 | 1 | 2 | 3 {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') {
    if (force === '0' || force === 'false') return 0;
    return force === '2' ? 2 : force === '3' ? 3 : 1;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (env.TERM === 'dumb' || !stream.isTTY) return 0;
  return stream.hasColors?.(256) ? 2 : 1;
}

export const style: ChalkInstance = new Chalk({ level: colourLevel(process.env, process.stdout) });
let stderrStyle: ChalkInstance | undefined;

/** Made on first use: a command that writes nothing to stderr never opens it. */
function errorStyle(): ChalkInstance {
  return (stderrStyle ??= new Chalk({ level: colourLevel(process.env, process.stderr) }));
}

let quiet = false;

/** `--quiet`: keep only results and errors. */
export function setQuiet(value: boolean): void {
  quiet = value;
}

/** A result: what the command was asked for. Always printed. */
export function printResult(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Commentary around a result (headers, hints). Silenced by --quiet. */
export function printInfo(text: string): void {
  if (!quiet) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/**
 * Errors and warnings are plain text, and often quote the user's data (a file name, a client, a
 * value from a file): both are printed through `inert`, so that nothing in them acts on the
 * terminal; they are laid out to the width of stderr when it is a terminal, between words.
 */
export function printError(text: string): void {
  writeStderr(`${wrap(`${errorStyle().red('calmclient:')} ${inert(text)}`, '  ', screenWidth(process.stderr))}\n`);
}

export function printWarning(text: string): void {
  writeStderr(`${errorStyle().yellow(wrap(inert(text), '', screenWidth(process.stderr)))}\n`);
}

/**
 * `FILE:LINE:COL: message`, then the line and a caret under the column. The file's name, the
 * message and the line come from the user's files: each is made inert, and the caret counts the
 * line as it is shown.
 */
export function formatProblem(problem: SourceProblem, colour: ChalkInstance = errorStyle()): string {
  const head = `${colour.bold(`${inertLine(problem.file)}:${problem.line}:${problem.col}:`)} ${inert(problem.message)}`;
  if (problem.sourceLine === undefined) return head;
  const chars = [...problem.sourceLine.replace(/\t/g, ' ')];
  const before = inertLine(chars.slice(0, Math.max(0, problem.col - 1)).join(''));
  const line = inertLine(chars.join(''));
  const shown = line.length > 200 ? `${line.slice(0, 200)}…` : line;
  const caret = `${' '.repeat(Math.min([...before].length, 200))}^`;
  return `${head}\n  ${shown}\n  ${colour.red(caret)}`;
}

export function printProblems(problems: readonly SourceProblem[]): void {
  for (const problem of problems) writeStderr(`${formatProblem(problem)}\n`);
}

/** Problems shown as warnings (in yellow where colours are on). */
export function printProblemWarnings(problems: readonly SourceProblem[]): void {
  for (const problem of problems) writeStderr(`${formatProblem(problem, errorStyle().yellow)}\n`);
}

/** The columns `text` takes on a terminal: wide (CJK) characters take two, colours none. */
export function columns(text: string): number {
  // Printable characters below the combining accents (U+0300), no escape among them, take one column
  // each: counted as such, without string-width, which builds its escape-stripping pattern anew at
  // every call. (`history` over 5,000 records, one hyperfine run, median of 20: 262 → 220 ms on
  // Node 22, 209 → 168 ms on Node 24.)
  return NARROW.test(text) ? text.length : stringWidth(text);
}

/** Text whose every character takes exactly one column: printable ASCII, Latin to U+02FF, typographic dashes and quotes. */
const NARROW = /^[\x20-\x7e\xa0-\u02ff\u2010-\u2027]*$/;

/**
 * The width text is laid out to: the terminal's, at most 80 columns. Into a pipe or a file, none:
 * each line stays whole for the programs that read it (grep, an editor jumping to FILE:LINE:COL,
 * a script reading the paths written, a pager that wraps to its own width).
 */
export function screenWidth(stream: { columns?: number; isTTY?: boolean } = process.stdout): number {
  return stream.isTTY ? Math.min(stream.columns || 80, 80) : Number.POSITIVE_INFINITY;
}

/**
 * A space that must not become a line break: before French closing punctuation (`vous ?`, `»`,
 * `:`), after `«`, and inside a number and its unit (`70 %`). A private-use character stands for
 * it while the text is wrapped; it is a plain space again in what is printed.
 */
const GLUE = '\ue000';
const GLUED = [/ (?=[»?!:;%]+(?:[\s,.)]|$))/g, /(?<=«) /g, /(?<=\d) (?=%)/g] as const;

/**
 * Wraps prose to `width` screen columns (the terminal's, at most 80), between words only: a word,
 * a path or a URL is never broken, and one longer than the line goes alone on its own line.
 * `indent` starts every line but the first, and counts in the width. Colours are kept.
 */
export function wrap(text: string, indent = '', width = screenWidth()): string {
  if (width === Number.POSITIVE_INFINITY) return text;
  return text
    .split('\n')
    .map((paragraph) => {
      // A paragraph's own leading spaces stay: `  → suggestion` keeps its place.
      const lead = /^[ \t]*/.exec(paragraph)?.[0] ?? '';
      const room = Math.max(20, width - Math.max(columns(indent), columns(lead)));
      let glued = paragraph.slice(lead.length).replace(/[ \t]+/g, ' ');
      for (const pattern of GLUED) glued = glued.replace(pattern, GLUE);
      const rows = wrapAnsi(glued, room, { hard: false, trim: true }).replaceAll(GLUE, ' ').split('\n');
      return rows.map((row, index) => (row === '' ? '' : `${index === 0 ? lead : indent}${row}`)).join('\n');
    })
    .join('\n');
}

/**
 * `text` cut to `width` columns at the end of a word, with `…` when something was cut: a summary
 * never ends in half a word ("j'ai impr…"). A first word longer than the width is cut inside.
 */
export function fitWords(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (columns(flat) <= width) return flat;
  let kept = '';
  for (const word of flat.split(' ')) {
    const next = kept === '' ? word : `${kept} ${word}`;
    if (columns(next) + 1 > width) break;
    kept = next;
  }
  if (kept === '') {
    for (const char of flat) {
      if (columns(kept + char) + 1 > width) break;
      kept += char;
    }
  }
  return `${kept.replace(/[\s,;:.]+$/, '')}…`;
}

/**
 * `  label  value`, the labels padded to `labelWidth` columns; a value that would not fit on the
 * line (a long path) goes on its own line under the label, whole, where a terminal wraps it only
 * if it is wider than the screen itself.
 */
export function labelled(label: string, labelWidth: number, value: string, width = screenWidth()): string {
  const line = `  ${padColumns(label, labelWidth)} ${value}`;
  if (columns(line) <= width || value.includes('\n')) return line;
  const indent = columns(value) + 4 <= width ? '    ' : '';
  return `  ${label}\n${indent}${value}`;
}

/** `text` padded with spaces to `width` screen columns. */
export function padColumns(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - columns(text)));
}

export interface TableRow {
  cells: readonly string[];
  colour?: (text: string) => string;
}

/** A bold header, then rows in aligned columns (measured in screen columns; the last one unpadded); the rows are results. */
export function printTable(header: readonly string[], rows: readonly TableRow[]): void {
  // Each cell measured once, the last column not at all (it is not padded), where every cell was
  // measured twice: `history` over 5,000 records, one hyperfine run, median of 20, 266 → 220 ms on
  // Node 22, 198 → 168 ms on Node 24.
  const measure = (cells: readonly string[]): number[] => cells.slice(0, -1).map(columns);
  const headerWidths = measure(header);
  const rowWidths = rows.map(({ cells }) => measure(cells));
  const widths = [...headerWidths];
  for (const cellWidths of rowWidths)
    cellWidths.forEach((width, column) => {
      widths[column] = Math.max(widths[column] ?? 0, width);
    });
  const line = (cells: readonly string[], cellWidths: readonly number[]): string => {
    let text = '';
    cells.forEach((cell, column) => {
      text += column === cells.length - 1 ? cell : `${cell}${' '.repeat(Math.max(0, (widths[column] ?? 0) - (cellWidths[column] ?? 0)))}  `;
    });
    return text;
  };
  printInfo(style.bold(line(header, headerWidths)));
  const body = rows.map((row, i) => {
    const text = line(row.cells, rowWidths[i] ?? []);
    return row.colour ? row.colour(text) : text;
  });
  // One write: a table of thousands of rows written line by line spends its time in the writes.
  if (body.length > 0) printResult(body.join('\n'));
}
