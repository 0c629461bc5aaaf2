import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runInProcess, tempDir } from '../helpers.js';
import { answers, calendarEvent, ok, record, rewriteRecord, savedId } from '../loop-helpers.js';

/** French crisis answers, written here so the test owns them. */
const CRISIS_FR = `client: Société Lefèvre
client_words: On devait recevoir les maquettes vendredi, on n'a rien vu.
tone: frustrated
gap: misunderstanding
fault: shared
gesture: discount
need: control
hidden_demand: Pouvoir valider chaque étape avant la présentation à sa direction.
solution: J'envoie les maquettes finalisées des trois pages principales.
deadline: "+2"
agreement: adjusted
followup_date: "+3 9h30"
signature: Camille Martin
`;

async function startCrisis(home: string, file = answers('crisis-en.yaml'), extra: string[] = []): Promise<string> {
  return savedId((await ok(['start', '--answers', file, ...extra], home)).stdout);
}

describe('calmclient followup --answers', () => {
  it('keeps the crisis open with the new contact date, and writes that date to a calendar file', async () => {
    const home = tempDir();
    const crisisFile = join(tempDir(), 'crisis-fr.yaml');
    writeFileSync(crisisFile, CRISIS_FR);
    const crisisId = await startCrisis(home, crisisFile, ['--lang', 'fr']);
    const { stdout } = await ok(['followup', crisisId, '--answers', answers('followup-fr.yaml'), '--lang', 'fr'], home);
    // French spacing: a no-break space before the colon.
    expect(stdout).toContain(`Suivi de Société Lefèvre\u00a0: session de crise ${crisisId}`);
    expect(stdout).toContain(`La session de crise ${crisisId} (Société Lefèvre) est désormais ouverte.`);

    const followUp = record(home, savedId(stdout));
    expect(followUp).toMatchObject({ kind: 'followup', status: 'open', lang: 'fr', followsUp: crisisId });
    expect(followUp.nextContact).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(followUp.templateValues).toMatchObject({ promise: 'J\'envoie les maquettes finalisées des trois pages principales.' });
    expect(followUp.templateValues?.promise_date).toMatch(/^(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) /);
    const crisis = record(home, crisisId);
    expect(crisis.status).toBe('open');
    expect(crisis.nextContact).toBe(followUp.nextContact);

    const event = calendarEvent(followUp.files.calendar ?? '');
    expect(event.summary).toBe('Rappeler Société Lefèvre');
    // The follow-up's next date has no time: an all-day event.
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe(followUp.nextContact);
    expect(event.description).toContain(`calmclient followup ${crisisId}`);
    expect(event.uid).toBe(`${followUp.id}@calmclient`);
  });

  it('follows the crisis session it is given, even with several open', async () => {
    const home = tempDir();
    const first = await startCrisis(home);
    const second = await startCrisis(home);
    const { stdout } = await ok(['followup', first, '--answers', answers('followup-en.yaml')], home);
    expect(record(home, savedId(stdout)).followsUp).toBe(first);
    expect(record(home, first).status).toBe('resolved');
    expect(record(home, second).status).toBe('open');
  });

  // Spawned: what a process without a terminal does.
  it('without an id and without a terminal, stops when several sessions are open and lists them (exit 2)', async () => {
    const home = tempDir();
    const first = await startCrisis(home);
    const second = await startCrisis(home);
    const result = runCli(['followup', '--answers', answers('followup-en.yaml')], { home });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('several crisis sessions are open');
    expect(result.stderr).toContain(first);
    expect(result.stderr).toContain(second);
    expect(record(home, first).status).toBe('open');
  });

  it('says when there is nothing to follow up (exit 2)', async () => {
    const home = tempDir();
    const result = await runInProcess(['followup', '--answers', answers('followup-en.yaml')], { home });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no open crisis session to follow up');
  });

  it('refuses a checklist session, an unfinished draft and an unknown id (exit 2)', async () => {
    const home = tempDir();
    const checklistId = savedId((await ok(['checklist', '--answers', answers('prevention-en.yaml')], home)).stdout);
    const draftId = await startCrisis(home);
    rewriteRecord(home, draftId, { status: 'draft' });
    const notCrisis = await runInProcess(['followup', checklistId, '--answers', answers('followup-en.yaml')], { home });
    expect(notCrisis.code).toBe(2);
    expect(notCrisis.stderr).toContain('is a checklist session');
    const draft = await runInProcess(['followup', draftId, '--answers', answers('followup-en.yaml')], { home });
    expect(draft.code).toBe(2);
    expect(draft.stderr).toContain('unfinished draft');
    const unknown = await runInProcess(['followup', 'nope', '--answers', answers('followup-en.yaml')], { home });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no session "nope"');
  });

  // Spawned: what a process without a terminal does.
  it('refuses to ask questions without a terminal (exit 2), and never waits', async () => {
    const home = tempDir();
    await startCrisis(home);
    const result = runCli(['followup'], { home });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--answers FILE');
  });

  it('reminds an overdue promise before anything else', async () => {
    const home = tempDir();
    const crisisId = await startCrisis(home);
    rewriteRecord(home, crisisId, { promise: { what: 'Fix the payment module', by: '2020-03-10' }, nextContact: '2020-03-11T10:00' });
    const { stdout } = await ok(['followup', '--answers', answers('followup-en.yaml')], home);
    expect(stdout).toMatch(/Agreed: Fix the payment module\n\s+By: Tuesday 10 March 2020 ⚠ overdue\n\s+Planned contact: Wednesday 11 March 2020 at 10:00 ⚠ overdue/);
    const recap = readFileSync(record(home, savedId(stdout)).files.recap ?? '', 'utf8');
    expect(recap).toContain('Fix the payment module');
  });
});
