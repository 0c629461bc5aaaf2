import { describe, expect, it } from 'vitest';
import { PtySession, type Key } from '../pty.js';

/**
 * The pseudo-terminal driver itself (tests/pty.ts), against a small program that shows what it
 * receives: the bytes of each key, on a line of their own, with the time since the previous key.
 */
const ECHO_KEYS = `
const modes = process.argv.slice(1);
if (modes.includes('app-cursor')) process.stdout.write('\\u001b[?1h');
if (modes.includes('bracketed-paste')) process.stdout.write('\\u001b[?2004h');
process.stdin.setRawMode(true);
let last = Date.now();
process.stdout.write('ready\\r\\n');
process.stdin.on('data', (data) => {
  const now = Date.now();
  process.stdout.write('got:' + data.toString('hex') + ' +' + (now - last) + 'ms\\r\\n');
  last = now;
  if (data.toString() === 'q') process.exit(0);
});
`;

function echoKeys(...modes: string[]): PtySession {
  return PtySession.spawn(process.execPath, ['-e', ECHO_KEYS, ...modes]);
}

/** A program that prints `text` and exits. */
function printing(text: string, options: { cols?: number } = {}): PtySession {
  return PtySession.spawn(process.execPath, ['-e', `process.stdout.write(${JSON.stringify(text)})`], options);
}

describe('PtySession', () => {
  it('sends each key as a terminal does', async () => {
    const session = echoKeys();
    try {
      await session.waitForScreen('ready');
      const keys: [Key, string][] = [
        ['enter', '0d'],
        ['escape', '1b'],
        ['backspace', '7f'],
        ['up', '1b5b41'],
        ['down', '1b5b42'],
        ['right', '1b5b43'],
        ['left', '1b5b44'],
        ['tab', '09'],
        ['space', '20'],
        ['ctrl-c', '03'],
        ['ctrl-d', '04'],
      ];
      for (const [key, hex] of keys) {
        await session.press(key);
        await session.waitFor(`got:${hex} `);
      }
      await session.type('q');
      expect(await session.exited).toMatchObject({ exitCode: 0 });
    } finally {
      session.dispose();
    }
  });

  it('sends the arrows of "application cursor keys" mode when the program asks for it', async () => {
    const session = echoKeys('app-cursor');
    try {
      await session.waitForScreen('ready');
      await session.press('up');
      await session.waitForScreen('got:1b4f41 ');
    } finally {
      session.dispose();
    }
  });

  it('pastes lines with Enter between them, in bracketed-paste marks when the program asks for them', async () => {
    const plain = echoKeys();
    const bracketed = echoKeys('bracketed-paste');
    try {
      await plain.waitForScreen('ready');
      await plain.paste('a\nb');
      await plain.waitForScreen('got:610d62 ');
      await bracketed.waitForScreen('ready');
      await bracketed.paste('a\nb');
      await bracketed.waitForScreen(`got:${Buffer.from('\u001b[200~a\rb\u001b[201~').toString('hex')} `);
    } finally {
      plain.dispose();
      bracketed.dispose();
    }
  });

  it('sends an Enter no sooner than 30 ms after the previous key reached a program with bracketed paste on', async () => {
    // Bracketed paste on: a prompt that tells a paste from typing by the time between keys (calmclient's multi-line one).
    const session = echoKeys('bracketed-paste');
    try {
      await session.waitForScreen('ready');
      await session.type('x');
      await session.waitForScreen('got:78 ');
      await session.press('enter');
      await session.waitForScreen('got:0d ');
      await session.press('enter');
      await session.waitUntil((s) => s.lines().filter((line) => line.startsWith('got:0d ')).length === 2, 'the second Enter');
      const gaps = session
        .lines()
        .filter((line) => line.startsWith('got:0d '))
        .map((line) => Number(/\+(\d+)ms/.exec(line)?.[1]));
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(25);
    } finally {
      session.dispose();
    }
  });

  it('shows the screen after cursor moves and clears, and keeps the whole output apart', async () => {
    const session = printing('one\r\ntwo\r\nthree\u001b[2J\u001b[Hfresh\r\n  indented  \r\n\u001b[1A\u001b[2Kreplaced');
    await session.exited;
    expect(session.screen()).toBe('fresh\nreplaced');
    expect(session.lines()).toHaveLength(24);
    expect(session.cursorRow()).toBe(1);
    expect(session.textBeforeCursor()).toBe('fresh replaced');
    expect(session.output()).toContain('three');
    session.dispose();
  });

  it('tells the rows the terminal wrapped at its edge from the lines the program broke', async () => {
    const session = printing(`${'x'.repeat(100)}\r\nshort words on\r\ntwo lines`, { cols: 80 });
    await session.exited;
    expect(session.wrappedRows()).toEqual([1]);
    expect(session.unwrappedLines().slice(0, 3)).toEqual(['x'.repeat(100), 'short words on', 'two lines']);
    expect(session.screenText()).toBe(`${'x'.repeat(100)} short words on two lines`);
    expect(session.textBeforeCursor()).toBe(`${'x'.repeat(100)} short words on two lines`);
    session.dispose();
  });

  it('fails a wait at once when the program exits without showing it, and prints the screen', async () => {
    const session = printing('bye for now');
    const started = Date.now();
    await expect(session.waitForScreen('never shown', 10_000)).rejects.toThrow(/never shown.*exited[\s\S]*│bye for now/);
    expect(Date.now() - started).toBeLessThan(5_000);
    session.dispose();
  });
});
