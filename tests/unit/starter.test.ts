import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlaybookEntry } from '../../src/playbook/registry.js';
import { KINDS, LANGS } from '../../src/types.js';
import { starterPlaybook } from '../../src/playbook/starter.js';
import { tempDir } from '../helpers.js';

describe('the starter playbook of `playbooks new`', () => {
  const root = tempDir();

  it.each(LANGS.flatMap((lang) => KINDS.map((kind) => [lang, kind] as const)))('loads without a problem in %s as a %s playbook', async (lang, kind) => {
    const dir = join(root, lang);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `my-${kind}.yaml`);
    const text = starterPlaybook({ id: `my-${kind}`, lang, kind, schema: '/opt/calmclient/schema/playbook.schema.json', formatDoc: '/opt/calmclient/docs/playbook-format.md' });
    writeFileSync(file, text);
    const playbook = await loadPlaybookEntry({ id: `my-${kind}`, lang, origin: 'user', file }, 'en');
    expect(playbook).toMatchObject({ id: `my-${kind}`, kind, lang });
    expect(playbook.steps.map((step) => step.type)).toEqual(['advice', 'text', 'select', 'input', 'date']);
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=/opt/calmclient/schema/playbook.schema.json');
    // Commented: a reader learns the format from it.
    expect(text.split('\n').filter((line) => /^\s*#|\s#\s/.test(line)).length).toBeGreaterThan(15);
  });
});
