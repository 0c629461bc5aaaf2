import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { answers, calendarEvent, ok, record, savedId } from '../loop-helpers.js';

/** The whole relationship: frame the mission, handle the crisis, follow up, then look back. */
describe('checklist → start → followup → history and lessons', () => {
  const home = tempDir();
  let checklistId = '';
  let crisisId = '';
  let followupId = '';

  it('frames the mission', async () => {
    const { stdout } = await ok(['checklist', '--answers', answers('prevention-en.yaml'), '--mission', 'Spring shop'], home);
    checklistId = savedId(stdout);
    expect(record(home, checklistId)).toMatchObject({ kind: 'prevention', status: 'done', templateValues: { mission: 'Spring shop' } });
  });

  it('handles the crisis, keeping the promise and writing the next contact to a calendar file', async () => {
    const { stdout } = await ok(['start', '--answers', answers('crisis-en.yaml')], home);
    crisisId = savedId(stdout);
    const crisis = record(home, crisisId);
    expect(crisis).toMatchObject({
      kind: 'crisis',
      status: 'open',
      promise: { what: 'I fix the payment module and put the site online, then walk his team through it.' },
      lesson: 'Plan a buffer day before any launch and warn at once when a review fails.',
    });
    expect(crisis.nextContact).toMatch(/^\d{4}-\d{2}-\d{2}T10:00$/);
    const calendar = crisis.files.calendar ?? '';
    expect(stdout).toContain(calendar);
    const event = calendarEvent(calendar);
    expect(event.summary).toBe('Call Priya (Dupont & Fils) back');
    expect(event.startDate.toString()).toBe(`${crisis.nextContact}:00`);
    expect(event.description).toContain(`calmclient followup ${crisisId}`);
  });

  it('follows up on the open crisis without being told which, and closes it', async () => {
    const { stdout } = await ok(['followup', '--answers', answers('followup-en.yaml')], home);
    followupId = savedId(stdout);
    expect(stdout.replace(/\s+/g, ' ')).toContain(`Following up with Dupont & Fils: crisis session ${crisisId}`);
    expect(stdout).toContain('Agreed: I fix the payment module');
    expect(stdout).toContain(`Crisis session ${crisisId} (Dupont & Fils) is now resolved.`);
    const followUp = record(home, followupId);
    expect(followUp).toMatchObject({ kind: 'followup', status: 'resolved', followsUp: crisisId });
    expect(followUp.lesson).toBe('Warn the client the same day a review fails.\nKeep one buffer day before any launch.');
    expect(followUp.nextContact).toBeUndefined();
    expect(followUp.files.calendar).toBeUndefined();
    expect(readFileSync(followUp.files.recap ?? '', 'utf8')).toContain('I fix the payment module');
    const crisis = record(home, crisisId);
    expect(crisis.status).toBe('resolved');
    expect(crisis.nextContact).toBeUndefined();
    expect(crisis.followedUpAt).toBe(followUp.createdAt);
    expect(existsSync(crisis.files.calendar ?? '')).toBe(true);
  });

  it('shows every session with its status in history', async () => {
    const rows = JSON.parse((await ok(['history', '--json'], home)).stdout) as { id: string; kind: string; status: string; overdue: boolean }[];
    expect(rows.map(({ id, kind, status }) => ({ id, kind, status }))).toEqual(
      expect.arrayContaining([
        { id: checklistId, kind: 'prevention', status: 'done' },
        { id: crisisId, kind: 'crisis', status: 'resolved' },
        { id: followupId, kind: 'followup', status: 'resolved' },
      ]),
    );
    expect(rows).toHaveLength(3);
    expect(rows.some((row) => row.overdue)).toBe(false);
    const table = (await ok(['history'], home)).stdout;
    expect(table.split('\n')[0]).toMatch(/^DATE\s+CLIENT\s+KIND\s+STATUS\s+NEXT CONTACT\s+ID$/);
    expect(table).toMatch(new RegExp(`crisis\\s+resolved\\s+—\\s+${crisisId}`));
  });

  it('lists what was learned, the follow-up first', async () => {
    const { stdout } = await ok(['lessons', '--client', 'dupont & fils'], home);
    const followUpLesson = stdout.indexOf('Warn the client the same day a review fails.');
    const crisisLesson = stdout.indexOf('Plan a buffer day before any launch');
    expect(followUpLesson).toBeGreaterThan(-1);
    expect(crisisLesson).toBeGreaterThan(followUpLesson);
  });

  it('shows the past incident and the lessons before framing the next mission with that client', async () => {
    const { stdout } = await ok(['checklist', '--answers', answers('prevention-en.yaml'), '--client', 'DUPONT & FILS'], home);
    // The client keeps the spelling first entered, whatever the case it is typed in.
    const past = stdout.indexOf('what happened with Dupont & Fils');
    expect(past).toBeGreaterThan(-1);
    expect(stdout).toMatch(/crisis, resolved · promised: I fix the payment module/);
    expect(stdout).toContain('- Warn the client the same day a review fails. / Keep one buffer day before any launch.');
    expect(stdout.indexOf('Written:')).toBeGreaterThan(past);
  });
});
