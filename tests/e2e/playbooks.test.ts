import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runInProcess, tempDir } from '../helpers.js';
import { frenchSpacing } from '../../src/i18n/catalogue.js';

const home = tempDir();

describe('calmclient playbooks', () => {
  it('lists the built-in playbooks in both languages', async () => {
    const result = await runInProcess(['playbooks', 'list'], { home });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ID\s+KIND\s+LANG\s+STEPS\s+SOURCE\s+TITLE/);
    expect(result.stdout).toMatch(/\ncrisis\s+crisis\s+en\s+\d+/);
    expect(result.stdout).toMatch(/\ncrisis\s+crisis\s+fr\s+\d+/);
  });

  it('shows a playbook as JSON with every step, its type, whether it is required and its choices', async () => {
    const result = await runInProcess(['playbooks', 'show', 'crisis', '--lang', 'fr', '--json'], { home });
    expect(result.code).toBe(0);
    const playbook = JSON.parse(result.stdout);
    expect(playbook).toMatchObject({ id: 'crisis', kind: 'crisis', lang: 'fr' });
    const tone = playbook.steps.find((step: { id: string }) => step.id === 'tone');
    expect(tone).toMatchObject({ type: 'select', required: true, choices: ['worried', 'frustrated', 'angry', 'personal'] });
    const breathe = playbook.steps.find((step: { id: string }) => step.id === 'breathe');
    expect(breathe).toMatchObject({ type: 'advice', required: false, choices: null });
  });

  it('shows a playbook for a person, with its conditions', async () => {
    const result = await runInProcess(['playbooks', 'show', 'crisis'], { home });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/mediator confirm/);
    expect(result.stdout).toMatch(/when tone = personal/);
  });

  it('validates good files and reports every problem of the bad ones, exit 2', async () => {
    const good = await runInProcess(['playbooks', 'validate', join(ROOT, 'playbooks', 'en', 'crisis.yaml')], { home });
    expect(good).toMatchObject({ code: 0, stdout: expect.stringMatching(/crisis\.yaml: valid \(\d+ steps\)/) });
    const bad = await runInProcess(
      ['playbooks', 'validate', join(FIXTURES, 'playbooks', 'mini.yaml'), join(FIXTURES, 'playbooks', 'broken', 'when-later.yaml')],
      { home },
    );
    expect(bad.code).toBe(2);
    expect(bad.stdout).toMatch(/mini\.yaml: valid \(8 steps\)/);
    expect(bad.stderr).toMatch(/when-later\.yaml:10:19: condition names step "b"/);
    expect(bad.stderr).toMatch(/1 of 2 files have problems/);
  });

  it('has --help with an example on every command, in the user\'s language', async () => {
    for (const args of [['start'], ['playbooks', 'list'], ['playbooks', 'show'], ['playbooks', 'validate']]) {
      const result = await runInProcess([...args, '--help'], { home });
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/Examples:\n\s+\$ calmclient /);
    }
    expect((await runInProcess(['start', '--help'], { home, env: { LANG: 'fr_FR.UTF-8' } })).stdout).toContain(frenchSpacing('Exemples :'));
  });

  it('treats unknown commands and options as bad usage', async () => {
    expect((await runInProcess(['strat'], { home })).code).toBe(2);
    expect((await runInProcess(['start', '--nope'], { home })).code).toBe(2);
  });
});
