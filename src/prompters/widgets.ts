import {
  createPrompt,
  isBackspaceKey,
  isDownKey,
  isEnterKey,
  isNumberKey,
  isSpaceKey,
  isUpKey,
  useEffect,
  useKeypress,
  useRef,
  useState,
  type KeypressEvent,
} from '@inquirer/core';
import type { ChalkInstance } from 'chalk';
import { BACK, type Back } from '../engine/run.js';
import { columns, fitWords, screenWidth, wrap } from '../terminal/output.js';

/**
 * The prompts of a playbook step, built on @inquirer/core: a list (one choice or several), a line,
 * several lines typed in place (an editor would pull a stressed user out of the call), and an
 * advice card. Each one draws the whole step, so that `?` can open and fold its details in place:
 *
 *   ── step 4/20 · The tone                     the frame's head: progress, trail, what to do now
 *   Dupont · "The site is still down" (+1)
 *   ▸ Name the tone you hear: your answer adapts to it.
 *   (details, when open: the reasons, examples and pitfalls)
 *   ? How does the client sound?                 the question
 *   ❯ Worried                                    the answer
 *   ↑↓ move • ⏎ choose • ? reasons • Esc back   the keys
 *
 * Every prompt resolves with its answer, or `BACK` when the user asked for the previous question
 * (Escape; Backspace and Left too in a list, where they mean nothing else).
 */

/** The words of the key hints, in the user's language. */
export interface KeyWords {
  move: string;
  choose: string;
  tick: string;
  confirm: string;
  all: string;
  invert: string;
  space: string;
  details: string;
  fold: string;
  back: string;
  escape: string;
  newLine: string;
  finish: string;
  goOn: string;
  tab: string;
  /** The hint of Tab when a line has a default: it types the default in. */
  keep: (value: string) => string;
}

/** What every step prompt draws around its question. */
export interface Frame {
  /** The lines above the question (already laid out to the width). */
  head: string;
  /** The details `?` opens ('' when the step has none). */
  details: string;
  /** Whether the details are shown from the start (advice not read yet). */
  open: boolean;
  /**
   * What shows from the start when `open` and the whole details would not fit the screen (the
   * reasons without the examples, say); `?` then shows the rest. Defaults to the whole details.
   */
  opening?: string;
  /** Whether Escape leads anywhere. */
  canGoBack: boolean;
  words: KeyWords;
  colours: ChalkInstance;
  /** Called when the details are opened, by `?` or from the start. */
  onOpen?: () => void;
}

/** Keys that arrive faster than this after the previous one are a paste, not typing. */
export const PASTE_GAP_MS = 25;

/** Bracketed paste: the terminal marks pasted text, so that its line breaks are never taken for Enter. */
const PASTE_ON = '\u001b[?2004h';
const PASTE_OFF = '\u001b[?2004l';
const CURSOR_HIDE = '\u001b[?25l';

/** How much of the details shows: none, the opening part, all of it. */
type Shown = 'none' | 'opening' | 'all';

/** The frame's `?` key, and how much of its details shows. */
function useFrame(frame: Frame): { open: boolean; shown: Shown; toggle: () => void } {
  const partial = frame.opening !== undefined && frame.opening !== frame.details;
  const [shown, setShown] = useState<Shown>(frame.open ? (partial ? 'opening' : 'all') : 'none');
  const opened = useRef(false);
  useEffect(() => {
    if (frame.open && !opened.current) {
      opened.current = true;
      frame.onOpen?.();
    }
  }, []);
  const toggle = (): void => {
    if (frame.details === '') return;
    if (shown === 'none' && !opened.current) {
      opened.current = true;
      frame.onOpen?.();
    }
    setShown(shown === 'all' ? 'none' : 'all');
  };
  return { open: shown === 'all', shown, toggle };
}

/** The frame above a question: head, then the details as far as they show. */
function above(frame: Frame, shown: Shown): string {
  const details = shown === 'all' ? frame.details : shown === 'opening' ? (frame.opening ?? frame.details) : '';
  return details !== '' ? `${frame.head}\n${details}\n` : `${frame.head}\n`;
}

type Hint = readonly [key: string, action: string];

/**
 * `⏎ choose • ? reasons • Esc back`, dim, cut between hints (never inside one) to the width: the
 * step's own keys, `?` and Escape come first, `extras` only when there is room left.
 */
function keyLine(frame: Frame, open: boolean, hints: readonly Hint[], extras: readonly Hint[] = []): string {
  const { colours: c, words } = frame;
  const all: Hint[] = [...hints];
  if (frame.details !== '') all.push(['?', open ? words.fold : words.details]);
  if (frame.canGoBack) all.push([words.escape, words.back]);
  all.push(...extras);
  const separator = c.dim(' • ');
  const room = Math.min(79, screenWidth() - 1);
  let line = '';
  let width = 0;
  for (const [key, action] of all) {
    const plain = `${key} ${action}`;
    const added = (width === 0 ? 0 : 3) + columns(plain);
    if (width + added > room) continue;
    line += `${width === 0 ? '' : separator}${c.bold(key)} ${c.dim(action)}`;
    width += added;
  }
  return line;
}

/** The question, bold, wrapped to the width; the answer goes under it. */
function question(frame: Frame, message: string, status: 'idle' | 'done'): string {
  const prefix = status === 'done' ? frame.colours.green('✔') : frame.colours.blue('?');
  return `${prefix} ${frame.colours.bold(wrap(message, '  '))}`;
}

/** Keys that are text to insert: a character, or several (a paste without bracketed paste, or a composed one). */
function typedText(key: KeypressEvent): string | undefined {
  const event = key as KeypressEvent & { sequence?: string; meta?: boolean };
  const text = event.sequence;
  if (!text || event.ctrl || event.meta || key.name === 'escape') return undefined;
  if (isEnterKey(key) || key.name === 'tab' || isBackspaceKey(key) || key.name === 'delete') return undefined;
  // eslint-disable-next-line no-control-regex
  return /^[^\u0000-\u001f\u007f]+$/.test(text) ? text : undefined;
}

/** The mutable fields of readline's line that the screen manager places the cursor from. */
type EditableLine = { line: string; cursor: number };
const editable = (rl: unknown): EditableLine => rl as EditableLine;

// ─── A list: one choice (select, yes/no) or several (checkbox) ───────────────────────────────

export interface ListChoice<T> {
  value: T;
  label: string;
  hint?: string | undefined;
}

export interface ListConfig<T> {
  frame: Frame;
  message: string;
  choices: readonly ListChoice<T>[];
  multiple: boolean;
  /** The choice the pointer starts on (one choice), or those ticked (several). */
  initial: readonly T[];
  /** An error message, or undefined when the ticked choices will do (several). */
  validate?: (values: readonly T[]) => string | undefined;
  /** Rows of choices shown at once. */
  pageSize: number;
}

export type ListAnswer<T> = { values: T[] } | Back;

export const choiceList = createPrompt(<T,>(config: ListConfig<T>, done: (answer: ListAnswer<T>) => void) => {
  const { frame, choices, multiple } = config;
  const { colours: c, words } = frame;
  const { open, shown, toggle } = useFrame(frame);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const first = choices.findIndex((choice) => config.initial.includes(choice.value));
  const [active, setActive] = useState(multiple || first < 0 ? 0 : first);
  const [ticked, setTicked] = useState<readonly T[]>(multiple ? config.initial : []);
  const [error, setError] = useState<string | undefined>(undefined);

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    const typed = rl.line;
    rl.clearLine(0);
    if (isEnterKey(key)) {
      const values = multiple ? choices.map((choice) => choice.value).filter((value) => ticked.includes(value)) : [choices[active]?.value as T];
      const problem = multiple ? config.validate?.(values) : undefined;
      if (problem !== undefined) return setError(problem);
      setStatus('done');
      done({ values });
    } else if (key.name === 'escape' || isBackspaceKey(key) || key.name === 'left') {
      if (frame.canGoBack) {
        setStatus('done');
        done(BACK);
      }
    } else if (typed === '?' || typed.endsWith('?')) {
      toggle();
    } else if (isUpKey(key) || isDownKey(key)) {
      setActive((active + (isUpKey(key) ? -1 : 1) + choices.length) % choices.length);
    } else if (multiple && isSpaceKey(key)) {
      setError(undefined);
      const value = choices[active]?.value as T;
      setTicked(ticked.includes(value) ? ticked.filter((other) => other !== value) : [...ticked, value]);
    } else if (multiple && key.name === 'a') {
      setError(undefined);
      setTicked(ticked.length === choices.length ? [] : choices.map((choice) => choice.value));
    } else if (multiple && key.name === 'i') {
      setError(undefined);
      setTicked(choices.map((choice) => choice.value).filter((value) => !ticked.includes(value)));
    } else if (isNumberKey(key)) {
      const index = Number(key.name) - 1;
      if (index >= 0 && index < choices.length) setActive(index);
    } else if (!multiple && typed.trim() !== '') {
      // The first letters of a label move the pointer to it.
      const match = choices.findIndex((choice) => choice.label.toLowerCase().startsWith(typed.trim().toLowerCase()));
      if (match >= 0) setActive(match);
    }
  });

  if (status === 'done') {
    const picked = multiple ? choices.filter((choice) => ticked.includes(choice.value)) : [choices[active]];
    const shown = picked.map((choice) => choice?.label ?? '').join(', ');
    return `${question(frame, config.message, 'done')} ${c.cyan(fitWords(shown, 60))}`;
  }
  const size = Math.min(config.pageSize, choices.length);
  const start = Math.min(Math.max(0, active - Math.floor(size / 2)), choices.length - size);
  const rows = choices.slice(start, start + size).map((choice, offset) => {
    const index = start + offset;
    const pointer = index === active ? c.cyan('❯') : ' ';
    const box = multiple ? (ticked.includes(choice.value) ? c.green('◉ ') : '◯ ') : '';
    const label = index === active ? c.cyan(choice.label) : choice.label;
    return `${pointer} ${box}${label}`;
  });
  if (start > 0) rows[0] = `${rows[0]}  ${c.dim('↑')}`;
  if (start + size < choices.length) rows[rows.length - 1] = `${rows[rows.length - 1]}  ${c.dim('↓')}`;
  const hint = choices[active]?.hint;
  const keys = multiple
    ? keyLine(
        frame,
        open,
        [
          ['↑↓', words.move],
          [words.space, words.tick],
          ['⏎', words.confirm],
        ],
        [
          ['a', words.all],
          ['i', words.invert],
        ],
      )
    : keyLine(frame, open, [
        ['↑↓', words.move],
        ['⏎', words.choose],
      ]);
  const lines = [
    `${above(frame, shown)}${question(frame, config.message, 'idle')}`,
    ...rows,
    hint ? c.dim(`  ${fitWords(hint, 76)}`) : '',
    ...(error === undefined ? [] : [c.red(wrap(`> ${error}`, '  '))]),
    keys,
  ];
  return `${lines.join('\n')}${CURSOR_HIDE}`;
});

// ─── One line of text (input, date) ──────────────────────────────────────────────────────────

/** What a line makes of the text typed so far, said under it as it is typed (a date written out). */
export interface LineEcho {
  said?: string;
}

export interface LineConfig {
  frame: Frame;
  message: string;
  /** Said after the question while it is asked (examples), not in the answer. */
  hint?: string | undefined;
  /** Said under the line while it is typed. */
  echo?: (typed: string) => LineEcho;
  /** Typed in already, editable (an answer given before, the day a time step proposes). */
  prefill?: string | undefined;
  /** Taken when Enter is pressed on an empty line (Tab types it in). */
  fallback?: string | undefined;
  /** An error message, or undefined when the line will do. */
  validate: (value: string) => string | undefined;
}

export type LineAnswer = { value: string } | Back;

export const lineInput = createPrompt((config: LineConfig, done: (answer: LineAnswer) => void) => {
  const { frame } = config;
  const { colours: c, words } = frame;
  const { open, shown, toggle } = useFrame(frame);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [value, setValue] = useState(config.prefill ?? '');
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect((rl) => {
    if (config.prefill) rl.write(config.prefill);
  }, []);

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (isEnterKey(key)) {
      const answer = (value.trim() === '' ? (config.fallback ?? '') : value).trim();
      const problem = config.validate(answer);
      if (problem !== undefined) {
        // Readline cleared the line on Enter: what was typed stays, to be corrected.
        rl.write(value);
        return setError(problem);
      }
      setValue(answer);
      setStatus('done');
      done({ value: answer });
    } else if (key.name === 'escape') {
      if (frame.canGoBack) {
        setStatus('done');
        done(BACK);
      } else {
        setValue(rl.line);
      }
    } else if (rl.line === '?' && value === '' && frame.details !== '') {
      rl.clearLine(0);
      toggle();
    } else if (key.name === 'tab' && rl.line.trim() === '' && config.fallback) {
      rl.clearLine(0);
      rl.write(config.fallback);
      setValue(config.fallback);
    } else {
      setError(undefined);
      setValue(rl.line);
    }
  });

  if (status === 'done') {
    // What was understood, when it says more than what was typed (`le 7` → Monday 7 December 2026).
    const understood = config.echo?.(value).said;
    const said = understood !== undefined && understood !== value.trim() ? c.dim(` → ${understood}`) : '';
    return `${question(frame, config.message, 'done')} ${c.cyan(fitWords(value, 60))}${said}`;
  }
  const keys = keyLine(frame, open, [
    ['⏎', words.confirm],
    ...(config.fallback && value === '' ? ([[words.tab, words.keep(config.fallback)]] as const) : []),
  ]);
  const asked = config.hint ? `${config.message} ${c.dim(config.hint)}` : config.message;
  const content = `${above(frame, shown)}${question(frame, asked, 'idle')}\n  ${c.cyan('›')} ${value}`;
  // Under the line: why it was refused, else what is understood of it, else what Enter takes when it is empty.
  const said = value.trim() !== '' ? config.echo?.(value).said : undefined;
  const taken = value.trim() === '' && config.fallback ? (config.echo?.(config.fallback).said ?? config.fallback) : undefined;
  const under =
    error !== undefined
      ? [c.red(wrap(`> ${error}`, '  '))]
      : said !== undefined
        ? [c.dim(wrap(`  → ${said}`, '    '))]
        : taken !== undefined
          ? [c.dim(wrap(`  ⏎ ${taken}`, '    '))]
          : [];
  return [content, [...under, keys].join('\n')];
});

// ─── Several lines of text, typed in place ───────────────────────────────────────────────────

export interface TextConfig {
  frame: Frame;
  message: string;
  /** Typed in already, editable (an answer given before). */
  prefill?: string | undefined;
  /** An error message, or undefined when the answer will do. */
  validate: (value: string) => string | undefined;
  /** The clock the paste detection reads; tests move it by hand. */
  now?: () => number;
  /** Told everything typed so far at each change, so that a stop (Ctrl-C, a signal) loses none of it. */
  onChange?: (typed: string) => void;
}

export type TextAnswer = { value: string } | Back;

interface Editor {
  lines: readonly string[];
  row: number;
  col: number;
  /** The column Up and Down aim for: the cursor keeps it across a shorter line (an empty one). */
  goal?: number;
}

/** `lines` with `text` (which may hold line breaks) inserted at the cursor. */
function insert({ lines, row, col }: Editor, text: string): Editor {
  const current = lines[row] ?? '';
  const pieces = text.split('\n');
  const before = current.slice(0, col);
  const after = current.slice(col);
  if (pieces.length === 1) {
    return { lines: lines.with(row, before + text + after), row, col: col + text.length };
  }
  const middle = pieces.slice(1, -1);
  const last = pieces[pieces.length - 1] ?? '';
  const replaced = [before + (pieces[0] ?? ''), ...middle, last + after];
  return { lines: [...lines.slice(0, row), ...replaced, ...lines.slice(row + 1)], row: row + pieces.length - 1, col: last.length };
}

/**
 * Each line of the answer on its own row, the cursor anywhere in it: Up and Down move between the
 * lines (they never recall an earlier line into this one), Left and Right cross line ends, Enter
 * breaks the line, Backspace at the start of a line joins it to the one above (Delete at the end,
 * to the one below). Enter on an empty last line finishes. A paste arrives as lines, in place:
 * marked by the terminal (bracketed paste), or told apart by its speed, its empty lines kept.
 */
export const textArea = createPrompt((config: TextConfig, done: (answer: TextAnswer) => void) => {
  const { frame } = config;
  const { colours: c, words } = frame;
  const { open, shown: detailsShown, toggle } = useFrame(frame);
  const clock = config.now ?? Date.now;
  const initial = config.prefill ? config.prefill.split('\n') : [''];
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [editor, setEditor] = useState<Editor>({ lines: initial, row: initial.length - 1, col: (initial[initial.length - 1] ?? '').length });
  const [error, setError] = useState<string | undefined>(undefined);
  const lastKeyAt = useRef(0);
  const pasting = useRef(false);
  const lastWasReturn = useRef(false);

  useEffect((rl) => {
    rl.output.unmute();
    rl.output.write(PASTE_ON);
    rl.output.mute();
    return () => {
      rl.output.unmute();
      rl.output.write(PASTE_OFF);
      rl.output.mute();
    };
  }, []);

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    const now = clock();
    const fast = now - lastKeyAt.current < PASTE_GAP_MS;
    lastKeyAt.current = now;
    const { lines, row, col } = editor;
    const line = lines[row] ?? '';
    let next: Editor | undefined;
    const wasReturn = lastWasReturn.current;
    lastWasReturn.current = key.name === 'return';

    if (key.name === 'paste-start' || key.name === 'paste-end') {
      pasting.current = key.name === 'paste-start';
    } else if (isEnterKey(key)) {
      // A pasted \r\n is one line break.
      if (key.name === 'enter' && wasReturn && (pasting.current || fast)) return sync(rl, editor);
      const emptyLast = row === lines.length - 1 && line.trim() === '';
      if (emptyLast && !pasting.current && !fast) {
        const answer = lines.slice(0, row).join('\n').replace(/\s+$/, '');
        const problem = config.validate(answer);
        if (problem !== undefined) {
          setError(problem);
          return sync(rl, editor);
        }
        setEditor({ lines: answer === '' ? [] : answer.split('\n'), row: 0, col: 0 });
        setStatus('done');
        return done({ value: answer });
      }
      next = insert(editor, '\n');
    } else if (key.name === 'escape') {
      if (frame.canGoBack) {
        setStatus('done');
        return done(BACK);
      }
    } else if (isUpKey(key) || isDownKey(key)) {
      const target = row + (isUpKey(key) ? -1 : 1);
      const goal = editor.goal ?? col;
      if (target >= 0 && target < lines.length) next = { lines, row: target, col: Math.min(goal, (lines[target] ?? '').length), goal };
    } else if (key.name === 'left') {
      if (col > 0) next = { lines, row, col: col - 1 };
      else if (row > 0) next = { lines, row: row - 1, col: (lines[row - 1] ?? '').length };
    } else if (key.name === 'right') {
      if (col < line.length) next = { lines, row, col: col + 1 };
      else if (row < lines.length - 1) next = { lines, row: row + 1, col: 0 };
    } else if (key.name === 'home' || (key.ctrl && key.name === 'a')) {
      next = { lines, row, col: 0 };
    } else if (key.name === 'end' || (key.ctrl && key.name === 'e')) {
      next = { lines, row, col: line.length };
    } else if (isBackspaceKey(key)) {
      if (col > 0) next = { lines: lines.with(row, line.slice(0, col - 1) + line.slice(col)), row, col: col - 1 };
      else if (row > 0) {
        const above = lines[row - 1] ?? '';
        next = { lines: [...lines.slice(0, row - 1), above + line, ...lines.slice(row + 1)], row: row - 1, col: above.length };
      }
    } else if (key.name === 'delete') {
      if (col < line.length) next = { lines: lines.with(row, line.slice(0, col) + line.slice(col + 1)), row, col };
      else if (row < lines.length - 1) next = { lines: [...lines.slice(0, row), line + (lines[row + 1] ?? ''), ...lines.slice(row + 2)], row, col };
    } else if (key.ctrl && key.name === 'u') {
      next = { lines: lines.with(row, line.slice(col)), row, col: 0 };
    } else {
      const text = typedText(key);
      if (text === '?' && lines.length === 1 && line === '' && frame.details !== '') {
        toggle();
      } else if (text !== undefined) {
        next = insert(editor, text);
      }
    }
    if (next) {
      setError(undefined);
      setEditor(next);
      if (next.lines !== lines) config.onChange?.(next.lines.join('\n'));
    }
    sync(rl, next ?? editor);
  });

  if (status === 'done') {
    const [first = '', ...rest] = editor.lines;
    const more = rest.length > 0 ? c.dim(` (+${rest.length})`) : '';
    return `${question(frame, config.message, 'done')} ${c.cyan(fitWords(first, 50))}${more}`;
  }
  const { lines, row } = editor;
  const shown = lines.map((line) => `  ${line}`);
  const keys = keyLine(frame, open, [
    ['⏎', words.newLine],
    ['⏎ ⏎', words.finish],
  ]);
  const content = [`${above(frame, detailsShown)}${question(frame, config.message, 'idle')}`, ...shown.slice(0, row + 1)].join('\n');
  const bottom = [...shown.slice(row + 1), ...(error === undefined ? [] : [c.red(wrap(`> ${error}`, '  '))]), keys];
  return [content, bottom.join('\n')];
});

/** Readline's line is the line under the cursor: the screen manager places the cursor from it. */
function sync(rl: unknown, { lines, row, col }: Editor): void {
  const line = editable(rl);
  line.line = lines[row] ?? '';
  line.cursor = col;
}

// ─── An advice card ──────────────────────────────────────────────────────────────────────────

export type AdviceAnswer = { read: true } | Back;

export const adviceCard = createPrompt((config: { frame: Frame }, done: (answer: AdviceAnswer) => void) => {
  const { frame } = config;
  const { open, shown, toggle } = useFrame(frame);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  useKeypress((key, rl) => {
    const typed = rl.line;
    rl.clearLine(0);
    if (status !== 'idle') return;
    if (isEnterKey(key)) {
      setStatus('done');
      done({ read: true });
    } else if (key.name === 'escape' || isBackspaceKey(key) || key.name === 'left') {
      if (frame.canGoBack) {
        setStatus('done');
        done(BACK);
      }
    } else if (typed.endsWith('?')) {
      toggle();
    }
  });
  if (status === 'done') return '';
  return `${above(frame, shown)}${keyLine(frame, open, [['⏎', frame.words.goOn]])}${CURSOR_HIDE}`;
});
