import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SESSION_CHECK_FILE, sessionCheckSource } from '../../scripts/generate-session-check.js';
import validateSessionRecord from '../../src/store/session-record-check.js';
import { sessionRecordSchema } from '../../src/store/session-schema.js';
import { ROOT } from '../helpers.js';

/** Dates as stored, and near misses: days that do not exist, times out of range, other shapes. */
const storedDates = fc.constantFrom(
  '2026-11-25',
  '2026-11-25T09:30',
  '2024-02-29',
  '2026-02-29',
  '2026-02-30',
  '2026-04-31',
  '2026-13-01',
  '2026-11-25T24:00',
  '2026-11-25T23:60',
  '2026-11-25T10:00Z',
  '2026-11-25T10:00:00',
  '25/11/2026',
  '',
);
const timestamps = fc.constantFrom(
  '2026-11-22T09:00:00.000Z',
  '2026-11-22T09:00:00Z',
  '2026-11-22T09:00:00.000+01:00',
  '2026-11-22T09:00',
  '2026-11-22',
  '2026-02-30T09:00:00.000Z',
);

const validRecord = fc.record({
  version: fc.constant(1),
  id: fc.constantFrom('2026-11-22-dupont-fils-3f9a', 'x'),
  kind: fc.constantFrom('crisis', 'prevention', 'followup'),
  status: fc.constantFrom('open', 'resolved', 'escalated', 'lost', 'draft', 'done'),
  client: fc.string(),
  lang: fc.constantFrom('en', 'fr'),
  playbook: fc.record({ id: fc.string(), source: fc.string() }),
  createdAt: fc.constant('2026-11-22T09:00:00.000Z'),
  updatedAt: fc.constant('2026-11-22T09:30:00.000Z'),
  answers: fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }))),
  promise: fc.option(fc.record({ what: fc.string(), by: fc.constant('2026-11-25') }), { nil: undefined }),
  nextContact: fc.option(fc.constant('2026-11-26T10:00'), { nil: undefined }),
  files: fc.record({ recap: fc.string() }, { requiredKeys: [] }),
});

/** One change to a record: a field removed, given another value, or a field added. */
const change = fc.oneof(
  fc.record({ field: fc.constantFrom('version', 'id', 'kind', 'status', 'client', 'lang', 'playbook', 'answers', 'files', 'promise'), remove: fc.constant(true) }),
  fc.record({
    field: fc.constantFrom('version', 'id', 'kind', 'status', 'client', 'lang', 'playbook', 'answers', 'files', 'lesson', 'followsUp', 'templateValues', 'mood'),
    value: fc.jsonValue({ maxDepth: 2 }),
  }),
  fc.record({ field: fc.constantFrom('nextContact'), value: storedDates }),
  fc.record({ field: fc.constantFrom('createdAt', 'updatedAt', 'followedUpAt'), value: timestamps }),
  fc.record({ field: fc.constant('promise'), value: fc.record({ what: fc.string(), by: storedDates }) }),
  fc.record({ field: fc.constant('id'), value: fc.constantFrom('', 'a/b', 'a\\b', '../up', 'ok') }),
  fc.record({ field: fc.constant('answers'), value: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 1 })) }),
);

interface Change {
  field: string;
  remove?: boolean;
  value?: unknown;
}

function applied(record: Record<string, unknown>, changes: readonly Change[]): Record<string, unknown> {
  const result: Record<string, unknown> = { ...record };
  for (const { field, remove, value } of changes) {
    if (remove) delete result[field];
    else result[field] = value;
  }
  return result;
}

describe('the check of session records', () => {
  it('is compiled from the zod schema, and the committed file is up to date (npm run build rewrites it)', () => {
    expect(readFileSync(join(ROOT, SESSION_CHECK_FILE), 'utf8')).toBe(sessionCheckSource());
  });

  it('accepts every record the schema accepts', () => {
    fc.assert(
      fc.property(validRecord, (record) => {
        expect(sessionRecordSchema.safeParse(record).success).toBe(true);
        expect(validateSessionRecord(record)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses exactly what the schema refuses, whatever was changed', () => {
    fc.assert(
      fc.property(validRecord, fc.array(change, { minLength: 1, maxLength: 3 }), (record, changes) => {
        const changed = applied(record, changes);
        expect(validateSessionRecord(changed)).toBe(sessionRecordSchema.safeParse(changed).success);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses what is not a record at all', () => {
    for (const value of [null, [], 'text', 42, true]) {
      expect(validateSessionRecord(value)).toBe(false);
      expect(sessionRecordSchema.safeParse(value).success).toBe(false);
    }
  });
});
