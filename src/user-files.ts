import { readFileSync, statSync } from 'node:fs';
import { InputError } from './errors.js';
import { t } from './i18n.js';

/** Playbooks, answers files and drafts are written by people: a megabyte is far beyond any of them. */
export const MAX_INPUT_BYTES = 1024 * 1024;

/** Reads a user's text file: refuses huge or binary files, drops a BOM, keeps CRLF readable. */
export function readUserFile(file: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') throw new InputError(t('file.notFound', { file }));
    throw new InputError(t('file.unreadable', { file, reason: errorCode(error) ?? String(error) }));
  }
  if (size > MAX_INPUT_BYTES) throw new InputError(t('file.tooBig', { file, limit: '1 MiB' }));
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new InputError(t('file.unreadable', { file, reason: errorCode(error) ?? String(error) }));
  }
  return decodeText(bytes, file);
}

export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length > MAX_INPUT_BYTES) throw new InputError(t('file.tooBig', { file, limit: '1 MiB' }));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError(t('file.binary', { file }));
  }
  if (text.includes('\u0000')) throw new InputError(t('file.binary', { file }));
  return text;
}

export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
