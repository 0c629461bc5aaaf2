import { describe, expect, it } from 'vitest';
import { runInProcess, tempDir } from '../helpers.js';

const home = tempDir();

describe('calmclient tips', () => {
  it('lists the topics, the waltz, the mistakes, the needs and the phrases among them', async () => {
    const result = await runInProcess(['tips'], { home });
    expect(result.code).toBe(0);
    for (const topic of ['waltz', 'mistakes', 'needs', 'phrases']) expect(result.stdout).toMatch(new RegExp(`^\\s+${topic}\\s`, 'm'));
  });

  it('shows the cards of one topic, in French too', async () => {
    const needs = await runInProcess(['tips', 'needs', '--lang', 'fr'], { home });
    expect(needs.code).toBe(0);
    expect(needs.stdout).toMatch(/Briller/);
    const waltz = await runInProcess(['tips', 'waltz'], { home });
    expect(waltz.stdout).toMatch(/Full attention/);
  });

  it('gives the cards as JSON', async () => {
    const result = await runInProcess(['tips', 'mistakes', '--json'], { home });
    const topic = JSON.parse(result.stdout);
    expect(topic.id).toBe('mistakes');
    expect(topic.cards.length).toBeGreaterThanOrEqual(4);
  });

  it('names the topics when asked for an unknown one', async () => {
    const result = await runInProcess(['tips', 'nope'], { home });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no tips topic "nope"; topics: waltz, mistakes, needs, phrases/);
  });
});
