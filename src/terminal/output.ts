import { Chalk, type ChalkInstance } from 'chalk';
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
 * value from a file): both are printed through `inert`, so that nothing in them acts on the terminal.
 */
export function printError(text: string): void {
  writeStderr(`${errorStyle().red('calmclient:')} ${inert(text)}\n`);
}

export function printWarning(text: string): void {
  writeStderr(`${errorStyle().yellow(inert(text))}\n`);
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

/** Wraps prose to the terminal's width (at most 80 columns); `indent` starts every line but the first. */
export function wrap(text: string, indent = ''): string {
  const width = Math.min(process.stdout.columns || 80, 80) - indent.length;
  return text
    .split('\n')
    .map((paragraph) => {
      const lines: string[] = [];
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        // French puts a space before » ? ! : ; — never start a line with one of them.
        const clinging = /^[»?!:;]+$/.test(word);
        if (line && line.length + 1 + word.length > width && !clinging) {
          lines.push(line);
          line = word;
        } else {
          line = line ? `${line} ${word}` : word;
        }
      }
      lines.push(line);
      return lines.join(`\n${indent}`);
    })
    .join('\n');
}

export interface TableRow {
  cells: readonly string[];
  colour?: (text: string) => string;
}

/** A bold header, then rows in aligned columns (the last one unpadded); the rows are results. */
export function printTable(header: readonly string[], rows: readonly TableRow[]): void {
  const widths = header.map((title) => title.length);
  for (const { cells } of rows)
    cells.forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, cell.length);
    });
  const line = (cells: readonly string[]): string => {
    let text = '';
    cells.forEach((cell, column) => {
      text += column === cells.length - 1 ? cell : `${cell.padEnd(widths[column] ?? 0)}  `;
    });
    return text;
  };
  printInfo(style.bold(line(header)));
  const body = rows.map((row) => (row.colour ? row.colour(line(row.cells)) : line(row.cells)));
  // One write: a table of thousands of rows written line by line spends its time in the writes.
  if (body.length > 0) printResult(body.join('\n'));
}
