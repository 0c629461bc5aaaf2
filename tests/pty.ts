import { spawn, type IPty } from 'node-pty';
import { stripVTControlCharacters } from 'node:util';
import { BIN, cliEnv, ROOT } from './helpers.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The built CLI in a pseudo-terminal, driven like a person: wait until something shows on the
 * screen, then type. `waitFor` only looks at what appeared since the previous match.
 */
export class PtySession {
  private output = '';
  private cursor = 0;
  readonly exited: Promise<{ exitCode: number; signal?: number }>;

  private constructor(private readonly pty: IPty) {
    pty.onData((data) => {
      this.output += data;
    });
    this.exited = new Promise((resolve) => pty.onExit(resolve));
  }

  static start(args: string[], home: string, env: NodeJS.ProcessEnv = {}): PtySession {
    const pty = spawn(process.execPath, [BIN, ...args], {
      name: 'xterm-256color',
      cols: 100,
      rows: 40,
      cwd: ROOT,
      env: cliEnv(home, env) as Record<string, string>,
    });
    return new PtySession(pty);
  }

  /** Everything shown so far, without colours and cursor moves. */
  screen(): string {
    return stripVTControlCharacters(this.output);
  }

  async waitFor(pattern: string | RegExp, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rest = this.screen().slice(this.cursor);
      const index = typeof pattern === 'string' ? rest.indexOf(pattern) : rest.search(pattern);
      if (index >= 0) {
        this.cursor += index + 1;
        return;
      }
      if (Date.now() > deadline)
        throw new Error(`"${String(pattern)}" did not appear. Screen since last match:\n${rest.slice(-2000)}`);
      await pause(20);
    }
  }

  /** Types text the way a paste arrives, then lets the screen settle. */
  async type(text: string): Promise<void> {
    this.pty.write(text);
    await pause(120);
  }

  async press(key: 'enter' | 'down' | 'space' | 'ctrl-c'): Promise<void> {
    const sequences = { enter: '\r', down: '\u001b[B', space: ' ', 'ctrl-c': '\u0003' } as const;
    this.pty.write(sequences[key]);
    await pause(120);
  }

  kill(signal?: 'SIGHUP' | 'SIGTERM'): void {
    try {
      this.pty.kill(signal);
    } catch {
      // Already gone: tests kill in `finally` whatever happened before.
    }
  }
}
