import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { InputError, UsageError } from '../../src/errors.js';
import { AnswersFile } from '../../src/prompters/scripted.js';
import { proposeStatus, promiseTiming } from '../../src/commands/followup.js';
import { askContact, askContactDetails, canonicalClient, scriptedPeople } from '../../src/session/people.js';
import { clientPath, findClient, saveClient } from '../../src/store/clients.js';
import { normaliseProfileValue, readProfile, writeProfile } from '../../src/store/profile.js';
import type { QuestionStep } from '../../src/playbook/schema.js';
import { tempDir } from '../helpers.js';

const mode = (path: string): number => statSync(path).mode & 0o777;

describe('the profile', () => {
  it('is written whole, privately, in a fixed key order, and read back', () => {
    const dir = join(tempDir(), 'config');
    const file = writeProfile(dir, { signature: 'Camille', name: 'Camille Martin' });
    expect(mode(file)).toBe(0o600);
    expect(mode(dir)).toBe(0o700);
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')))).toEqual(['name', 'signature']);
    expect(readProfile(dir, 'en')).toEqual({ name: 'Camille Martin', signature: 'Camille' });
  });

  it('says where a damaged profile is instead of dropping it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), '{"name": 3}');
    expect(() => readProfile(dir, 'en')).toThrow(InputError);
  });

  it('checks and normalises each key', () => {
    expect(normaliseProfileValue('email', ' Camille <camille@example.com> ', 'en')).toBe('camille@example.com');
    expect(normaliseProfileValue('phone', '+33  6 12 34 56 78', 'en')).toBe('+33 6 12 34 56 78');
    expect(normaliseProfileValue('out', 'docs', 'en', '/home/camille')).toBe('/home/camille/docs');
    expect(() => normaliseProfileValue('phone', 'call me', 'en')).toThrow(UsageError);
    expect(() => normaliseProfileValue('name', 'two\nlines', 'en')).toThrow(UsageError);
  });
});

describe('the client file', () => {
  it('finds a client whatever its case, and keeps the name first entered', () => {
    const root = tempDir();
    saveClient(root, { version: 1, name: 'Société Lefèvre', contact: { name: 'Sophie' }, register: 'tu', updatedAt: '2026-03-10T09:00:00.000Z' });
    expect(findClient(root, 'SOCIÉTÉ lefèvre', 'fr')).toMatchObject({ name: 'Société Lefèvre', register: 'tu' });
    // Accents are part of a name (issue 13): Lefevre is another client than Lefèvre.
    expect(findClient(root, 'Societe Lefevre', 'fr')).toBeUndefined();
    expect(canonicalClient(root, '  société lefèvre ', 'fr')).toBe('Société Lefèvre');
    expect(canonicalClient(root, 'Martin SARL', 'fr')).toBe('Martin SARL');
    expect(mode(clientPath(root, 'Société Lefèvre'))).toBe(0o600);
  });
});

describe('the people of a run from an answers file', () => {
  const parse = (values: Record<string, unknown>) => AnswersFile.parse('answers.yaml', stringify(values), 'en');

  it('locates a wrong address or register in the file', () => {
    const root = tempDir();
    const run = () => scriptedPeople(parse({ contact_email: 'not an address', register: 'toi' }), { root, configDir: root, client: 'Dupont', lang: 'fr', signs: true });
    expect(run).toThrow(InputError);
    try {
      run();
    } catch (error) {
      expect((error as InputError).problems.map((problem) => `${problem.line}:${problem.col}`)).toEqual(['1:16', '2:11']);
    }
  });

  it('replaces a remembered contact named anew, and fills only what the profile lacks', () => {
    const root = tempDir();
    saveClient(root, { version: 1, name: 'Dupont', contact: { name: 'Priya', email: 'priya@dupont.example' }, updatedAt: '' });
    writeProfile(root, { name: 'Camille Martin' });
    const { people, remember, assertSigned } = scriptedPeople(parse({ contact: 'Marc', my_name: 'Someone Else', my_phone: '06 12 34 56 78' }), {
      root,
      configDir: root,
      client: 'dupont',
      lang: 'en',
      signs: true,
    });
    expect(people).toMatchObject({ client: 'Dupont', contact: { name: 'Marc' }, sender: { name: 'Someone Else', phone: '06 12 34 56 78' } });
    expect(people.contact.email).toBeUndefined();
    assertSigned();
    remember();
    expect(readProfile(root, 'en')).toEqual({ name: 'Camille Martin', phone: '06 12 34 56 78' });
    expect(findClient(root, 'Dupont', 'en')?.contact).toEqual({ name: 'Marc' });
  });
});

describe('the follow-up', () => {
  const status = { id: 'status', type: 'select', message: 's', choices: ['open', 'resolved', 'escalated', 'lost'].map((value) => ({ value, label: value })) } as QuestionStep;

  it('knows where the promised date stands', () => {
    const now = new Date(2026, 2, 11, 18, 0);
    expect(promiseTiming('2026-03-13', now)).toBe('ahead');
    expect(promiseTiming('2026-03-11', now)).toBe('today');
    expect(promiseTiming('2026-03-10', now)).toBe('past');
  });

  it('proposes resolved for a delivery to a satisfied client or with a new order, open otherwise', () => {
    expect(proposeStatus(status, { kept: 'yes', client_feeling: 'satisfied', new_order: true })).toBe('resolved');
    expect(proposeStatus(status, { kept: 'late', client_feeling: 'neutral', new_order: true })).toBe('resolved');
    expect(proposeStatus(status, { kept: 'yes', client_feeling: 'still_unhappy', new_order: true })).toBe('open');
    expect(proposeStatus(status, { kept: 'on_track', client_feeling: 'satisfied' })).toBe('open');
    expect(proposeStatus({ ...status, id: 'other' } as QuestionStep, { kept: 'yes', client_feeling: 'satisfied' })).toBeUndefined();
  });
});

describe('the questions about the client in a terminal', () => {
  /** A person at the keyboard: answers by question id, and a list of the ids asked, in order. */
  function person(answers: Record<string, string>): { ask: (step: QuestionStep) => Promise<string>; asked: string[] } {
    const asked: string[] = [];
    return {
      asked,
      ask: async (step) => {
        asked.push(step.id);
        return answers[step.id] ?? '';
      },
    };
  }

  it('asks only the name before the call, the rest once the call is over, and nothing again the next time', async () => {
    const root = tempDir();
    const options = { root, configDir: root, client: 'Boulangerie Martin', lang: 'fr' as const };
    const first = person({ contact: 'Sophie', contact_email: 'Sophie <sophie@martin.example>', contact_phone: '06 12 34 56 78', register: 'tu' });
    const before = await askContact(first, options);
    expect(first.asked).toEqual(['contact']);
    expect(before.contact).toEqual({ name: 'Sophie' });
    // Kept at once, for a session resumed later.
    expect(findClient(root, 'Boulangerie Martin', 'fr')?.contact).toEqual({ name: 'Sophie' });
    const after = await askContactDetails(first, { root, people: before, lang: 'fr' });
    expect(first.asked).toEqual(['contact', 'contact_email', 'contact_phone', 'register']);
    expect(after).toMatchObject({ contact: { name: 'Sophie', email: 'sophie@martin.example', phone: '06 12 34 56 78' }, register: 'tu' });
    expect(findClient(root, 'boulangerie martin', 'fr')).toMatchObject({ contact: after.contact, register: 'tu', detailsAsked: true });

    const second = person({});
    const known = await askContact(second, options);
    await askContactDetails(second, { root, people: known, lang: 'fr' });
    expect(second.asked).toEqual([]);
  });

  it('asks the address and phone once even when left empty, and never tu or vous in English', async () => {
    const root = tempDir();
    const options = { root, configDir: root, client: 'Dupont', lang: 'en' as const };
    const first = person({});
    await askContactDetails(first, { root, people: await askContact(first, options), lang: 'en' });
    expect(first.asked).toEqual(['contact', 'contact_email', 'contact_phone']);
    const second = person({});
    await askContactDetails(second, { root, people: await askContact(second, options), lang: 'en' });
    expect(second.asked).toEqual([]);
  });

  it('asks nothing more of a client whose address is known, from before the question was asked once', async () => {
    const root = tempDir();
    saveClient(root, { version: 1, name: 'Dupont', contact: { name: 'Priya', email: 'priya@dupont.example' }, updatedAt: '2026-03-10T09:00:00.000Z' });
    const asker = person({});
    const people = await askContactDetails(asker, { root, people: await askContact(asker, { root, configDir: root, client: 'dupont', lang: 'en' }), lang: 'en' });
    expect(asker.asked).toEqual([]);
    expect(people).toMatchObject({ client: 'Dupont', contact: { name: 'Priya', email: 'priya@dupont.example' } });
  });
});
