import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runPlaybook, effectiveAnswers } from '../../src/engine/run.js';
import { InputError } from '../../src/errors.js';
import { loadPlaybookFile, parsePlaybook, type TemplateReader } from '../../src/playbook/load.js';
import type { Playbook } from '../../src/playbook/schema.js';
import { AnswersFile, ScriptedPrompter } from '../../src/prompters/scripted.js';
import { renderSession } from '../../src/render/documents.js';
import { FIXTURES, ROOT } from '../helpers.js';
import { propertyRuns, propertyTimeout } from '../properties.js';
import type { Lang } from '../../src/types.js';

const NOW = new Date(2026, 10, 22, 10, 0);
const PLAYBOOK_DIR = join(ROOT, 'playbooks');
const shipped = ['en', 'fr'].flatMap((lang) =>
  readdirSync(join(PLAYBOOK_DIR, lang))
    .filter((name) => /^(crisis|prevention|followup)\.yaml$/.test(name))
    .map((name) => join(PLAYBOOK_DIR, lang, name)),
);
const readBeside = (file: string): TemplateReader => (name) => {
  const path = resolve(dirname(file), name);
  return { path, text: readFileSync(path, 'utf8') };
};

/** Either it works, or it is an InputError whose every problem says where. Anything else fails. */
function succeedsOrLocates(action: () => unknown): void {
  try {
    action();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.exitCode).toBe(2);
    expect(error.message.length).toBeGreaterThan(0);
    for (const problem of error.problems) {
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.col).toBeGreaterThanOrEqual(1);
      expect(problem.message.length).toBeGreaterThan(0);
    }
  }
}

/** Text-level damage, as a bad edit or a truncated copy would do. */
const textMutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 12 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(':', '- ', '{{', '}}', '\t', '&a ', '*a', '"', "'", '\n  ', '[') }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swapLines' as const), at: fc.nat(), other: fc.nat() }),
);
type TextMutation = typeof textMutation extends fc.Arbitrary<infer T> ? T : never;

function applyText(text: string, mutation: TextMutation): string {
  const at = mutation.at % (text.length + 1);
  switch (mutation.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + mutation.length);
    case 'insert':
      return text.slice(0, at) + mutation.text + text.slice(at);
    case 'truncate':
      return text.slice(0, at);
    case 'swapLines': {
      const lines = text.split('\n');
      const a = mutation.at % lines.length;
      const b = mutation.other % lines.length;
      [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
      return lines.join('\n');
    }
  }
}

/** Structure-level damage: a value anywhere replaced by anything, or a key dropped. */
function replaceSomewhere(data: unknown, pick: number, value: unknown, drop: boolean): unknown {
  const paths: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, [...path, i]));
    else if (node && typeof node === 'object') for (const [key, item] of Object.entries(node)) walk(item, [...path, key]);
  };
  walk(data, []);
  const path = paths[pick % paths.length] ?? [];
  if (path.length === 0) return value;
  const copy = structuredClone(data) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] ?? '';
  if (drop && !Array.isArray(parent)) delete parent[last];
  else parent[last] = value;
  return copy;
}

/**
 * Cases per property on CI (tests/properties.ts): a shipped playbook is parsed in about 14 ms here,
 * mostly by the YAML parser, an answers file run in about 1.5 ms.
 */
const PLAYBOOK_RUNS = 60;
const ANSWERS_RUNS = 200;

describe('property: mutated shipped playbooks load or report a located error', () => {
  it.each(shipped)('%s, damaged as text', { timeout: propertyTimeout(PLAYBOOK_RUNS) }, (file) => {
    const original = readFileSync(file, 'utf8');
    fc.assert(
      fc.property(fc.array(textMutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const text = mutations.reduce(applyText, original);
        succeedsOrLocates(() => parsePlaybook(file, text, 'en', readBeside(file)));
      }),
      { numRuns: propertyRuns(PLAYBOOK_RUNS) },
    );
  });

  it.each(shipped)('%s, damaged in structure', { timeout: propertyTimeout(PLAYBOOK_RUNS) }, (file) => {
    const data: unknown = parse(readFileSync(file, 'utf8'));
    fc.assert(
      fc.property(fc.nat(), fc.jsonValue({ maxDepth: 2 }), fc.boolean(), (pick, value, drop) => {
        const text = stringify(replaceSomewhere(data, pick, value, drop));
        succeedsOrLocates(() => parsePlaybook(file, text, 'en', readBeside(file)));
      }),
      { numRuns: propertyRuns(PLAYBOOK_RUNS) },
    );
  });
});

describe('damage the properties found', () => {
  // Fails today: src/playbook/load.ts (playbookSchemaProblem) turns the value of a step's `type`
  // into text with String(), which throws for a mapping with a key named toString. Found by the
  // property above (seed -1308804451, fr/prevention.yaml): a TypeError, which the CLI reports as an
  // unexpected error (exit 70), instead of a problem located at the step.
  it('reports a step type written as a mapping with a "toString" key as a located problem', () => {
    const file = join(PLAYBOOK_DIR, 'en', 'crisis.yaml');
    const data = parse(readFileSync(file, 'utf8')) as { steps: Record<string, unknown>[] };
    data.steps[0] = { ...data.steps[0], type: { toString: false } };
    let thrown: unknown;
    try {
      parsePlaybook(file, stringify(data), 'en', readBeside(file));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
  });
});

describe('property: mutated answers files run or report a located error', () => {
  const cases: [Lang, string][] = [
    ['en', 'crisis-en.yaml'],
    ['fr', 'crisis-fr.yaml'],
  ];
  it.each(cases)('%s crisis answers', { timeout: propertyTimeout(ANSWERS_RUNS) }, async (lang, fixture) => {
    const playbook = loadPlaybookFile(join(PLAYBOOK_DIR, lang, 'crisis.yaml'), lang);
    const answers: unknown = parse(readFileSync(join(FIXTURES, 'answers', fixture), 'utf8'));
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.jsonValue({ maxDepth: 2 }), fc.boolean(), async (pick, value, drop) => {
        const text = stringify(replaceSomewhere(answers, pick, value, drop));
        await runScripted(playbook, text);
      }),
      { numRuns: propertyRuns(ANSWERS_RUNS) },
    );
  });
});

async function runScripted(playbook: Playbook, text: string): Promise<void> {
  let file: AnswersFile;
  try {
    file = AnswersFile.parse('answers.yaml', text, 'en');
    const unknown = file.unknownKeys(playbook);
    if (unknown.length > 0) throw new InputError('unknown', unknown);
  } catch (error) {
    succeedsOrLocates(() => {
      throw error;
    });
    return;
  }
  const prompter = new ScriptedPrompter(file, NOW, playbook.lang);
  const answers = await runPlaybook(playbook, { prompter });
  succeedsOrLocates(() => {
    prompter.assertComplete();
    const { recap, email } = renderSession({ playbook, answers: effectiveAnswers(playbook, answers), client: 'Dupont', now: NOW });
    expect(recap.contents).not.toMatch(/\{\{|undefined/);
    expect(email.contents).not.toMatch(/\{\{|undefined/);
  });
}

describe('hostile sizes and shapes', () => {
  it('loads and walks a playbook of thousands of steps', async () => {
    const steps = Array.from({ length: 3000 }, (_, i) =>
      i === 0
        ? { id: 's0', type: 'confirm', message: 'first?' }
        : { id: `s${i}`, type: 'input', message: `question ${i}`, required: false, when: { step: `s${i - 1}`, answered: i % 2 === 0 } },
    );
    const text = stringify({
      id: 'big', kind: 'crisis', lang: 'en', title: 'Big', description: 'Many steps',
      steps, templates: { recap: { text: '# {{client}}\n{{s1}}' }, email: { subject: 's', body: { text: 'b' } } },
    });
    const playbook = parsePlaybook('big.yaml', text, 'en', () => ({ path: '', text: '' }));
    expect(playbook.steps).toHaveLength(3000);
    let asked = 0;
    await runPlaybook(playbook, {
      prompter: { advise: async () => {}, ask: async (step) => (asked++, step.type === 'confirm' ? true : 'x') },
    });
    expect(asked).toBeGreaterThan(1);
  });

  it('renders a 100 KB answer pasted into a text step', async () => {
    const playbook = loadPlaybookFile(join(PLAYBOOK_DIR, 'en', 'crisis.yaml'), 'en');
    const huge = Array.from({ length: 2500 }, (_, i) => `Line ${i}: the client is angry about the delay.`).join('\n');
    expect(huge.length).toBeGreaterThan(100_000);
    const base = parse(readFileSync(join(FIXTURES, 'answers', 'crisis-en.yaml'), 'utf8')) as Record<string, unknown>;
    const file = AnswersFile.parse('a.yaml', stringify({ ...base, client_words: huge }), 'en');
    const prompter = new ScriptedPrompter(file, NOW, 'en');
    const answers = await runPlaybook(playbook, { prompter });
    prompter.assertComplete();
    const { recap } = renderSession({ playbook, answers: effectiveAnswers(playbook, answers), client: 'Dupont', now: NOW });
    expect(recap.contents).toContain('> Line 2499: the client is angry');
    expect(recap.contents.length).toBeGreaterThan(100_000);
  });
});
