import * as z from 'zod';
import { conditionSchema, playbookSchema, stepSchema } from '../src/playbook/schema.js';

/**
 * The JSON Schema of playbooks, generated from the zod schema the loader validates with, so that
 * editors complete and check playbooks by the same rules. `scripts/build.mjs` writes it to
 * `schema/playbook.schema.json`; a test checks that the committed file is up to date.
 *
 * The loader checks more than a JSON Schema can say (step ids that conditions and templates name,
 * verdict order, template syntax): `calmclient playbooks validate` stays the full check.
 */

export const PLAYBOOK_SCHEMA_FILE = 'schema/playbook.schema.json';

export function playbookJsonSchema(): Record<string, unknown> {
  // Named definitions instead of zod's `__schema0`: what an editor shows when a value is wrong.
  const names = z.registry<{ id: string }>();
  names.add(conditionSchema, { id: 'condition' });
  names.add(stepSchema, { id: 'step' });
  const generated = z.toJSONSchema(playbookSchema, { target: 'draft-07', io: 'input', metadata: names });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'calmclient playbook',
    description: 'A calmclient coaching playbook, format 1. Reference: docs/playbook-format.md.',
    ...rest,
  };
}

/** The file's exact contents: stable key order, two-space indent, final newline. */
export function playbookSchemaText(): string {
  return `${JSON.stringify(playbookJsonSchema(), null, 2)}\n`;
}
