import { describe, expect, it } from 'vitest';
import { englishTypography, frenchTypography, inlineText, listItems } from '../../src/render/typography.js';
import { frenchSpacing } from '../../src/i18n/catalogue.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('frenchTypography', () => {
  it('sets the no-break spaces frenchSpacing sets, and those a typed answer left out', () => {
    expect(frenchTypography('Pourquoi ? Objet : oui ; « non »')).toBe(frenchSpacing('Pourquoi ? Objet : oui ; « non »'));
    expect(frenchTypography('Pourquoi? Objectif: 10% de remise!')).toBe(`Pourquoi${NNBSP}? Objectif${NBSP}: 10${NBSP}% de remise${NNBSP}!`);
    expect(frenchTypography('«oui»')).toBe(`«${NBSP}oui${NBSP}»`);
    expect(frenchTypography('une page "Commandez par téléphone" en ligne')).toBe(`une page «${NBSP}Commandez par téléphone${NBSP}» en ligne`);
  });

  it('writes times the French way, and leaves links, ratios and clocks with seconds alone', () => {
    expect(frenchTypography('de 9:00 à 17:30, puis 9h30 et 14h')).toBe(`de 9${NBSP}h à 17${NBSP}h${NBSP}30, puis 9${NBSP}h${NBSP}30 et 14${NBSP}h`);
    for (const kept of ['https://example.org/a?b=1', 'à 12:30:15 précises', 'v2.10:3']) expect(frenchTypography(kept)).toBe(kept);
  });
});

describe('englishTypography', () => {
  it('keeps the percent sign on its number and curls straight quotes', () => {
    expect(englishTypography('10 % off, "as agreed"')).toBe('10% off, “as agreed”');
  });
});

describe('listItems', () => {
  it('keeps the user\'s words, one item a line, with a capital and an end stop, bullets and empty lines dropped', () => {
    expect(listItems('- fix the module;\n\n* iPhone app\n1. walk your team through it,\nwhat now?\n')).toEqual([
      'Fix the module.',
      'iPhone app.',
      'Walk your team through it.',
      'What now?',
    ]);
  });
});

describe('inlineText', () => {
  it('continues a sentence: no end stop, a leading article in lower case, a name left alone', () => {
    expect(inlineText('A read-only preview link.', 'en')).toBe('a read-only preview link');
    expect(inlineText('Une page de commande\nen ligne ce soir.', 'fr')).toBe('une page de commande en ligne ce soir');
    expect(inlineText("L'ancienne page", 'fr')).toBe("l'ancienne page");
    expect(inlineText('Sophie will call', 'en')).toBe('Sophie will call');
    expect(inlineText('Really?', 'en')).toBe('Really?');
  });
});
