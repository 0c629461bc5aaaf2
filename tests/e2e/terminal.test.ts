import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlaybookFile } from '../../src/playbook/load.js';
import { ROOT, tempDir } from '../helpers.js';
import { answers, ok, record, rewriteRecord, savedId } from '../loop-helpers.js';
import { PtySession } from '../pty.js';

/** What the terminal shows when the first step of a built-in English playbook is asked. */
function firstPrompt(playbook: string): string {
  const first = loadPlaybookFile(join(ROOT, 'playbooks', 'en', `${playbook}.yaml`), 'en').steps[0];
  return first?.type === 'advice' ? '⏎ go on' : (first?.message ?? '');
}

/** The row of a list the pointer is on. */
const pointed = (session: PtySession): string | undefined => session.lines().find((line) => line.startsWith('❯'));

describe('calmclient followup in a terminal', () => {
  it('lets the user pick among several open sessions, newest first', async () => {
    const home = tempDir();
    const older = savedId((await ok(['start', '--answers', answers('crisis-en.yaml')], home)).stdout);
    rewriteRecord(home, older, { createdAt: '2026-01-05T09:00:00.000Z' });
    const newer = savedId((await ok(['start', '--answers', answers('crisis-en.yaml'), '--client', 'Martin SARL'], home)).stdout);

    const session = PtySession.start(['followup'], home);
    try {
      await session.waitForScreen('Which session do you follow up?');
      await session.waitUntil((s) => pointed(s)?.includes('Martin SARL') === true, 'the pointer on the newest session');
      const rows = session.lines();
      const martin = rows.findIndex((line) => line.includes('Martin SARL'));
      const dupont = rows.findIndex((line) => line.includes('Dupont & Fils'));
      expect(martin).toBeGreaterThan(-1);
      expect(dupont).toBeGreaterThan(martin);

      await session.press('down');
      await session.waitUntil((s) => pointed(s)?.includes('Dupont & Fils') === true, 'the pointer on the older session');
      await session.press('enter');
      // The id is long enough to wrap the line: waited for in two parts.
      await session.waitForScreen('Following up with Dupont & Fils: crisis session');
      await session.waitForScreen(older);
      await session.waitForScreen(firstPrompt('followup'));
      await session.press('ctrl-c');
      expect(await session.exited).toMatchObject({ exitCode: 130 });
      expect(session.screen()).toContain('Cancelled. Nothing was written.');
    } finally {
      session.dispose();
    }
    expect(record(home, older).status).toBe('open');
    expect(record(home, newer).status).toBe('open');
  });
});

describe('calmclient checklist in a terminal', () => {
  it("shows the client's past incidents and lessons before the first question", async () => {
    const home = tempDir();
    await ok(['start', '--answers', answers('crisis-en.yaml')], home);
    const session = PtySession.start(['checklist', '--client', 'dupont & fils'], home);
    try {
      // The mission's name is asked once the past is shown; the client keeps the spelling first entered.
      await session.waitFor('What is the mission called?');
      await session.press('enter');
      const question = firstPrompt('prevention');
      await session.waitForScreen(question);
      // All of it on the one screen the user has when the first question comes, in this order.
      const rows = session.lines();
      const past = rows.findIndex((line) => line.includes('what happened with Dupont & Fils'));
      const lesson = rows.findIndex((line) => line.includes('Plan a buffer day before any launch'));
      const asked = rows.findLastIndex((line) => line.includes(question));
      expect(past).toBeGreaterThan(-1);
      expect(lesson).toBeGreaterThan(past);
      expect(asked).toBeGreaterThan(lesson);
      await session.press('ctrl-c');
      expect(await session.exited).toMatchObject({ exitCode: 130 });
    } finally {
      session.dispose();
    }
  });
});
