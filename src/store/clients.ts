import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { catalogue, t } from '../i18n/catalogue.js';
import { slugify } from '../text/slug.js';
import type { Lang } from '../types.js';
import { readUserFile } from '../user-files.js';
import { ensurePrivateDir, writeFileAtomic } from './files.js';

/**
 * What calmclient remembers of each client, beyond the sessions: the name as first entered, the
 * contact person (who is greeted), their e-mail address and phone, and in French whether they are
 * addressed as tu or vous. One private JSON file per client, `clients/<slug>.json` in the data
 * folder: the slug ignores case, accents and punctuation, so "boulangerie martin" finds the file of
 * "Boulangerie Martin", whose spelling the documents keep.
 */

export const REGISTERS = ['vous', 'tu'] as const;
export type Register = (typeof REGISTERS)[number];

export interface Contact {
  name?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
}

export interface ClientFile {
  version: 1;
  /** The client's name, spelt as first entered. */
  name: string;
  contact?: Contact | undefined;
  /** French only: how the contact is addressed. */
  register?: Register | undefined;
  /** The contact's e-mail address and phone were asked once (after a call): not asked again, even if left empty. */
  detailsAsked?: true | undefined;
  updatedAt: string;
}

const m = catalogue({
  badFile: {
    en: '{file}: not a calmclient client file; fix it or delete it',
    fr: '{file} : ce n\'est pas une fiche client de calmclient ; corrigez-la ou supprimez-la',
  },
});

export const clientsDir = (root: string): string => join(root, 'clients');
export const clientPath = (root: string, name: string): string => join(clientsDir(root), `${slugify(name)}.json`);

/** The client file of `name` (whatever its case, accents or punctuation), if there is one. */
export function findClient(root: string, name: string, lang: Lang): ClientFile | undefined {
  const file = clientPath(root, name);
  if (!existsSync(file)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(readUserFile(file, lang));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(t(m.badFile, lang, { file }));
  }
  const client = asClientFile(data);
  if (!client) throw new InputError(t(m.badFile, lang, { file }));
  return client;
}

/** Saves the client's file, atomically and privately. */
export function saveClient(root: string, client: ClientFile): string {
  ensurePrivateDir(clientsDir(root));
  const file = clientPath(root, client.name);
  writeFileAtomic(file, `${JSON.stringify(client, null, 2)}\n`);
  return file;
}

const text = (value: unknown): value is string => typeof value === 'string';
const optionalText = (value: unknown): boolean => value === undefined || text(value);

function asClientFile(data: unknown): ClientFile | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const record = data as Record<string, unknown>;
  if (record.version !== 1 || !text(record.name) || record.name.trim() === '') return undefined;
  if (record.register !== undefined && !(REGISTERS as readonly unknown[]).includes(record.register)) return undefined;
  if (record.detailsAsked !== undefined && record.detailsAsked !== true) return undefined;
  const contact = record.contact;
  if (contact !== undefined) {
    if (contact === null || typeof contact !== 'object' || Array.isArray(contact)) return undefined;
    const fields = contact as Record<string, unknown>;
    if (!optionalText(fields.name) || !optionalText(fields.email) || !optionalText(fields.phone)) return undefined;
  }
  return {
    version: 1,
    name: record.name,
    ...(contact ? { contact: contact as Contact } : {}),
    ...(record.register ? { register: record.register as Register } : {}),
    ...(record.detailsAsked === true ? { detailsAsked: true as const } : {}),
    updatedAt: text(record.updatedAt) ? record.updatedAt : new Date(0).toISOString(),
  };
}
