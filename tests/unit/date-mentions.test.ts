import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toIso } from '../../src/dates/calendar.js';
import { findDateMentions, type DateMention } from '../../src/dates/mentions.js';
import type { Lang } from '../../src/types.js';

/**
 * Dates in reply drafts, for the reply checker: each sentence with the mentions it holds, as
 * `kind "text" date[..until]`. The draft is dated Wednesday 18 November 2026, 10:00.
 */
const reference = new Date(2026, 10, 18, 10, 0);

function shown(mention: DateMention): string {
  const kind = mention.lookalike ? `${mention.kind}:${mention.lookalike}` : mention.kind;
  const date = mention.date ? ` ${toIso(mention.date)}${mention.until ? `..${toIso(mention.until)}` : ''}` : '';
  return `${kind} "${mention.text}"${date}`;
}

function mentions(text: string, lang: Lang): string[] {
  return findDateMentions(text, { reference, lang }).map(shown);
}

const ENGLISH: [string, string[]][] = [
  // Future commitments.
  ["I'll call you by Friday.", ['future "by Friday" 2026-11-20']],
  ['The fix will be online on the 14th.', ['future "the 14th" 2026-12-14']],
  ['I will call you tomorrow at 10.', ['future "tomorrow at 10" 2026-11-19T10:00']],
  ["Let's talk next Tuesday at 3pm.", ['future "next Tuesday at 3pm" 2026-11-24T15:00']],
  ['You will hear from us within 48 hours.', ['future "within 48 hours" 2026-11-20T10:00']],
  ['Please reply before December 1st.', ['future "before December 1st" 2026-12-01']],
  ['See you at noon on Thursday.', ['future "at noon on Thursday" 2026-11-19T12:00']],
  ['We will get back to you on Monday 23 November at 10am.', ['future "on Monday 23 November at 10am" 2026-11-23T10:00']],
  ["I'm free this Thursday afternoon.", ['future "this Thursday afternoon" 2026-11-19']],
  ["We'll deliver the 5 boxes on Monday.", ['future "on Monday" 2026-11-23']],
  ['You can reach me at 555-123-4567 until 6pm.', ['not-a-date:phone "555-123-4567"', 'future "until 6pm" 2026-11-18T18:00']],
  // Past.
  ['We spoke last Tuesday the 10th.', ['past "last Tuesday the 10th" 2026-11-10']],
  ['We received your payment on 2 March.', ['past "2 March" 2026-03-02']],
  ['I called at 9:30 this morning.', ['past "at 9:30 this morning" 2026-11-18T09:30']],
  ['We have been working on it since Monday.', ['past "Monday" 2026-11-16']],
  ['We shipped it on the 12th and it will arrive on the 20th.', ['past "the 12th" 2026-11-12', 'future "the 20th" 2026-11-20']],
  ['The update from 2 December changed the layout.', ['past "2 December" 2025-12-02']],
  // Dated things.
  ['Regarding your ticket of 04/02/2025, we are sorry.', ['reference "04/02/2025" 2025-02-04']],
  ['Your order from May 3rd was shipped late.', ['reference "May 3rd" 2026-05-03']],
  ['Your invoice dated 3 November is attached.', ['reference "3 November" 2026-11-03']],
  ['Thanks for your email of yesterday.', ['reference "yesterday" 2026-11-17']],
  ['Order #12345 placed on 10/11/2026 is on its way.', ['reference "10/11/2026" 2026-11-10']],
  // Habits and opening hours.
  ['We are open Tuesday to Friday, 9am to 5pm.', ['recurring "Tuesday to Friday"', 'recurring "9am to 5pm"']],
  ['Every Monday we send a report.', ['recurring "Every Monday"']],
  ['We are closed on Sundays.', ['recurring "on Sundays"']],
  ['Our support is available 24/7.', ['recurring "24/7"']],
  ['The office opens at 9am.', ['recurring "at 9am"']],
  // Spans.
  ['Delivery will take place between the 23rd and the 26th.', ['window "between the 23rd and the 26th" 2026-11-23..2026-11-26']],
  ['Between 2 and 4pm tomorrow works for me.', ['window "Between 2 and 4pm tomorrow" 2026-11-19T14:00..2026-11-19T16:00']],
  ["I'll send it next week.", ['window "next week" 2026-11-23..2026-11-29']],
  ['It will be ready by the end of the month.', ['window "by the end of the month" 2026-11-24..2026-11-30']],
  ['The workshop runs from 3 to 5 December.', ['window "from 3 to 5 December" 2026-12-03..2026-12-05']],
  // Lookalikes.
  ['Call us on 01 44 55 66 77 or +33 6 12 34 56 78.', ['not-a-date:phone "01 44 55 66 77"', 'not-a-date:phone "+33 6 12 34 56 78"']],
  ['Our US line is (555) 123-4567.', ['not-a-date:phone "(555) 123-4567"']],
  ['It costs $9.30 per month.', ['not-a-date:price "$9.30"']],
  ['The refund of 12.50 EUR is on its way.', ['not-a-date:price "12.50 EUR"']],
  ['Please update to version 2.4.1 first.', ['not-a-date:version "version 2.4.1"']],
  ['Release 3.10.2 fixes it.', ['not-a-date:version "Release 3.10.2"']],
  ['This is the 3rd time it happens.', ['not-a-date:ordinal "the 3rd"']],
  ['We can meet over lunch.', ['not-a-date:lunchtime "over lunch"']],
  ['The score was 12/20.', ['not-a-date:quantity "12/20"']],
  ['We checked 12/15 pages so far.', ['not-a-date:quantity "12/15"']],
  ['The delivery is 20% late.', ['not-a-date:quantity "20%"']],
  ['Between 15 and 18 people will come.', []],
  ['Hope you had a good weekend, and sorry again.', []],
];

const FRENCH: [string, string[]][] = [
  // Engagements à venir.
  ['Je vous rappelle jeudi à 10h.', ['future "jeudi à 10h" 2026-11-19T10:00']],
  ["D'ici jeudi, la correction sera en ligne.", ['future "D\'ici jeudi" 2026-11-19']],
  ['Nous livrerons avant vendredi midi.', ['future "avant vendredi midi" 2026-11-20T12:00']],
  ['Le correctif sera en ligne le 14.', ['future "le 14" 2026-12-14']],
  ['Vous aurez une réponse sous 48 h.', ['future "sous 48 h" 2026-11-20T10:00']],
  ['Rendez-vous le lundi 23 novembre à 14h30.', ['future "le lundi 23 novembre à 14h30" 2026-11-23T14:30']],
  ['Je reviens vers vous demain matin.', ['future "demain matin" 2026-11-19']],
  ['Nous vous répondrons au plus tard le 30 novembre.', ['future "au plus tard le 30 novembre" 2026-11-30']],
  ['Je vous propose un appel dans 2 jours à 9h.', ['future "dans 2 jours à 9h" 2026-11-20T09:00']],
  ['Je vous rappelle à 15h.', ['future "à 15h" 2026-11-18T15:00']],
  ['Je vous rappelle ce midi.', ['future "midi" 2026-11-18T12:00']],
  // Passé.
  ['Nous avons reçu votre paiement le 2 mars.', ['past "le 2 mars" 2026-03-02']],
  ['Hier, nous avons constaté le problème.', ['past "Hier" 2026-11-17']],
  ['Mardi dernier, le 10, nous avons échangé.', ['past "Mardi dernier" 2026-11-17', 'past "le 10" 2026-11-10']],
  ['Votre colis a été expédié le 12 novembre.', ['past "le 12 novembre" 2026-11-12']],
  ['Nous vous avons écrit il y a 3 jours.', ['past "il y a 3 jours" 2026-11-15']],
  ['Nous étions fermés le 11 novembre.', ['past "le 11 novembre" 2026-11-11']],
  // Choses datées.
  ['Concernant votre commande du 04/02, nous sommes désolés.', ['reference "04/02" 2026-02-04']],
  ['Votre facture du 12 octobre 2026 est jointe.', ['reference "12 octobre 2026" 2026-10-12']],
  ['Pour votre demande du 3 novembre, voici la réponse.', ['reference "3 novembre" 2026-11-03']],
  ['Suite à votre réclamation en date du 2 novembre, voici ce que nous proposons.', ['reference "2 novembre" 2026-11-02']],
  // Habitudes et horaires.
  ['Nous sommes ouverts du mardi au samedi de 9h à 18h.', ['recurring "du mardi au samedi de 9h à 18h"']],
  ['Nous sommes fermés le lundi.', ['recurring "le lundi"']],
  ['Tous les lundis, nous faisons un point.', ['recurring "Tous les lundis"']],
  ['Service client joignable 24h/24 et 7j/7.', ['recurring "24h/24"', 'recurring "7j/7"']],
  ['La boutique ouvre à 10h.', ['recurring "à 10h"']],
  // Fourchettes.
  ['La livraison aura lieu entre le 23 et le 26.', ['window "entre le 23 et le 26" 2026-11-23..2026-11-26']],
  ['Livraison du 15 au 18 décembre.', ['window "du 15 au 18 décembre" 2026-12-15..2026-12-18']],
  ['Je suis disponible de 14h à 16h demain.', ['window "de 14h à 16h demain" 2026-11-19T14:00..2026-11-19T16:00']],
  ['Je vous envoie le devis la semaine prochaine.', ['window "la semaine prochaine" 2026-11-23..2026-11-29']],
  ['Ce sera prêt en mars.', ['window "en mars" 2027-03-01..2027-03-31']],
  // Ce qui ressemble à une date et n'en est pas.
  ['Appelez-nous au 01 44 55 66 77 ou au +33 6 12 34 56 78.', ['not-a-date:phone "01 44 55 66 77"', 'not-a-date:phone "+33 6 12 34 56 78"']],
  ['Mon portable : 06.12.34.56.78.', ['not-a-date:phone "06.12.34.56.78"']],
  ['Le tarif est de 9,30 € par mois.', ['not-a-date:price "9,30 €"']],
  ['La remise est de 20 %.', ['not-a-date:quantity "20 %"']],
  ['Installez la version 2.4.1.', ['not-a-date:version "version 2.4.1"']],
  ["C'est la 3e fois que cela arrive.", ['not-a-date:ordinal "3e"']],
  ['Le 2e étage est fermé.', ['not-a-date:ordinal "Le 2e"']],
  ['Je suis joignable pendant la pause de midi.', ['not-a-date:lunchtime "la pause de midi"']],
  ["Je vous appelle à l'heure du déjeuner.", ['not-a-date:lunchtime "à l\'heure du déjeuner"']],
  ['Le midi, je suis en rendez-vous.', ['not-a-date:lunchtime "Le midi"']],
  ['Je passerai entre midi et deux.', ['not-a-date:lunchtime "entre midi et deux"']],
  ["J'ai passé 3h de travail dessus.", ['not-a-date:quantity "3h"']],
  ['Nous en avons reçu 12/15.', ['not-a-date:quantity "12/15"']],
  ['Entre 15 et 18 personnes viendront.', []],
  ['Merci pour votre patience et votre confiance.', []],
];

describe('date mentions in an English draft', () => {
  it('has at least 30 sentences, every lookalike class among them', () => {
    expect(ENGLISH.length).toBeGreaterThanOrEqual(30);
    const classes = new Set(ENGLISH.flatMap(([, found]) => found.map((line) => /^not-a-date:(\w+)/.exec(line)?.[1]).filter(Boolean)));
    expect([...classes].sort()).toEqual(['lunchtime', 'ordinal', 'phone', 'price', 'quantity', 'version']);
  });
  it.each(ENGLISH)('%s', (text, expected) => expect(mentions(text, 'en')).toEqual(expected));
});

describe('date mentions in a French draft', () => {
  it('has at least 30 sentences, every lookalike class among them', () => {
    expect(FRENCH.length).toBeGreaterThanOrEqual(30);
    const classes = new Set(FRENCH.flatMap(([, found]) => found.map((line) => /^not-a-date:(\w+)/.exec(line)?.[1]).filter(Boolean)));
    expect([...classes].sort()).toEqual(['lunchtime', 'ordinal', 'phone', 'price', 'quantity', 'version']);
  });
  it.each(FRENCH)('%s', (text, expected) => expect(mentions(text, 'fr')).toEqual(expected));
});

describe('the contract of findDateMentions', () => {
  it('keeps only future commitments under kind "future" in a whole draft', () => {
    const draft = [
      'Bonjour Madame Leroy,',
      '',
      'Concernant votre commande du 04/02, livrée hier avec une semaine de retard, je vous présente mes excuses.',
      'Nous sommes ouverts du mardi au samedi, joignables au 01 44 55 66 77 sauf pendant la pause de midi.',
      "Je vous rappelle jeudi à 10h pour convenir d'un geste, et le module corrigé sera en ligne d'ici le 30 novembre.",
    ].join('\n');
    const future = findDateMentions(draft, { reference, lang: 'fr' }).filter((mention) => mention.kind === 'future');
    expect(future.map((mention) => mention.text)).toEqual(['jeudi à 10h', "d'ici le 30 novembre"]);
  });

  it('gives UTF-16 offsets, in text order, without overlaps', () => {
    const text = '😀 Réponse 🙏 : je vous rappelle demain à 9h, puis le 3 décembre.';
    const found = findDateMentions(text, { reference, lang: 'fr' });
    expect(found.map((mention) => text.slice(mention.start, mention.end))).toEqual(['demain à 9h', 'le 3 décembre']);
    expect(found.map((mention) => mention.text)).toEqual(['demain à 9h', 'le 3 décembre']);
  });

  it('reads 04/02 month first when the order says so', () => {
    const found = findDateMentions('Your order of 04/02 was late.', { reference, lang: 'en', order: 'mdy' });
    expect(found.map(shown)).toEqual(['reference "04/02" 2026-04-02']);
  });

  it('never throws, and its spans always hold their text, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), fc.constantFrom<Lang>('en', 'fr'), (text, lang) => {
        const found = findDateMentions(text, { reference, lang });
        let previousEnd = 0;
        for (const mention of found) {
          expect(mention.start).toBeGreaterThanOrEqual(previousEnd);
          expect(text.slice(mention.start, mention.end)).toBe(mention.text);
          previousEnd = mention.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** `kind "text" [tense] [delay]`: what the reply checker reads of a mention. */
function read(text: string, lang: Lang, at: Date | { year: number; month: number; day: number } = reference): string[] {
  return findDateMentions(text, { reference: at, lang }).map(
    (mention) => `${mention.kind} "${mention.text}"${mention.tense ? ` ${mention.tense}` : ''}${mention.delay ? ' delay' : ''}`,
  );
}

describe('what the reply checker reads of a mention', () => {
  it('the tense of the sentence around it, when its words say one', () => {
    expect(read('We will call you on Friday.', 'en')).toEqual(['future "on Friday" future']);
    expect(read('Nous vous rappellerons le 14.', 'fr')).toEqual(['future "le 14" future']);
    expect(read('Les verres seront prêts le 20.', 'fr')).toEqual(['future "le 20" future']);
    expect(read('Il vous appartenait de nous les transmettre avant le 15 avril.', 'fr')).toEqual(['past "avant le 15 avril" past']);
    // The clause, not the sentence: a comma ends what came before.
    expect(read('Nous avons bien reçu votre message, et je vous rappelle le 24.', 'fr')).toEqual(['future "le 24"']);
  });

  it('an infinitive of purpose or request points ahead, whatever the verb before it', () => {
    const day = { year: 2025, month: 1, day: 1 };
    expect(read("I've asked a colleague to call you at 15:00 today.", 'en', day)).toEqual(['future "at 15:00 today"']);
    expect(read("J'ai demandé à Paul de vous rappeler à 15 h aujourd'hui.", 'fr', day)).toEqual(['future "à 15 h aujourd\'hui"']);
    // Not after a verb that tells a miss, nor one told in the past; "to" before a pronoun is no infinitive.
    expect(read('I forgot to send it on Friday.', 'en', day)).toEqual(['past "on Friday" past']);
    expect(read('I sent it to you on Monday.', 'en', day)).toEqual(['past "on Monday" past']);
    // A noun in -re after "de" is no infinitive: the date of the claim stays where it was.
    expect(read('Nous accusons réception de votre déclaration de sinistre du 6 octobre.', 'fr', day)).not.toContainEqual(expect.stringMatching(/^future/));
  });

  it('a day named outright in a sentence told in the past is past, even after the reference', () => {
    expect(read('Your dispute was opened on 24/02/2027, after the period had ended.', 'en')).toEqual(['past "24/02/2027" past']);
    expect(read('La commande a été livrée le 3 décembre 2026.', 'fr')).toEqual(['past "le 3 décembre 2026" past']);
    // A day counted from the reference keeps its place.
    expect(read('Yesterday I promised it for tomorrow.', 'en')).toEqual(['past "Yesterday" past', 'future "tomorrow" past']);
    // An explicit year before the reference is past, whatever the tense.
    expect(read('We will ship it on 3 March 2025.', 'en')).toEqual(['past "3 March 2025" future']);
  });

  it('a participle right before the date: done is past, planned is future', () => {
    expect(read('Nous avons étudié votre demande pour le lave-linge acheté le 2 janvier.', 'fr')).toEqual(['past "le 2 janvier" past']);
    expect(read('The parcel sent on 12 November was lost.', 'en')).toEqual(['past "12 November" past']);
    expect(read('La visite prévue le 2 janvier est maintenue.', 'fr')).toEqual(['future "le 2 janvier" future']);
    expect(read('Your call is scheduled for 2 December.', 'en')).toEqual(['future "2 December" future']);
    expect(read('Une facture rectifiée vous sera adressée le 28 novembre.', 'fr')).toEqual(['future "le 28 novembre" future']);
  });

  it('a delay counted from the reference, which a policy says as often as a promise', () => {
    expect(read('You will hear from us within 48 hours.', 'en')).toEqual(['future "within 48 hours" future delay']);
    expect(read('Disputes can be opened within 30 days.', 'en')).toEqual(['future "within 30 days" delay']);
    expect(read('Je vous réponds dans 3 jours.', 'fr')).toEqual(['future "dans 3 jours" delay']);
  });

  it("the reference's own day said as a part of it", () => {
    expect(read('Il repasse dans la journée.', 'fr')).toEqual(['future "dans la journée"']);
    expect(read("You'll have it by end of day.", 'en')).toEqual(['future "by end of day" future']);
    expect(read('Nous sommes passés dans la matinée.', 'fr')).toEqual(['past "dans la matinée" past']);
  });

  it('no day in an ordinal adjective, nor in an abbreviated weekday alone', () => {
    expect(read('Vous êtes le premier client à vous en plaindre.', 'fr')).toEqual(['not-a-date "le premier"']);
    expect(read('It was the first thing we checked.', 'en')).toEqual(['not-a-date "the first" past']);
    expect(read('Bien à vous,\nSam', 'fr')).toEqual([]);
    expect(read('Merci, on se voit sam. à 10h.', 'fr')).toEqual(['future "sam. à 10h"']);
  });

  it('a reference that is a day without its time: a time on that day is placed by the tense', () => {
    const day = { year: 2026, month: 11, day: 18 };
    expect(read('I called at 9:30 this morning.', 'en', day)).toEqual(['past "at 9:30 this morning" past']);
    expect(read('I will call you at 9:30.', 'en', day)).toEqual(['future "at 9:30" future']);
    expect(read('Je vous rappelle ce soir.', 'fr', day)).toEqual(['future "ce soir"']);
  });
});
