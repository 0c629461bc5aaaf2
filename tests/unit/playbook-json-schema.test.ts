import { Ajv } from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PLAYBOOK_SCHEMA_FILE, playbookJsonSchema, playbookSchemaText } from '../../scripts/generate-schema.js';
import { builtinPlaybookEntries } from '../../src/playbook/registry.js';
import { starterPlaybook } from '../../src/playbook/starter.js';
import { KINDS, LANGS } from '../../src/types.js';
import { ROOT } from '../helpers.js';

const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(playbookJsonSchema());
const errorsOf = (data: unknown): string[] =>
  validate(data) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);

describe('the JSON Schema of playbooks', () => {
  it('is generated from the zod schema, and the committed file is up to date (npm run build rewrites it)', () => {
    expect(readFileSync(join(ROOT, PLAYBOOK_SCHEMA_FILE), 'utf8')).toBe(playbookSchemaText());
  });

  it('is a draft-07 schema with named definitions, which editors read', () => {
    const schema = playbookJsonSchema();
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(Object.keys(schema.definitions as object)).toEqual(expect.arrayContaining(['condition', 'step']));
  });

  const playbooks = builtinPlaybookEntries().map((entry) => entry.file);
  it('finds the built-in playbooks', () => {
    expect(playbooks.length).toBeGreaterThan(0);
  });

  it.each(playbooks.map((file) => [file.slice(ROOT.length + 1), file]))('validates the built-in playbook %s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(errorsOf(parse(text))).toEqual([]);
    // The modeline that tells editors which schema to use, and that it points at the shipped file.
    const modeline = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text.split('\n')[0] ?? '');
    expect(modeline?.[1]).toBe('../../schema/playbook.schema.json');
    expect(resolve(dirname(file), modeline?.[1] ?? '')).toBe(join(ROOT, PLAYBOOK_SCHEMA_FILE));
  });

  it.each(LANGS.flatMap((lang) => KINDS.map((kind) => [lang, kind] as const)))('validates the %s %s starter playbook', (lang, kind) => {
    expect(errorsOf(parse(starterPlaybook({ id: 'mine', lang, kind, schema: 'schema.json', formatDoc: 'format.md' })))).toEqual([]);
  });

  it('refuses what the loader refuses: unknown fields, unknown step types, bad ids, missing templates', () => {
    const starter = parse(starterPlaybook({ id: 'mine', lang: 'en', kind: 'crisis', schema: 'schema.json', formatDoc: 'format.md' })) as Record<string, unknown>;
    const steps = starter.steps as Record<string, unknown>[];
    expect(errorsOf({ ...starter, colour: 'blue' })).not.toEqual([]);
    expect(errorsOf({ ...starter, steps: [{ ...steps[0], type: 'slider' }] })).not.toEqual([]);
    expect(errorsOf({ ...starter, steps: [{ ...steps[0], id: 'Not-Snake' }] })).not.toEqual([]);
    expect(errorsOf({ ...starter, steps: [{ ...steps[1], when: { step: 'fault', equals: 'mine', in: ['mine'] } }] })).not.toEqual([]);
    expect(errorsOf({ ...starter, templates: undefined })).not.toEqual([]);
    expect(errorsOf({ ...starter, kind: 'panic' })).not.toEqual([]);
  });
});

describe('the package', () => {
  it('ships the schema folder', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    expect(manifest.files).toContain('schema');
    expect(readdirSync(join(ROOT, 'schema'))).toContain('playbook.schema.json');
  });
});
