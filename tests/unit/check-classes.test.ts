import { describe, expect, it } from 'vitest';
import { builtinRules, type Finding } from '../../src/check/index.js';
import { checkText } from '../../src/check/run.js';

/**
 * Each class of issue 16, in both languages, in sentences written for these tests (not taken from
 * the corpus nor from the examples): what the checker must find, and the false alarms it
 * must not raise. The drafts are dated (REFERENCE) so that their dates resolve the same every day.
 */

const REFERENCE = { year: 2026, month: 3, day: 4 }; // a Wednesday
const rules = { en: await builtinRules('en'), fr: await builtinRules('fr') };
const en = (text: string): Finding[] => checkText(text, rules.en, 'en', REFERENCE);
const fr = (text: string): Finding[] => checkText(text, rules.fr, 'fr', REFERENCE);
const categories = (findings: readonly Finding[]): string[] => [...new Set(findings.map((finding) => finding.category))].sort();
const wordsOf = (findings: readonly Finding[], category: string): string[] => findings.filter((finding) => finding.category === category).map((finding) => finding.text);

/** A calm frame around one sentence: acknowledgement first, then the sentence, then a dated step. */
const EN_FRAME = (sentence: string): string => `Hello Noor,\n\nYou're right to be annoyed, and I'm sorry.\n\n${sentence}\n\nI'll call you on Friday at 10:00.\n\nBest,\nSam`;
const FR_FRAME = (sentence: string): string => `Bonjour Noor,\n\nVous avez raison d'être agacée, et je suis désolé.\n\n${sentence}\n\nJe vous appelle vendredi à 10 h.\n\nBien à vous,\nSam`;

describe('the corporate "we" and the formal register', () => {
  it('finds the company denying its part, as it finds "I"', () => {
    expect(wordsOf(en(EN_FRAME('Our firm cannot be held liable for the late shipment.')), 'justification')).toEqual(['cannot be held liable']);
    expect(wordsOf(en(EN_FRAME('The outage happened for reasons beyond our control.')), 'justification')).toEqual(['reasons beyond']);
    expect(wordsOf(fr(FR_FRAME('La société ne saurait être tenue responsable de ce retard.')), 'justification')).toEqual(['ne saurait être tenue responsable']);
    expect(wordsOf(fr(FR_FRAME('Ce contretemps est indépendant de notre volonté.')), 'justification')).toEqual(['indépendant de notre volonté']);
  });

  it('finds the lecture of the formal register', () => {
    expect(categories(en(EN_FRAME('Kindly note that we would remind you of clause 4 of our terms.')))).toContain('condescension');
    expect(wordsOf(en(EN_FRAME('Please be advised that the warranty has lapsed.')), 'condescension')).toEqual(['Please be advised']);
    expect(wordsOf(fr(FR_FRAME('Nous vous rappelons que la garantie a expiré.')), 'condescension')).toEqual(['Nous vous rappelons que']);
    expect(wordsOf(fr(FR_FRAME('Je vous invite à relire attentivement nos conditions générales.')), 'condescension')).toEqual(['Je vous invite à relire']);
  });
});

describe('French customer-service stock phrases', () => {
  it('find the stock vague delay, the stock apology for "the trouble caused", and the promise of best efforts', () => {
    expect(wordsOf(fr(FR_FRAME('Votre colis sera réexpédié dans les plus brefs délais.')), 'vague-timing')).toEqual(['dans les plus brefs délais']);
    expect(wordsOf(fr(FR_FRAME('Toutes nos excuses pour les désagréments occasionnés.')), 'non-apology')).toEqual(['pour les désagréments occasionnés']);
    expect(wordsOf(fr(FR_FRAME('Nos équipes font le maximum pour rétablir la ligne.')), 'vague-timing')).toEqual(['font le maximum']);
  });
});

describe('blame told as a story of what the client did', () => {
  it('finds the client\'s earlier action told as the cause', () => {
    expect(categories(en(EN_FRAME('Since you had already washed the jacket, the stain could not be treated.')))).toContain('blame');
    expect(categories(en(EN_FRAME('The customer decided to repaint the wall himself before the plaster dried.')))).toContain('blame');
    expect(categories(fr(FR_FRAME('Vous aviez signé le bon de livraison sans vérifier le carton.')))).toContain('blame');
    expect(categories(fr(FR_FRAME('Comme vous aviez déjà ouvert le flacon, nous ne pouvons pas le reprendre.')))).toContain('blame');
  });

  it('does not read "we" owning a past action, nor the client\'s request, as blame', () => {
    expect(categories(en(EN_FRAME('We had already shipped it to the wrong depot, which is our mistake.')))).not.toContain('blame');
    expect(categories(en(EN_FRAME('As you requested, the invoice now shows the project code.')))).not.toContain('blame');
    expect(categories(fr(FR_FRAME('Nous avions déjà expédié le colis au mauvais dépôt : c\'est notre erreur.')))).not.toContain('blame');
    expect(categories(fr(FR_FRAME('Comme vous me l\'aviez demandé, la facture porte le code du projet.')))).not.toContain('blame');
  });
});

describe('indirect guarantees', () => {
  it('finds "never again" said without the word guarantee', () => {
    expect(categories(en(EN_FRAME('Rest assured, this kind of mix-up is behind us for good.')))).toContain('overpromise');
    expect(categories(en(EN_FRAME('We will ensure that nothing of the sort ever happens again.')))).toContain('overpromise');
    expect(categories(fr(FR_FRAME('Nous veillerons à ce que cela ne se reproduise plus jamais.')))).toContain('overpromise');
    expect(categories(fr(FR_FRAME('Soyez certaine que la prochaine livraison sera irréprochable désormais.')))).toContain('overpromise');
  });

  it('does not read an honest "I can\'t promise" as one', () => {
    expect(categories(en(EN_FRAME("I can't promise it will never happen again, but the new check catches it.")))).not.toContain('overpromise');
    expect(categories(fr(FR_FRAME('Je ne peux pas vous garantir que cela ne se reproduira jamais, mais le contrôle est en place.')))).not.toContain('overpromise');
  });
});

describe('hedged timing', () => {
  it('finds a date softened into a hope, and gives no next step for it', () => {
    const english = en('Hello Noor,\n\nYou are right, and I am sorry.\n\nThe new labels ought to be printed by Tuesday, fingers crossed.\n\nSam');
    expect(categories(english)).toEqual(expect.arrayContaining(['vague-timing', 'no-next-step']));
    const french = fr('Bonjour Noor,\n\nVous avez raison, et je suis désolé.\n\nNormalement les étiquettes devraient être imprimées mardi.\n\nSam');
    expect(categories(french)).toEqual(expect.arrayContaining(['vague-timing', 'no-next-step']));
  });

  it('does not read "normally" telling a habit, or "should have" owning a mistake, as a hedge', () => {
    expect(categories(en(EN_FRAME('Normally the alarm texts me at once; this time it did not.')))).toEqual([]);
    expect(categories(en(EN_FRAME('I should have checked the proofs myself.')))).toEqual([]);
    expect(categories(fr(FR_FRAME("Normalement, l'alarme m'envoie un SMS ; cette fois, elle ne l'a pas fait.")))).toEqual([]);
  });
});

describe('minimising', () => {
  it('finds the problem made small, and the client made the only one to mind', () => {
    expect(categories(en(EN_FRAME('It was only a tiny hiccup in the mailing.')))).toContain('minimising');
    expect(categories(en(EN_FRAME('No one else has complained about the colour.')))).toContain('minimising');
    expect(categories(fr(FR_FRAME("Il ne s'agit que d'un léger retard d'affichage.")))).toContain('minimising');
    expect(categories(fr(FR_FRAME("Personne d'autre ne s'est plaint de la couleur.")))).toContain('minimising');
  });

  it('does not read a denial of minimising as minimising', () => {
    expect(categories(en(EN_FRAME('This is not just a small glitch: your shop lost a day of orders.')))).not.toContain('minimising');
    expect(categories(fr(FR_FRAME("Ce n'est pas un simple contretemps : votre boutique a perdu une journée de commandes.")))).not.toContain('minimising');
  });
});

describe('non-apologies', () => {
  it('finds the conditional apology, the apology for "any" trouble, and the passive one', () => {
    expect(categories(en(EN_FRAME('Apologies if the parcel caused you any bother.')))).toContain('non-apology');
    expect(categories(en(EN_FRAME('We regret any disruption this may have caused.')))).toContain('non-apology');
    expect(categories(fr(FR_FRAME('Quelques abonnés ont pu être incommodés par la coupure.')))).toContain('non-apology');
    expect(categories(fr(FR_FRAME('Désolé si le montant vous a surpris.')))).toContain('non-apology');
  });

  it('finds "sorry, but" and the concession that takes the apology back', () => {
    expect(categories(en('Hello,\n\nWhile we regret the wait, we must ask you to book a new slot. Call us on Friday at 10:00.'))).toContain('non-apology');
    expect(categories(en('Hello,\n\nSorry about the mix-up, but the form was filled in wrong. Call us on Friday at 10:00.'))).toContain('non-apology');
    expect(categories(fr("Bonjour,\n\nBien que nous regrettions l'attente, nous devons vous demander de patienter. Appelez-nous vendredi à 10 h."))).toContain('non-apology');
    expect(categories(fr('Bonjour,\n\nDésolé pour le retard, mais le fichier est arrivé tard. Appelez-nous vendredi à 10 h.'))).toContain('non-apology');
  });
});

describe('a refusal or an explanation with no word on the client\'s feelings', () => {
  it('is a finding about the draft as a whole', () => {
    const english = en('Dear Ms Hale,\n\nYour claim was assessed on 2 March. The policy does not cover storm damage to fences.\n\nClaims Team');
    expect(english.find((finding) => finding.category === 'no-empathy')).toMatchObject({ length: 0 });
    const french = fr("Madame,\n\nVotre dossier a été examiné. Le contrat ne couvre pas les dégâts causés aux clôtures.\n\nLe service sinistres");
    expect(french.find((finding) => finding.category === 'no-empathy')).toMatchObject({ length: 0 });
  });
});

describe('false alarms it must not raise', () => {
  it('an opening formula before the apology', () => {
    expect(en("Dear Mr Abe,\n\nI am writing about your order. I'm sorry it arrived damaged. A new one leaves today and reaches you on Friday by noon.")).toEqual([]);
    expect(fr('Monsieur,\n\nJe me permets de vous écrire au sujet de votre commande. Je suis désolé qu\'elle soit arrivée abîmée. Une autre part aujourd\'hui et vous parviendra vendredi avant midi.')).toEqual([]);
  });

  it('an acknowledgement with a pronoun', () => {
    expect(categories(fr('Bonjour,\n\nTrois jours sans chauffage : je le comprends tout à fait, vous êtes à bout. Le technicien passe demain à 9 h.'))).toEqual([]);
    expect(categories(en("Hi,\n\nThree days without heating: I completely understand it, you've had enough. The engineer comes tomorrow at 9:00."))).toEqual([]);
  });

  it('owning an error, and agreeing with the client', () => {
    expect(en('Hi,\n\nBecause of a mistake on our side, the refund went to an old card. It will be back on yours tomorrow by noon.')).toEqual([]);
    expect(fr('Bonjour,\n\nVotre réclamation est parfaitement légitime : la facture était fausse. La bonne vous parvient demain avant midi.')).toEqual([]);
  });

  it('a next step without a date: an immediate remedy, or a choice', () => {
    expect(en("Hi,\n\nI'm sorry the lamp arrived cracked. We are posting a replacement right away.")).toEqual([]);
    expect(en("Hi,\n\nI'm sorry the lamp arrived cracked. We can refund it or send another: let me know which you would prefer.")).toEqual([]);
    expect(fr("Bonjour,\n\nJe suis désolé que la lampe soit arrivée fêlée. Je m'en occupe immédiatement.")).toEqual([]);
    expect(fr('Bonjour,\n\nJe suis désolé que la lampe soit arrivée fêlée. Remboursement ou nouvel envoi : dites-moi ce que vous préférez.')).toEqual([]);
  });

  it('past dates, the date of a dated thing, opening hours, lunchtime and phone numbers are no next step', () => {
    const noStep = (findings: readonly Finding[]): boolean => findings.some((finding) => finding.category === 'no-next-step');
    expect(noStep(en("Hi,\n\nI'm sorry. Last Tuesday the 3rd we mixed up your order of 02/03/2026.\n\nWe are open Monday to Friday. Call us on 0161 496 0732."))).toBe(true);
    expect(noStep(fr('Bonjour,\n\nJe suis désolé. Votre ticket du 02/03/2026 a été mal classé mardi dernier.\n\nNous sommes ouverts du mardi au vendredi, le midi aussi. Appelez le 01 44 55 66 77.'))).toBe(true);
    expect(noStep(en("Hi,\n\nI'm sorry. The corrected file reaches you on Friday 6 March.")))
      .toBe(false);
  });

  it('a date before the day the draft is written is past, whatever its tense', () => {
    const noStep = (findings: readonly Finding[]): boolean => findings.some((finding) => finding.category === 'no-next-step');
    expect(noStep(en("Hi,\n\nI'm sorry about the order. The parcel is with the courier since 2 March."))).toBe(true);
    expect(noStep(en("Hi,\n\nI'm sorry about the order. The parcel goes out on 9 March."))).toBe(false);
  });
});
