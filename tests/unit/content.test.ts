import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/**
 * Checks on the built-in coaching content that the schema alone cannot see: the French and
 * English playbooks must be the same playbook (only the human text differs), the tips files must
 * offer the same topics, and docs/sources.md must only name ids that exist.
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LANGS = ['en', 'fr'] as const;
const PLAYBOOKS = ['crisis', 'prevention', 'followup'] as const;

type Lang = (typeof LANGS)[number];
type Data = Record<string, unknown>;
interface Choice {
  value: string;
  weight?: number;
}
interface Verdict {
  value: string;
  max?: number;
}
interface Step {
  id: string;
  type: string;
  now?: string;
  when?: unknown;
  required?: boolean;
  default?: unknown;
  future?: boolean;
  time?: boolean;
  choices?: Choice[];
  verdicts?: Verdict[];
}
interface Playbook {
  id: string;
  kind: string;
  lang: string;
  steps: Step[];
  record?: unknown;
  templates: { recap: { file?: string }; email: { body: { file?: string } } };
}
interface Tips {
  lang: string;
  topics: { id: string; title: string; summary: string; cards: { title: string; text: string }[] }[];
}

const read = (...parts: string[]): string => readFileSync(join(root, ...parts), 'utf8');
const cache = new Map<string, unknown>();
function cached<T>(key: string, load: () => T): T {
  if (!cache.has(key)) cache.set(key, load());
  return cache.get(key) as T;
}
const playbook = (lang: Lang, id: string): Playbook =>
  cached(`${lang}/${id}`, () => parse(read('playbooks', lang, `${id}.yaml`)) as Playbook);
const tips = (lang: Lang): Tips => cached(`${lang}/tips`, () => parse(read('playbooks', lang, 'tips.yaml')) as Tips);

/** Everything about a step that changes behaviour; the human text is left out on purpose. */
function shape(step: Step): Data {
  return {
    id: step.id,
    type: step.type,
    when: step.when ?? null,
    required: step.required ?? true,
    default: step.default ?? null,
    future: step.future ?? false,
    time: step.time ?? false,
    choices: step.choices?.map((c) => ({ value: c.value, weight: c.weight ?? 1 })) ?? null,
    verdicts: step.verdicts?.map((v) => ({ value: v.value, max: v.max ?? null })) ?? null,
  };
}

describe('en/fr parity of the playbooks', () => {
  for (const id of PLAYBOOKS) {
    describe(id, () => {
      const en = playbook('en', id);
      const fr = playbook('fr', id);

      it('declares its language, id and kind', () => {
        expect(en.lang).toBe('en');
        expect(fr.lang).toBe('fr');
        expect(fr.id).toBe(en.id);
        expect(en.id).toBe(id);
        expect(fr.kind).toBe(en.kind);
      });

      it('has the same steps, types, conditions, choices and verdicts, in the same order', () => {
        expect(fr.steps.map((s) => s.id)).toEqual(en.steps.map((s) => s.id));
        for (const [i, step] of en.steps.entries()) {
          expect(shape(fr.steps[i] as Step), `step ${step.id}`).toEqual(shape(step));
        }
      });

      it('records the same steps (promise, next contact, lesson, status) in both languages', () => {
        expect(fr.record ?? null).toEqual(en.record ?? null);
      });

      it('points at template files that exist in both languages', () => {
        for (const lang of LANGS) {
          const pb = lang === 'en' ? en : fr;
          for (const file of [pb.templates.recap.file, pb.templates.email.body.file]) {
            if (file) expect(existsSync(join(root, 'playbooks', lang, file)), `${lang}/${file}`).toBe(true);
          }
        }
      });

      it('says what to do now, in one line of its own words, at every step', () => {
        for (const pb of [en, fr]) {
          for (const step of pb.steps as (Step & { help?: string; text?: string })[]) {
            const now = step.now;
            expect(typeof now, `${pb.lang} ${step.id}`).toBe('string');
            // Under the progress line, after "▸ ": one row at 80 columns.
            expect(String(now).length, `${pb.lang} ${step.id}: ${String(now)}`).toBeLessThanOrEqual(76);
            expect(String(now), `${pb.lang} ${step.id}`).toMatch(/[.!?»"]$/);
            // Not the first sentence it stands for: a line of its own, to act on.
            const first = (step.help ?? step.text ?? '').split(/(?<=[.!?])\s/)[0]?.trim();
            expect(now, `${pb.lang} ${step.id}`).not.toBe(first);
          }
        }
      });

      it('starts with the schema comment for editors', () => {
        for (const lang of LANGS) {
          expect(read('playbooks', lang, `${id}.yaml`).split('\n')[0]).toBe(
            '# yaml-language-server: $schema=../../schema/playbook.schema.json',
          );
        }
      });
    });
  }

  it('keeps the crisis step ids the engine, fixtures and answers files rely on, in order', () => {
    const fixed = [
      'breathe', 'listen', 'client_words', 'tone', 'mediator', 'mediator_name', 'mediator_role', 'circle', 'gap',
      'expected', 'received', 'fault', 'own_it', 'gesture', 'gesture_details', 'need', 'hidden_demand', 'lead',
      'solution', 'deadline', 'stopgap', 'agreement', 'end', 'followup_date', 'lesson',
    ];
    const ids = playbook('en', 'crisis').steps.map((s) => s.id);
    expect(ids.filter((id) => fixed.includes(id))).toEqual(fixed);
  });

  it('keeps the follow-up step ids and status values the followup command relies on', () => {
    const fixed = [
      'kept', 'client_yes', 'client_feeling', 'anything_else', 'new_order', 'learned', 'process_change',
      'prevention_item', 'status', 'next_date',
    ];
    const steps = playbook('en', 'followup').steps;
    expect(steps.map((s) => s.id).filter((id) => fixed.includes(id))).toEqual(fixed);
    expect(steps.find((s) => s.id === 'status')?.choices?.map((c) => c.value)).toEqual([
      'open', 'resolved', 'escalated', 'lost',
    ]);
  });
});

describe('tips', () => {
  it('has the same topics, in the same order, in both languages', () => {
    const en = tips('en');
    const fr = tips('fr');
    expect(en.lang).toBe('en');
    expect(fr.lang).toBe('fr');
    expect(fr.topics.map((t) => t.id)).toEqual(en.topics.map((t) => t.id));
    expect(en.topics.map((t) => t.id)).toEqual(expect.arrayContaining(['waltz', 'mistakes', 'needs', 'phrases']));
  });

  it('is made of snake_case ids and non-empty text', () => {
    for (const lang of LANGS) {
      for (const topic of tips(lang).topics) {
        expect(topic.id).toMatch(/^[a-z][a-z0-9_]*$/);
        for (const text of [topic.title, topic.summary]) expect(typeof text === 'string' && text.trim()).toBeTruthy();
        expect(topic.cards.length, `${lang} ${topic.id}`).toBeGreaterThan(0);
        for (const card of topic.cards) {
          expect(typeof card.title === 'string' && card.title.trim(), `${lang} ${topic.id}`).toBeTruthy();
          expect(typeof card.text === 'string' && card.text.trim(), `${lang} ${topic.id} ${card.title}`).toBeTruthy();
        }
      }
    }
  });
});

describe('docs/sources.md', () => {
  const rows = read('docs', 'sources.md')
    .split('\n')
    .filter((line) => /^\|\s*\d{3}\.\d+\s*\|/.test(line))
    .map((line) => {
      const cells = line.split('|').map((cell) => cell.trim());
      return { outline: cells[1] ?? '', where: cells[3] ?? '' };
    });
  const REF = /`((?:crisis|prevention|followup)(?::[a-z0-9_.]+|#(?:recap|email))|tips:[a-z0-9_]+)`/g;

  it('has rows, each naming at least one place', () => {
    expect(rows.length).toBeGreaterThan(50);
    for (const row of rows) expect([...row.where.matchAll(REF)].length, `row ${row.outline}`).toBeGreaterThan(0);
  });

  it('covers every bullet of the article outlines', () => {
    // Number of bullets per article in the outline of the seed articles (seeds/README.md).
    const bullets: Record<string, number> = { '000': 4, '001': 4, '002': 5, '003': 4, '004': 5 };
    const seen = new Set(rows.map((row) => row.outline));
    for (const [article, count] of Object.entries(bullets)) {
      for (let n = 1; n <= count; n++) expect(seen.has(`${article}.${n}`), `${article}.${n}`).toBe(true);
    }
  });

  it('names only ids that exist, in both languages', () => {
    const refs = new Set(rows.flatMap((row) => [...row.where.matchAll(REF)].map((m) => m[1] as string)));
    expect(refs.size).toBeGreaterThan(0);
    for (const lang of LANGS) {
      const topics = new Set(tips(lang).topics.map((t) => t.id));
      for (const ref of refs) {
        if (ref.startsWith('tips:')) {
          expect(topics.has(ref.slice('tips:'.length)), `${lang} ${ref}`).toBe(true);
          continue;
        }
        const template = /^([a-z]+)#(recap|email)$/.exec(ref);
        if (template) {
          const pb = playbook(lang, template[1] as string);
          expect(template[2] === 'recap' ? pb.templates.recap : pb.templates.email, `${lang} ${ref}`).toBeTruthy();
          continue;
        }
        const [id, path] = ref.split(':') as [string, string];
        const [stepId, value] = path.split('.') as [string, string | undefined];
        const step = playbook(lang, id).steps.find((s) => s.id === stepId);
        expect(step, `${lang} ${ref}: no step ${stepId}`).toBeDefined();
        if (value !== undefined) {
          const values = [...(step?.choices ?? []), ...(step?.verdicts ?? [])].map((c) => c.value);
          expect(values, `${lang} ${ref}: no choice or verdict ${value}`).toContain(value);
        }
      }
    }
  });
});
