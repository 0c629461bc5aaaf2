import { spawn, type IPty } from 'node-pty';
import { readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { BIN, cliEnv, ROOT } from '../helpers.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The built CLI in a pseudo-terminal, for the tests of issue 13 that need one: signals sent to the
 * CLI's own process from outside, the terminal's settings after it exits, two runs at once. With
 * `shell`, the CLI runs under `sh`, which then prints its exit code and `stty -a`: the state the
 * CLI left the terminal in.
 */
export class Terminal {
  private output = '';
  private cursor = 0;
  readonly exited: Promise<{ exitCode: number; signal?: number }>;

  private constructor(
    private readonly pty: IPty,
    /** The CLI runs under `sh`: its process is the shell's child. */
    private readonly shell: boolean,
  ) {
    pty.onData((data) => {
      this.output += data;
    });
    this.exited = new Promise((resolve) => pty.onExit(resolve));
  }

  static start(args: readonly string[], home: string, options: { shell?: boolean; env?: NodeJS.ProcessEnv } = {}): Terminal {
    const env = cliEnv(home, options.env) as Record<string, string>;
    const quoted = [process.execPath, BIN, ...args].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
    const [file, argv] = options.shell ? ['sh', ['-c', `${quoted}; echo "EXIT=$?"; stty -a`]] : [process.execPath, [BIN, ...args]];
    return new Terminal(spawn(file, argv, { name: 'xterm-256color', cols: 120, rows: 40, cwd: ROOT, env }), options.shell === true);
  }

  /** Everything shown so far, without colours and cursor moves. */
  screen(): string {
    return stripVTControlCharacters(this.output);
  }

  /** Everything sent to the terminal, escapes included. */
  raw(): string {
    return this.output;
  }

  async waitFor(pattern: string | RegExp, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rest = this.screen().slice(this.cursor);
      const index = typeof pattern === 'string' ? rest.indexOf(pattern) : rest.search(pattern);
      if (index >= 0) {
        this.cursor += index + 1;
        return;
      }
      if (Date.now() > deadline) throw new Error(`"${String(pattern)}" did not appear. Screen since last match:\n${rest.slice(-3000)}`);
      await pause(25);
    }
  }

  async type(text: string): Promise<void> {
    this.pty.write(text);
    await pause(150);
  }

  /** The CLI's own process: the terminal's, or the child of `sh` with `shell`. */
  async cliPid(): Promise<number> {
    // Without a shell, the terminal's process is the CLI (waiting for a child it never has took 10 s).
    if (!this.shell) return this.pty.pid;
    const deadline = Date.now() + 10_000;
    for (;;) {
      let children = '';
      try {
        children = readFileSync(`/proc/${this.pty.pid}/task/${this.pty.pid}/children`, 'utf8').trim();
      } catch {
        return this.pty.pid;
      }
      const [child] = children.split(/\s+/).filter(Boolean);
      if (child) return Number(child);
      if (Date.now() > deadline) return this.pty.pid;
      await pause(25);
    }
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    try {
      this.pty.kill(signal);
    } catch {
      // Already gone.
    }
  }
}
