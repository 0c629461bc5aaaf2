import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

/**
 * The layout rules of src/ (README, "Design"), checked on the import graph: every import counts,
 * static, type-only, re-export or dynamic, since each one ties a module to another.
 */

const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const IMPORT = /(?:^|[\s;])(?:import|export)\b[^'"`;]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]|\bimport\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** Each module of src/, by its path from src/, with the modules of src/ it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets: string[] = [];
    for (const match of text.matchAll(IMPORT)) {
      const spec = match[1] ?? match[2];
      if (spec === undefined) continue;
      const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
      if (target.startsWith(SRC)) targets.push(relative(SRC, target));
    }
    graph.set(relative(SRC, file), [...new Set(targets)]);
  }
  return graph;
}

/** Every cycle, each once, as the list of modules around it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = path.slice(path.indexOf(next));
        found.set([...cycle].sort().join(' '), cycle);
      } else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return [...found.values()];
}

const folder = (module: string): string => (module.includes('/') ? module.split('/')[0] ?? '' : module);

describe('the layout of src/', () => {
  const graph = importGraph();

  it('finds the modules and their imports', () => {
    expect(graph.size).toBeGreaterThan(40);
    expect(graph.get('cli.ts')?.length ?? 0).toBeGreaterThan(3);
  });

  it('has no import cycle', () => {
    expect(cycles(graph).map((cycle) => [...cycle, cycle[0]].join(' → '))).toEqual([]);
  });

  it('keeps each layer below the ones that use it', () => {
    /** Folders a layer must never import. */
    const forbidden: Record<string, readonly string[]> = {
      store: ['render', 'commands', 'session', 'prompters', 'cli.ts', 'app.ts'],
      playbook: ['store', 'render', 'commands', 'session', 'prompters', 'cli.ts', 'app.ts'],
      engine: ['store', 'render', 'commands', 'session', 'prompters', 'terminal', 'cli.ts', 'app.ts'],
      render: ['store', 'commands', 'session', 'prompters', 'terminal', 'cli.ts', 'app.ts'],
      dates: ['store', 'render', 'commands', 'session', 'prompters', 'terminal', 'engine', 'playbook', 'cli.ts', 'app.ts'],
      check: ['store', 'commands', 'session', 'prompters', 'cli.ts', 'app.ts'],
      session: ['commands', 'cli.ts', 'app.ts'],
      commands: ['cli.ts', 'app.ts'],
    };
    const wrong: string[] = [];
    for (const [module, targets] of graph) {
      const banned = forbidden[folder(module)] ?? [];
      for (const target of targets) if (banned.includes(folder(target))) wrong.push(`${module} → ${target}`);
    }
    expect(wrong).toEqual([]);
  });

  // cli.ts imports their option types; it reaches their modules through app.ts, a bundle of its own (scripts/build.mjs).
  it('keeps commands/ for commands: each file there is one command, imported only by cli.ts and app.ts', () => {
    const importers = new Map<string, string[]>();
    for (const [module, targets] of graph)
      for (const target of targets) importers.set(target, [...(importers.get(target) ?? []), module]);
    const commands = [...graph.keys()].filter((module) => folder(module) === 'commands');
    const misplaced = commands.filter((module) => (importers.get(module) ?? []).some((importer) => importer !== 'cli.ts' && importer !== 'app.ts'));
    expect(misplaced).toEqual([]);
    expect(commands.filter((module) => !(importers.get(module) ?? []).includes('app.ts'))).toEqual([]);
  });
});
