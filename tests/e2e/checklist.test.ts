import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runInProcess, tempDir } from '../helpers.js';
import { answers, ok, record, savedId } from '../loop-helpers.js';
import { frenchSpacing } from '../../src/i18n/catalogue.js';

describe('calmclient checklist --answers', () => {

  it('writes the framing document with the open points first, and an email that confirms the framing', async () => {
    const home = tempDir();
    const { stdout } = await ok(['checklist', '--answers', answers('prevention-en.yaml'), '--mission', 'Spring shop'], home);
    const session = record(home, savedId(stdout));
    expect(session).toMatchObject({ kind: 'prevention', status: 'done', client: 'Dupont & Fils', lang: 'en' });
    expect(session.answers).toMatchObject({ resources: 'not_yet', stakes: 'settled', red_flags: ['changes_mind', 'urgent_but_slow'] });

    const framing = readFileSync(session.files.recap ?? '', 'utf8');
    expect(session.files.recap).toMatch(/dupont-fils_[0-9a-f]{8}-prevention-recap\.md$/);
    expect(framing).toContain('Spring shop');
    // Resources and Scope were answered "not yet settled": they come before the settled stakes.
    const settledStakes = framing.indexOf('new shop live before the spring sales.');
    expect(framing.indexOf('Resources')).toBeGreaterThan(-1);
    expect(framing.indexOf('Resources')).toBeLessThan(settledStakes);
    expect(framing.indexOf('Scope')).toBeLessThan(settledStakes);
    expect(framing).toContain('Score: 2 out of 15.');

    const email = readFileSync(session.files.email ?? '', 'utf8');
    expect(email.split('\n')[0]).toBe('Subject: Framing our mission: Spring shop');
    expect(email).toContain('Camille Martin');
    expect(statSync(session.files.email ?? '').mode & 0o777).toBe(0o600);
  });

  it('speaks French with a French playbook', async () => {
    const home = tempDir();
    const { stdout } = await ok(['checklist', '--answers', answers('prevention-fr.yaml'), '--lang', 'fr'], home);
    expect(stdout).toContain(frenchSpacing('Fichiers écrits :'));
    const session = record(home, savedId(stdout));
    expect(session).toMatchObject({ lang: 'fr', client: 'Société Lefèvre', kind: 'prevention' });
    expect(session.templateValues).toBeUndefined();
    const framing = readFileSync(session.files.recap ?? '', 'utf8');
    expect(framing).toContain('Présenter la nouvelle identité visuelle au salon de juin.');
    expect(framing).toMatch(/(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)/);
    expect(readFileSync(session.files.email ?? '', 'utf8').startsWith('Objet\u00a0:')).toBe(true);
  });

  it('writes to --out and takes the client from --client over the answers file', async () => {
    const home = tempDir();
    const out = tempDir();
    const { stdout } = await ok(['checklist', '--answers', answers('prevention-en.yaml'), '--client', 'Martin SARL', '--out', out], home);
    const session = record(home, savedId(stdout));
    expect(session.client).toBe('Martin SARL');
    expect(session.files.recap).toBe(join(out, `${session.id.slice(0, 10)}-martin-sarl-prevention-recap.md`));
  });

  it('says nothing of the past for a new client', async () => {
    const { stdout } = await ok(['checklist', '--answers', answers('prevention-en.yaml')], tempDir());
    expect(stdout).not.toContain('what happened with');
  });

  // Spawned: what a process without a terminal does.
  it('refuses to ask questions without a terminal (exit 2), and never waits', () => {
    const result = runCli(['checklist', '--client', 'Dupont'], { home: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--answers FILE');
    expect(result.stdout).toBe('');
  });

  it('runs prevention (checklist) playbooks only', async () => {
    const result = await runInProcess(['checklist', '--answers', answers('prevention-en.yaml'), '--playbook', 'crisis'], { home: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"calmclient checklist" runs checklist playbooks');
  });

  it('points at a wrong answer in the file, with its line', async () => {
    const home = tempDir();
    const file = join(tempDir(), 'framing.yaml');
    const text = readFileSync(answers('prevention-en.yaml'), 'utf8').replace('resources: not_yet', 'resources: maybe');
    writeFileSync(file, text);
    const result = await runInProcess(['checklist', '--answers', file], { home });
    expect(result.code).toBe(2);
    const line = text.split('\n').findIndex((l) => l.startsWith('resources:')) + 1;
    expect(result.stderr).toContain(`${file}:${line}:`);
    expect(result.stderr).toContain('"maybe" is not one of: settled, not_yet, not_applicable');
  });
});
