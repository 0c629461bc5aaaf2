import * as z from 'zod';
import { KINDS, LANGS, SESSION_STATUSES } from '../types.js';
import { SESSION_VERSION, type SessionRecord } from './sessions.js';

/**
 * What a session record must hold to be read back: the one definition of the format, which
 * read-sessions.ts checks every record against.
 */

/** `YYYY-MM-DD`, a day that exists (zod's own pattern: month lengths, leap years). */
const DAY = z.regexes.date.source.replace(/^\^/, '').replace(/\$$/, '');

/** A stored date (dates/calendar.ts `parseIso`): a day that exists, with `THH:MM` when a time was given. */
const storedDate = z.string().regex(new RegExp(`^(?:${DAY})(?:T(?:[01]\\d|2[0-3]):[0-5]\\d)?$`));

/**
 * Unknown keys are kept (`looseObject`), so a record that a later calmclient enriched within
 * version 1 keeps its extra fields when a follow-up rewrites it.
 */
export const sessionRecordSchema = z.looseObject({
  version: z.literal(SESSION_VERSION),
  // The id names the record's file, `sessions/<id>.json`: it cannot hold a folder separator.
  id: z.string().regex(/^[^/\\]+$/),
  kind: z.enum(KINDS),
  status: z.enum([...SESSION_STATUSES, 'draft', 'done']),
  client: z.string(),
  lang: z.enum(LANGS),
  playbook: z.looseObject({ id: z.string(), source: z.string() }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  answers: z.record(z.string(), z.union([z.string(), z.boolean(), z.array(z.string())])),
  promise: z.looseObject({ what: z.string(), by: storedDate }).optional(),
  nextContact: storedDate.optional(),
  lesson: z.string().optional(),
  followsUp: z.string().optional(),
  followedUpAt: z.iso.datetime().optional(),
  templateValues: z.record(z.string(), z.string()).optional(),
  editedEmail: z.string().optional(),
  previousFiles: z.array(z.string()).optional(),
  files: z.looseObject({
    recap: z.string().optional(),
    email: z.string().optional(),
    eml: z.string().optional(),
    calendar: z.string().optional(),
  }),
  written: z.array(z.string()).optional(),
  partial: z.looseObject({ step: z.string(), text: z.string() }).optional(),
}) satisfies z.ZodType<SessionRecord>;
