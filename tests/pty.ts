import xterm from '@xterm/headless';
import { spawn, type IPty } from 'node-pty';
import { stripVTControlCharacters } from 'node:util';
import { BIN, cliEnv, ROOT } from './helpers.js';

/**
 * The built CLI in a pseudo-terminal, driven like a person at a real terminal: look at the screen,
 * press a key, look again.
 *
 * What the program prints goes through a terminal emulator (xterm.js, headless), so a test reads
 * the screen a person sees: the visible rows after every cursor move, clear and redraw, not the
 * raw stream. Nothing here sleeps to "let the screen settle": after each key, a test waits for the
 * screen that key must produce, and fails at once, with the screen printed, if the program exits
 * first, or after a deadline if that screen never comes.
 *
 *   const session = PtySession.start(['start', '--lang', 'fr'], home);      // 80×24
 *   await session.waitForScreen('Qui est le client');
 *   await session.type('Dupont');
 *   await session.waitForScreen(/client.*Dupont/);
 *   await session.press('enter');
 *   await session.waitForScreen('étape 1/');
 *
 * - `screen()`, `lines()`, `cursorRow()`: what is on the visible rows right now; `wrappedRows()`
 *   says which rows the terminal wrapped at its right edge, `unwrappedLines()` and `cursorLine()`
 *   join them back; `screenText()` reads the screen as running text, whatever the line breaks, and
 *   `textBeforeCursor()` the same up to the cursor's row (the end of what is being typed);
 * - `waitForScreen(pattern)`: until the visible rows match (a string anywhere in them, or a RegExp
 *   tested against `screen()`, rows joined by "\n"); `waitUntil(check)` for any other condition
 *   on the screen (where the cursor is);
 * - `output()`, `waitFor(pattern)`: the whole stream printed since the start, colours and cursor
 *   moves removed, for what scrolled away or must come in order; `waitFor` looks only past its
 *   previous match; `raw()`, the same stream as sent, escapes included;
 * - `type(text)`, `press(key)`, `paste(text)`: input, written at once (but Enter at a prompt that
 *   times keys: `enterGapMs`);
 * - `exited`, `kill(signal)`, `pid` (to signal the process from outside);
 * - `PtySession.spawn(file, args)` runs any other program the same way (tests/e2e/pty.test.ts).
 *
 * Choose a pattern the screen before the key cannot match already (the next step's counter, the
 * cursor on the next choice): `waitForScreen` resolves as soon as it matches.
 */

export type Key =
  | 'enter'
  | 'escape'
  | 'backspace'
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'tab'
  | 'space'
  | 'ctrl-c'
  | 'ctrl-d';

export interface PtyStartOptions {
  /** `start`: added to the test environment of `cliEnv` (temporary home, no colours, English, TZ). */
  env?: NodeJS.ProcessEnv;
  cols?: number;
  rows?: number;
  /**
   * How long an Enter waits after the previous key and after the screen last changed, while the
   * program has bracketed paste on. The multi-line prompt takes an Enter that comes within 25 ms of
   * the key before it for a line break inside a paste, not for "done" (PASTE_GAP_MS in
   * src/prompters/widgets.ts), and it times the keys as it reads them, which can be later than they
   * were sent: no hand is that fast, so a test that is would see another program. That prompt is
   * the only one that times keys, and the only one that turns bracketed paste on (CSI ? 2004 h), so
   * an Enter anywhere else goes at once, as other keys do (a third of the time of a walk was spent
   * waiting before Enters that nothing timed). 0 sends Enter at once everywhere.
   */
  enterGapMs?: number;
}

export interface PtyExit {
  exitCode: number;
  signal?: number;
}

// @xterm/headless is a CommonJS bundle whose named exports Node cannot see from an ES module.
const { Terminal } = xterm;

export class PtySession {
  private stream = '';
  private streamCursor = 0;
  private parsing = 0;
  private lastKeyAt = 0;
  private lastOutputAt = 0;
  private ended: PtyExit | undefined;
  private readonly listeners = new Set<() => void>();
  readonly exited: Promise<PtyExit>;

  private constructor(
    private readonly pty: IPty,
    private readonly terminal: InstanceType<typeof Terminal>,
    private readonly enterGapMs: number,
  ) {
    pty.onData((data) => {
      this.lastOutputAt = Date.now();
      this.stream += data;
      this.parsing++;
      terminal.write(data, () => {
        this.parsing--;
        this.changed();
      });
    });
    // What the terminal itself answers (a cursor position report, say) goes back to the program.
    terminal.onData((data) => pty.write(data));
    this.exited = new Promise((resolve) =>
      pty.onExit((exit) => {
        // Resolved once the last output is on the screen, so a test reads the final screen.
        terminal.write('', () => {
          this.ended = exit.signal ? { exitCode: exit.exitCode, signal: exit.signal } : { exitCode: exit.exitCode };
          this.changed();
          resolve(this.ended);
        });
      }),
    );
  }

  /** The built CLI with `args`, in the test environment of `cliEnv` for the data folder `home`. */
  static start(args: readonly string[], home: string, options: PtyStartOptions = {}): PtySession {
    return PtySession.spawn(process.execPath, [BIN, ...args], { ...options, env: cliEnv(home, options.env) });
  }

  /** Any program, with `options.env` as its whole environment (the test's own by default). */
  static spawn(file: string, args: readonly string[], options: PtyStartOptions = {}): PtySession {
    const { env = process.env, cols = 80, rows = 24, enterGapMs = 30 } = options;
    const pty = spawn(file, [...args], {
      name: 'xterm-256color',
      cols,
      rows,
      cwd: ROOT,
      // node-pty types its env as strings only.
      env: Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined)),
    });
    const terminal = new Terminal({ cols, rows, scrollback: 1000, allowProposedApi: true });
    return new PtySession(pty, terminal, enterGapMs);
  }

  /** The visible rows, top to bottom, trailing spaces trimmed. */
  lines(): string[] {
    const buffer = this.terminal.buffer.active;
    const rows: string[] = [];
    for (let y = buffer.viewportY; y < buffer.viewportY + this.terminal.rows; y++)
      rows.push(buffer.getLine(y)?.translateToString(true) ?? '');
    return rows;
  }

  /** The visible rows joined by "\n", without the empty rows under the last written one. */
  screen(): string {
    return this.lines().join('\n').replace(/\n+$/, '');
  }

  /**
   * The visible screen as running text: the rows the terminal wrapped joined back, then every run of
   * spaces and line breaks made one space. For a sentence wherever it wrapped, by the terminal or by
   * the program (Inquirer breaks its lines itself, at spaces, to the width).
   */
  screenText(): string {
    return this.unwrappedLines().join('\n').replace(/\s+/g, ' ').trim();
  }

  /**
   * The visible rows with each line the terminal wrapped at the right edge joined back into one,
   * as the program printed it (a hard line break stays a break).
   */
  unwrappedLines(): string[] {
    const buffer = this.terminal.buffer.active;
    const lines: string[] = [];
    for (let y = buffer.viewportY; y < buffer.viewportY + this.terminal.rows; y++) {
      const line = buffer.getLine(y);
      const text = line?.translateToString(true) ?? '';
      if (line?.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
      else lines.push(text);
    }
    return lines;
  }

  /**
   * The screen as running text (see `screenText`) from the top to the end of the cursor's row: what
   * is typed at a prompt ends there, whatever the prompt shows under it. (The row's end, not the
   * cursor's column: Inquirer puts the cursor where readline counts it, which can be elsewhere on
   * that row once the prompt has broken its line.)
   */
  textBeforeCursor(): string {
    const buffer = this.terminal.buffer.active;
    const rows: string[] = [];
    for (let row = 0; row <= buffer.cursorY; row++) {
      const line = buffer.getLine(buffer.viewportY + row);
      const text = line?.translateToString(true) ?? '';
      if (line?.isWrapped && rows.length > 0) rows[rows.length - 1] += text;
      else rows.push(text);
    }
    return rows.join('\n').replace(/\s+/g, ' ').trim();
  }

  /**
   * The visible rows (0 at the top) that continue the row above: the program printed a line wider
   * than the screen, and the terminal broke it where the edge fell, in the middle of a word maybe.
   */
  wrappedRows(): number[] {
    const buffer = this.terminal.buffer.active;
    const rows: number[] = [];
    for (let row = 0; row < this.terminal.rows; row++) if (buffer.getLine(buffer.viewportY + row)?.isWrapped) rows.push(row);
    return rows;
  }

  /** The line the cursor is on, wrapped rows joined back (what a prompt shows of the answer being typed). */
  cursorLine(): string {
    const buffer = this.terminal.buffer.active;
    let y = buffer.baseY + buffer.cursorY;
    while (y > buffer.viewportY && buffer.getLine(y)?.isWrapped) y--;
    let text = buffer.getLine(y)?.translateToString(true) ?? '';
    while (buffer.getLine(y + 1)?.isWrapped) text += buffer.getLine(++y)?.translateToString(true) ?? '';
    return text;
  }

  /** The row of the cursor on the screen, 0 at the top. */
  cursorRow(): number {
    return this.terminal.buffer.active.cursorY;
  }

  /** Everything printed since the start, without colours and cursor moves, scrolled-away text included. */
  output(): string {
    return stripVTControlCharacters(this.stream);
  }

  /** Everything printed since the start as the program sent it, escape sequences included. */
  raw(): string {
    return this.stream;
  }

  /** The process in the terminal (for a program run under a shell, the shell's). */
  get pid(): number {
    return this.pty.pid;
  }

  /** Resolves when the visible screen matches `pattern`. */
  waitForScreen(pattern: string | RegExp, timeoutMs = 10_000): Promise<void> {
    return this.until(
      () => matches(this.screen(), pattern),
      () => `the screen never showed ${String(pattern)}`,
      () => this.screen(),
      timeoutMs,
    );
  }

  /**
   * Resolves when `check` holds for what the screen shows (the cursor on an empty row under a typed
   * line, say); `what` names it in the failure.
   */
  waitUntil(check: (session: PtySession) => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    return this.until(
      () => check(this),
      () => `the screen never showed ${what}`,
      () => `${this.screen()}\n(cursor on row ${this.cursorRow()})`,
      timeoutMs,
    );
  }

  /** Resolves when `pattern` appears in the output printed since the previous `waitFor` match. */
  waitFor(pattern: string | RegExp, timeoutMs = 10_000): Promise<void> {
    return this.until(
      () => {
        const rest = this.output().slice(this.streamCursor);
        const index = typeof pattern === 'string' ? rest.indexOf(pattern) : rest.search(pattern);
        if (index < 0) return false;
        this.streamCursor += index + 1;
        return true;
      },
      () => `the output never showed ${String(pattern)} after the previous match`,
      () => this.output().slice(this.streamCursor).slice(-3000),
      timeoutMs,
    );
  }

  /** Text as typed (one write: the program receives it as fast as a paste of one line). */
  async type(text: string): Promise<void> {
    this.write(text);
  }

  /** A key; Enter at a prompt that times keys first waits out what is left of `enterGapMs` (see PtyStartOptions). */
  async press(key: Key): Promise<void> {
    // Only a program with bracketed paste on is waited for (see PtyStartOptions.enterGapMs).
    if (key === 'enter' && this.terminal.modes.bracketedPasteMode) {
      const wait = Math.max(this.lastKeyAt, this.lastOutputAt) + this.enterGapMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    this.write(this.sequence(key));
  }

  /**
   * Text pasted into the terminal: line ends become Enter (\r), as a terminal sends them, wrapped in
   * bracketed-paste marks when the program asked for them (CSI ? 2004 h), else written at once.
   */
  async paste(text: string): Promise<void> {
    const body = text.replace(/\r?\n/g, '\r');
    this.write(this.terminal.modes.bracketedPasteMode ? `\u001b[200~${body}\u001b[201~` : body);
  }

  kill(signal?: 'SIGHUP' | 'SIGTERM' | 'SIGINT' | 'SIGKILL'): void {
    if (this.ended) return;
    try {
      this.pty.kill(signal);
    } catch {
      // Already gone: tests kill in `finally` whatever happened before.
    }
  }

  /** Frees the emulator; the pty itself ends with its process (call `kill` first when in doubt). */
  dispose(): void {
    this.kill();
    this.terminal.dispose();
  }

  private sequence(key: Key): string {
    // A terminal in "application cursor keys" mode (DECCKM) sends ESC O A instead of ESC [ A.
    const arrow = (final: string) => (this.terminal.modes.applicationCursorKeysMode ? `\u001bO${final}` : `\u001b[${final}`);
    switch (key) {
      case 'enter':
        return '\r';
      case 'escape':
        return '\u001b';
      case 'backspace':
        return '\u007f';
      case 'up':
        return arrow('A');
      case 'down':
        return arrow('B');
      case 'right':
        return arrow('C');
      case 'left':
        return arrow('D');
      case 'tab':
        return '\t';
      case 'space':
        return ' ';
      case 'ctrl-c':
        return '\u0003';
      case 'ctrl-d':
        return '\u0004';
    }
  }

  private write(data: string): void {
    this.lastKeyAt = Date.now();
    this.pty.write(data);
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /**
   * Checks `done` now and after every piece of output the terminal has drawn. Fails when the program
   * has exited and its last output did not do it, or at the deadline, with what was on the screen.
   */
  private until(done: () => boolean, what: () => string, shown: () => string, timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = (error?: Error) => {
        this.listeners.delete(check);
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      const fail = (why: string) => {
        finish(new Error(`${what()} (${why}). The screen:\n${frame(shown())}`));
      };
      const check = () => {
        if (done()) finish();
        else if (this.ended && this.parsing === 0) fail(`the program exited with ${JSON.stringify(this.ended)}`);
      };
      this.listeners.add(check);
      timer = setTimeout(() => fail(`nothing matched within ${timeoutMs} ms`), timeoutMs);
      check();
    });
  }
}

function matches(text: string, pattern: string | RegExp): boolean {
  if (typeof pattern === 'string') return text.includes(pattern);
  pattern.lastIndex = 0; // a /g or /y pattern would otherwise start where its previous test stopped
  return pattern.test(text);
}

/** The screen between two rules, so that blank rows and trailing text show in a failure. */
function frame(text: string): string {
  return `┌────\n${text.split('\n').map((line) => `│${line}`).join('\n')}\n└────`;
}
