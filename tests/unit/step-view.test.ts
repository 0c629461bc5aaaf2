import { Chalk } from 'chalk';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressOf } from '../../src/engine/run.js';
import { loadPlaybookFile } from '../../src/playbook/load.js';
import type { QuestionStep, Step } from '../../src/playbook/schema.js';
import { firstSentence, nowLine, progressLine, stepDetails, trailLine } from '../../src/prompters/step-view.js';
import { columns } from '../../src/terminal/output.js';
import { ROOT } from '../helpers.js';

const plain = new Chalk({ level: 0 });
const crisis = loadPlaybookFile(join(ROOT, 'playbooks', 'fr', 'crisis.yaml'), 'fr');
const step = (id: string): Step => {
  const found = crisis.steps.find((candidate) => candidate.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('what a step shows at a glance', () => {
  it('says what to do now from `now`, else from the first sentence of its help or advice text', () => {
    const tone = step('tone');
    expect(nowLine(tone, 'fr')).toBe(tone.now);
    const bare = { ...step('client_words'), now: undefined } as Step;
    expect(nowLine(bare, 'fr')).toBe('Citez, n\'interprétez pas.');
    const advice = { ...step('listen'), now: undefined } as Step;
    expect(nowLine(advice, 'fr')).toBe('Laissez-le parler, jusqu\'au bout.');
    expect(nowLine({ id: 'x', type: 'input', message: 'Name?' } as Step, 'en')).toBeUndefined();
  });

  it('keeps for ? what the line does not say: the help without the sentence taken from it, the examples, the pitfall', () => {
    const bare = { ...step('listen'), now: undefined } as Step;
    const details = stepDetails(bare, 'fr');
    expect(details.text.startsWith('Pas d\'explication')).toBe(true);
    expect(details.tips.length).toBeGreaterThan(0);
    expect(details.warning).toBeDefined();
    // With its own `now`, all of the text stays.
    expect(stepDetails(step('listen'), 'fr').text.startsWith('Laissez-le parler')).toBe(true);
  });

  it('reads sentences as the language does, abbreviations and all', () => {
    expect(firstSentence('Call them e.g. tomorrow. Then write.', 'en')).toBe('Call them e.g. tomorrow.');
  });

  it('counts branches with the number of the step before them', () => {
    const line = (id: string) => progressLine(step(id), progressOf(crisis, step(id)), 'fr', plain, 80);
    expect(line('tone')).toBe('── étape 4/20 · Le ton');
    expect(line('mediator')).toBe('── étape 4/20 › Un tiers');
  });
});

describe('the trail of answers', () => {
  const entry = (id: string, value: string | string[] | boolean) => ({ step: step(id) as QuestionStep, value });

  it('shows the client, then the answers, most recent last, each cut at a word', () => {
    const trail = trailLine('Dupont & Fils', [entry('client_words', "Le site devait être en ligne lundi et j'ai imprimé les cartes\nDeuxième ligne"), entry('tone', 'angry')], 'fr', 80);
    expect(trail).toBe('Dupont & Fils · Le site devait être en ligne… (+1) · En colère');
  });

  it('lets the oldest answers give way when they do not all fit, never past the width', () => {
    const many = ['worried', 'frustrated', 'angry', 'personal', 'angry', 'worried', 'personal'].map((value) => entry('tone', value));
    const trail = trailLine('株式会社テスト', many, 'fr', 60);
    expect(columns(trail)).toBeLessThanOrEqual(60);
    expect(trail.startsWith('株式会社テスト · … · ')).toBe(true);
    expect(trail.endsWith('Attaques personnelles')).toBe(true);
  });
});
