import { spawn, type IPty } from 'node-pty';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlaybookFile } from '../../src/playbook/load.js';
import { BIN, cliEnv, ROOT, tempDir } from '../helpers.js';
import { answers, ok, record, rewriteRecord, savedId } from '../loop-helpers.js';

/** Collects what the terminal shows and waits for a text; gives up (failing the test) after `limit` ms. */
function terminal(home: string, args: string[]) {
  const pty: IPty = spawn(process.execPath, [BIN, ...args], {
    name: 'xterm',
    cols: 200,
    rows: 40,
    cwd: ROOT,
    // node-pty types its env as strings only; cliEnv holds no undefined value.
    env: cliEnv(home) as Record<string, string>,
  });
  let screen = '';
  const exited = new Promise<number>((resolve) => pty.onExit(({ exitCode }) => resolve(exitCode)));
  pty.onData((data) => (screen += data));
  const waitFor = (text: string, limit = 15_000): Promise<void> =>
    new Promise((resolve, reject) => {
      const started = Date.now();
      const poll = setInterval(() => {
        if (screen.includes(text)) {
          clearInterval(poll);
          resolve();
        } else if (Date.now() - started > limit) {
          clearInterval(poll);
          reject(new Error(`"${text}" never appeared; the terminal showed:\n${screen}`));
        }
      }, 20);
    });
  return { pty, exited, waitFor, screen: () => screen };
}

/** What the terminal shows when the first step of a built-in English playbook is asked. */
function firstPrompt(playbook: string): string {
  const first = loadPlaybookFile(join(ROOT, 'playbooks', 'en', `${playbook}.yaml`), 'en').steps[0];
  return first?.type === 'advice' ? 'Press Enter to go on' : (first?.message ?? '');
}

describe('calmclient followup in a terminal', () => {
  it('lets the user pick among several open sessions, newest first', async () => {
    const home = tempDir();
    const older = savedId(ok(['start', '--answers', answers('crisis-en.yaml')], home).stdout);
    rewriteRecord(home, older, { createdAt: '2026-01-05T09:00:00.000Z' });
    const newer = savedId(ok(['start', '--answers', answers('crisis-en.yaml'), '--client', 'Martin SARL'], home).stdout);

    const session = terminal(home, ['followup']);
    try {
      await session.waitFor('Which session do you follow up?');
      expect(session.screen().indexOf('Martin SARL')).toBeLessThan(session.screen().indexOf('Dupont & Fils'));
      session.pty.write('\u001b[B');
      session.pty.write('\r');
      await session.waitFor(`Following up with Dupont & Fils: crisis session ${older}`);
      await session.waitFor(firstPrompt('followup'));
      session.pty.write('\u0003');
      expect(await session.exited).toBe(130);
      expect(session.screen()).toContain('Cancelled. Nothing was written.');
    } finally {
      session.pty.kill();
    }
    expect(record(home, older).status).toBe('open');
    expect(record(home, newer).status).toBe('open');
  });
});

describe('calmclient checklist in a terminal', () => {
  it('shows the client\'s past incidents and lessons before the first question', async () => {
    const home = tempDir();
    ok(['start', '--answers', answers('crisis-en.yaml')], home);
    const session = terminal(home, ['checklist', '--client', 'dupont & fils']);
    try {
      const question = firstPrompt('prevention');
      await session.waitFor(question);
      const screen = session.screen();
      const past = screen.indexOf('what happened with dupont & fils');
      expect(past).toBeGreaterThan(-1);
      expect(screen.indexOf('Plan a buffer day before any launch')).toBeGreaterThan(past);
      expect(screen.indexOf('Plan a buffer day before any launch')).toBeLessThan(screen.lastIndexOf(question));
      session.pty.write('\u0003');
      expect(await session.exited).toBe(130);
    } finally {
      session.pty.kill();
    }
  });
});
