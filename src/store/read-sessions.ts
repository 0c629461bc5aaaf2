import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as z from 'zod';
import { parseIso } from '../engine/dates.js';
import { KINDS, LANGS, SESSION_STATUSES } from '../playbook/constants.js';
import { sessionsDir } from './paths.js';
import { SESSION_VERSION, type SessionRecord } from './sessions.js';

/**
 * Reading session records back, each checked against the format: apart from saving them
 * (sessions.ts), since checking needs zod and a command that only writes a record does not.
 */

const storedDate = z.string().refine((value) => parseIso(value) !== undefined);

/**
 * What a record must hold to be read back. Unknown keys are kept (`looseObject`), so a record that a
 * later calmclient enriched within version 1 keeps its extra fields when a follow-up rewrites it.
 */
const sessionRecordSchema = z.looseObject({
  version: z.literal(SESSION_VERSION),
  id: z.string().min(1),
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
  files: z.looseObject({
    recap: z.string().optional(),
    email: z.string().optional(),
    eml: z.string().optional(),
    calendar: z.string().optional(),
  }),
}) satisfies z.ZodType<SessionRecord>;

/** A record that could not be read; the others are read all the same. */
export type SessionProblem =
  | { file: string; kind: 'unreadable' | 'json'; detail: string }
  /** `field` is a dotted path, empty when the file holds no record at all (`[]`, `"text"`). */
  | { file: string; kind: 'field'; field: string }
  | { file: string; kind: 'newer'; version: number };

export interface SessionList {
  sessions: SessionRecord[];
  problems: SessionProblem[];
}

/** Every session record in the data dir, in no particular order; a bad record is a problem, never an exception. */
export function readSessions(root: string): SessionList {
  const dir = sessionsDir(root);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return { sessions: [], problems: [] };
    throw error;
  }
  const list: SessionList = { sessions: [], problems: [] };
  // Names starting with a dot are writeFileAtomic's temporary files.
  for (const name of names.filter((entry) => entry.endsWith('.json') && !entry.startsWith('.')).sort()) {
    const result = readSessionFile(join(dir, name));
    if ('problem' in result) list.problems.push(result.problem);
    else list.sessions.push(result.session);
  }
  return list;
}

function readSessionFile(file: string): { session: SessionRecord } | { problem: SessionProblem } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { problem: { file, kind: 'unreadable', detail: error instanceof Error ? error.message : String(error) } };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { problem: { file, kind: 'json', detail: error instanceof Error ? error.message : String(error) } };
  }
  const version = data !== null && typeof data === 'object' ? (data as { version?: unknown }).version : undefined;
  if (typeof version === 'number' && version > SESSION_VERSION) return { problem: { file, kind: 'newer', version } };
  const parsed = sessionRecordSchema.safeParse(data);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.map(String).join('.') ?? '';
    return { problem: { file, kind: 'field', field } };
  }
  // The id names the file: a follow-up rewrites the crisis record at `<id>.json`, never elsewhere.
  if (`${parsed.data.id}.json` !== basename(file)) return { problem: { file, kind: 'field', field: 'id' } };
  return { session: parsed.data };
}
