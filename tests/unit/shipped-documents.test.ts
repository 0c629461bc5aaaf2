import { basename } from 'node:path';
import ICAL from 'ical.js';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkDraft } from '../../src/check/index.js';
import { todayOf } from '../../src/dates/calendar.js';
import { effectiveAnswers, runPlaybook } from '../../src/engine/run.js';
import { loadPlaybookFile } from '../../src/playbook/load.js';
import { builtinPlaybookEntries } from '../../src/playbook/registry.js';
import type { Playbook } from '../../src/playbook/schema.js';
import { AnswersFile, ScriptedPrompter } from '../../src/prompters/scripted.js';
import { nextContactEvent } from '../../src/render/calendar.js';
import type { DocumentPeople } from '../../src/render/context.js';
import { renderSession } from '../../src/render/documents.js';
import { emlFromDraft } from '../../src/render/eml.js';
import { markdownToPlainText } from '../../src/render/plain-text.js';
import { eventDetails, mailboxes, recordFields } from '../../src/session/complete.js';
import type { SessionRecord } from '../../src/store/sessions.js';
import { LANGS, type Lang, type PlaybookKind } from '../../src/types.js';
import { branchCombinations, type AnswerSet } from '../support/combinations.js';
import { defectsOf, registerProblems, repeatedRuns, typographyProblems } from '../support/document-checks.js';

/**
 * Whatever the user answered, the documents of every built-in playbook read well, on every branch
 * (see tests/support/combinations.ts), in both languages and, in French, in both registers: the
 * e-mail greets the contact by name, restates the client's points, is signed from the profile and
 * passes calmclient's own check; no document says the same thing twice (two sentences sharing six
 * words), leaves template syntax, an empty section or a doubled stop behind, or breaks the
 * language's typography. The `.eml` reads back with its From and To, the `.ics` with its reminder.
 */

const NOW = new Date(2026, 10, 23, 9, 0);

const PEOPLE: Record<Lang, DocumentPeople> = {
  en: {
    contact: { name: 'Priya', email: 'priya.shah@dupont-fils.example', phone: '+44 20 7946 0958' },
    sender: { name: 'Camille Martin', email: 'camille@martin-ux.example', phone: '+44 7700 900123', signature: 'Camille Martin\nUX consultant' },
  },
  fr: {
    contact: { name: 'Sophie', email: 'sophie@boulangerie-martin.example', phone: '06 12 34 56 78' },
    sender: { name: 'Camille Martin', email: 'camille@martin-web.example', phone: '06 98 76 54 32', signature: 'Camille Martin' },
  },
};

/** Without a contact known, the e-mail greets nobody by name ("Hello,"): every fifth combination. */
const withoutContact = (index: number): boolean => index % 5 === 4;

/**
 * What the commands add to the template values (see docs/playbook-format.md). A follow-up always
 * has the crisis session's promise, on a date still ahead, today or past; a checklist has a
 * mission only when one was given, and the client's past when there is one.
 */
function extraValues(lang: Lang, kind: PlaybookKind, index: number): Record<string, string> | undefined {
  if (kind === 'followup') {
    const timing = (['ahead', 'today', 'past'] as const)[index % 3] ?? 'ahead';
    return lang === 'en'
      ? { promise: 'Fix the payment module\nPut the site online', promise_date: 'Thursday 26 November 2026', promise_timing: timing }
      : { promise: 'Corriger le module de paiement\nMettre le site en ligne', promise_date: 'jeudi 26 novembre 2026', promise_timing: timing };
  }
  if (kind === 'prevention' && index % 2 === 0)
    return lang === 'en'
      ? { mission: 'New website', incidents: 'Thursday 5 March 2026 · crisis, resolved · promised: put the shop online', lessons: 'Plan a buffer day before any launch.' }
      : { mission: 'Nouveau site', incidents: 'jeudi 5 mars 2026 · crise, résolue · promis : mettre la boutique en ligne', lessons: 'Prévoir une journée de marge avant chaque mise en ligne.' };
  return undefined;
}

async function answersOf(playbook: Playbook, set: AnswerSet) {
  const file = AnswersFile.parse('combination.yaml', stringify(set), playbook.lang);
  const prompter = new ScriptedPrompter(file, NOW, playbook.lang);
  const raw = await runPlaybook(playbook, { prompter });
  prompter.assertComplete();
  return effectiveAnswers(playbook, raw);
}

interface Rendered {
  answers: Awaited<ReturnType<typeof answersOf>>;
  people: DocumentPeople;
  register: 'tu' | 'vous' | undefined;
  documents: ReturnType<typeof renderSession>;
}

async function render(playbook: Playbook, set: AnswerSet, index: number, register?: 'tu' | 'vous'): Promise<Rendered> {
  const answers = await answersOf(playbook, set);
  const base = PEOPLE[playbook.lang];
  const people: DocumentPeople = { ...base, ...(withoutContact(index) ? { contact: {} } : {}), ...(register ? { register } : {}) };
  const extra = extraValues(playbook.lang, playbook.kind, index);
  const documents = renderSession({ playbook, answers, client: 'Dupont & Fils', now: NOW, people, ...(extra ? { extra } : {}) });
  return { answers, people, register, documents };
}

const GREETING: Record<Lang, string> = { en: 'Hello', fr: 'Bonjour' };

/** What the e-mail owes its reader, beyond the defects every document is checked for. */
function emailProblems(playbook: Playbook, { answers, people, register, documents }: Rendered): string[] {
  const { lang } = playbook;
  const body = documents.email.body;
  const problems: string[] = [];
  const contact = people.contact?.name;
  const first = body.split('\n')[0];
  const greeting = contact ? `${GREETING[lang]} ${contact},` : `${GREETING[lang]},`;
  if (first !== greeting) problems.push(`greeting: "${first}" instead of "${greeting}"`);
  const signature = people.sender?.signature ?? '';
  if (!body.trimEnd().endsWith(`\n${signature}`)) problems.push(`signature: does not end with the profile's "${signature}"`);
  const words = answers.client_words;
  if (typeof words === 'string')
    for (const point of words.split('\n').filter((line) => line.trim() !== '')) {
      // The point restated in the client's own words (its first letters, whatever case and end stop).
      const start = point.trim().replace(/[.!?]+$/, '').slice(0, 30).toLowerCase();
      if (!body.toLowerCase().includes(start)) problems.push(`client's point not restated: "${point}"`);
    }
  for (const step of ['expected', 'received'] as const) {
    const value = answers[step];
    if (typeof value === 'string' && !body.includes(value.slice(0, 20))) problems.push(`the gap's "${step}" not restated`);
  }
  if (answers.mediator === true) {
    const name = String(answers.mediator_name);
    if (!body.includes(name)) problems.push(`the e-mail does not say that ${name} calls back`);
    if (/\b(I will call you|Je vous appellerai|Je t'appellerai)\b/.test(body)) problems.push('the e-mail promises a call from the user, who handed over');
  }
  if (register) problems.push(...registerProblems(body, register));
  return problems;
}

async function fileProblems(playbook: Playbook, rendered: Rendered, index: number): Promise<string[]> {
  const { answers, people, documents } = rendered;
  const problems: string[] = [];
  const boxes = mailboxes({ contact: people.contact ?? {}, sender: (people.sender ?? {}) as Parameters<typeof mailboxes>[0]['sender'] });
  const eml = await PostalMime.parse(emlFromDraft(documents.email, { date: NOW, messageId: `test-${index}@calmclient.invalid`, ...boxes }).contents);
  if (eml.subject !== documents.email.subject) problems.push(`.eml subject "${eml.subject}"`);
  if (eml.from?.address !== people.sender?.email || eml.from?.name !== people.sender?.name) problems.push(`.eml From: ${JSON.stringify(eml.from)}`);
  const to = eml.to?.[0];
  if (people.contact?.email === undefined ? to !== undefined : to?.address !== people.contact.email || to.name !== people.contact.name)
    problems.push(`.eml To: ${JSON.stringify(eml.to)}`);
  if (eml.text?.replace(/\r\n/g, '\n').trimEnd() !== markdownToPlainText(documents.email.body).trimEnd()) problems.push('.eml text differs from the draft');

  const session = {
    id: `2026-11-23-dupont-fils-${index}`,
    kind: playbook.kind,
    client: 'Dupont & Fils',
    lang: playbook.lang,
    ...recordFields(playbook, answers),
  } as SessionRecord;
  const event = nextContactEvent(session, NOW, session, eventDetails(playbook, answers, session, { contact: people.contact ?? {} }));
  if (session.nextContact === undefined) return problems;
  if (!event) return [...problems, 'no calendar event for the next contact'];
  const component = new ICAL.Component(ICAL.parse(event.contents)).getFirstSubcomponent('vevent');
  const alarm = component?.getFirstSubcomponent('valarm');
  if (!alarm?.getFirstPropertyValue('trigger')) problems.push('.ics without a reminder (VALARM with a TRIGGER)');
  const start = component?.getFirstPropertyValue('dtstart')?.toString() ?? '';
  if (!start.startsWith(session.nextContact.slice(0, 10))) problems.push(`.ics starts ${start}, not ${session.nextContact}`);
  const phone = people.contact?.phone;
  if (phone && !String(component?.getFirstPropertyValue('contact') ?? '').includes(phone)) problems.push('.ics without the contact\'s phone');
  if (answers.mediator === true && !String(component?.getFirstPropertyValue('summary')).includes(String(answers.mediator_name)))
    problems.push('.ics does not say who calls back');
  return problems;
}

describe('built-in documents on every branch', () => {
  for (const lang of LANGS) {
    for (const file of builtinPlaybookEntries(lang).map((entry) => entry.file)) {
      it(`${lang}/${basename(file)}: documents a client and a freelancer can act on`, async () => {
        const playbook = loadPlaybookFile(file, lang);
        const combinations = branchCombinations(playbook);
        expect(combinations.length).toBeGreaterThan(1);
        const failures: string[] = [];
        const registers = lang === 'fr' ? (['vous', 'tu'] as const) : ([undefined] as const);
        for (const [index, set] of combinations.entries()) {
          for (const register of registers) {
            const rendered = await render(playbook, set, index, register);
            const where = `${register ? `${register}, ` : ''}${JSON.stringify(set)}`;
            const { recap, email } = rendered.documents;
            for (const [name, contents] of [['recap', recap.contents], ['email', email.contents]] as const) {
              for (const problem of [...defectsOf(contents), ...typographyProblems(contents, lang), ...repeatedRuns(contents)])
                failures.push(`${name}: ${problem} with ${where}`);
            }
            for (const problem of emailProblems(playbook, rendered)) failures.push(`email: ${problem} with ${where}`);
            // The reply check and the files read back: once per combination is enough, in the register that alternates.
            if (register === undefined || register === (index % 2 === 0 ? 'vous' : 'tu')) {
              // Read on the session's day, as the review of `start`, `checklist` and `followup` reads it.
              for (const finding of await checkDraft(email.contents, { lang, reference: todayOf(NOW) }))
                failures.push(`check ${finding.rule} "${finding.text}" (${finding.line}:${finding.col}) with ${where}`);
              for (const problem of await fileProblems(playbook, rendered, index)) failures.push(`${problem} with ${where}`);
            }
          }
        }
        expect(failures.slice(0, 8)).toEqual([]);
      });
    }
  }
});

describe('the checks themselves', () => {
  it.each([
    ['template syntax', 'Hello {{client}}'],
    ['undefined or null', 'Done by undefined.'],
    ['empty bullet', '- one\n- \n'],
    ['heading with nothing under it', '## Gap\n\n## Need\ntext\n'],
    ['heading with nothing under it', '# Recap\n\ntext\n\n## Last\n'],
    ['doubled full stop', 'this phase..'],
    ['colon with nothing after it', 'Agreed:\n\n## Next\n'],
    ['space before a comma or a stop', 'the plan , then'],
    ['stop after a question or exclamation mark', 'Really?.'],
  ])('catches %s', (name, text) => {
    expect(defectsOf(text)).toContain(name);
  });

  it('passes a clean document', () => {
    expect(defectsOf('# Recap\n\n## Gap\n\n**Delay**. Late... then on time.\n\n- one\n- two\n')).toEqual([]);
  });

  it('finds the same six words in two sentences, and only then', () => {
    expect(repeatedRuns('I will have it done by Friday 11 December 2026 at the latest.\nDoes it suit you, with everything done by Friday 11 December 2026?')).toHaveLength(1);
    expect(repeatedRuns('- je vous accorde une remise sur la facture de mai\n- dix pour cent de remise sur la facture de mai')).toHaveLength(1);
    expect(repeatedRuns('I will call you on Friday. Until then, reply to this email.\nThank you for your call on Friday.')).toEqual([]);
  });

  it('holds French and English typography', () => {
    expect(typographyProblems('Objet : le plan ? Oui !', 'fr').length).toBeGreaterThan(0);
    expect(typographyProblems('Objet\u00a0: le plan\u202f? «\u00a0Oui\u00a0» 10\u00a0% à 9\u00a0h\u00a030, par e-mail.', 'fr')).toEqual([]);
    expect(typographyProblems('Rendez-vous à 09:30.', 'fr')).toHaveLength(1);
    expect(typographyProblems('Répondez à ce mail.', 'fr')).toHaveLength(1);
    expect(typographyProblems('10 % off', 'en')).toHaveLength(1);
    expect(typographyProblems('10% off, by email.', 'en')).toEqual([]);
  });

  it('tells tu from vous, outside the client\'s quoted words', () => {
    expect(registerProblems('Je te remercie pour votre retour.', 'tu')).toHaveLength(1);
    expect(registerProblems('Je vous remercie. « Tu te moques de moi ? »', 'vous')).toEqual([]);
    expect(registerProblems('Merci pour ta patience.', 'vous')).toHaveLength(1);
  });
});

