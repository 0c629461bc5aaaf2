import { encode as encodeQuotedPrintable, wrap as wrapQuotedPrintable } from 'libqp';
import { domainToASCII } from 'node:url';
import type { RenderedFile } from '../types.js';
import { markdownToPlainText } from './plain-text.js';

/**
 * An e-mail draft as a message file (RFC 5322, MIME) that mail clients open as a draft to send:
 * `X-Unsent: 1` tells them so. `From:` is the user's own address and `To:` the client contact's,
 * when calmclient knows them; otherwise the mail client fills in the user's account and the user
 * picks the recipient.
 */

/** A mailbox as calmclient knows it: an address (checked when it was typed) and the name to show. */
export interface MailboxInput {
  name?: string | undefined;
  address: string;
}

export interface EmlInput {
  subject: string;
  /** Plain text, lines ending in `\n`. */
  body: string;
  date: Date;
  /** Without angle brackets; see `newMessageId`. */
  messageId: string;
  from?: MailboxInput | undefined;
  to?: MailboxInput | undefined;
}

const CRLF = '\r\n';
/** RFC 5322 §2.1.1: lines SHOULD stay within 78 characters. */
const MAX_LINE = 78;

export function renderEml({ subject, body, date, messageId, from, to }: EmlInput): string {
  const headers = [
    `Date: ${rfc5322Date(date)}`,
    `Message-ID: <${messageId}>`,
    ...(from ? [addressField('From', from)] : []),
    ...(to ? [addressField('To', to)] : []),
    headerField('Subject', subject),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: quoted-printable',
    'X-Unsent: 1',
  ];
  const text = body.replace(/\r\n?/g, '\n').replace(/\n*$/, '\n').replace(/\n/g, CRLF);
  return `${headers.join(CRLF)}${CRLF}${CRLF}${wrapQuotedPrintable(encodeQuotedPrintable(text), 76)}`;
}

/** The `.eml` twin of a rendered markdown e-mail draft, named after it. */
export function emlFromDraft(
  email: RenderedFile & { subject: string; body: string },
  options: { date: Date; messageId: string; from?: MailboxInput | undefined; to?: MailboxInput | undefined },
): RenderedFile {
  return {
    path: email.path.replace(/\.md$/, '') + '.eml',
    contents: renderEml({ subject: email.subject, body: markdownToPlainText(email.body), ...options }),
  };
}

/** `Sat, 22 Nov 2026 09:30:00 +0000`: UTC, so the file is the same whatever the machine's zone. */
export function rfc5322Date(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

/**
 * `Name: value`, folded under 78 characters. Plain ASCII stays readable; any other text (or text
 * that would read as an encoded word) becomes RFC 2047 encoded words, `=?UTF-8?B?…?=`.
 */
export function headerField(name: string, value: string): string {
  // Line breaks and tabs fold into spaces; a no-break space is text and stays (French typography).
  const oneLine = value.replace(/[ \t\r\n]+/g, ' ').trim();
  if (/^[\x20-\x7e]*$/.test(oneLine) && !oneLine.includes('=?')) return foldAscii(`${name}: ${oneLine}`);
  const lines: string[] = [];
  let line = `${name}:`;
  for (const word of encodedWords(oneLine, MAX_LINE - line.length - 1, MAX_LINE - 1)) {
    lines.push(`${line} ${word}`);
    line = '';
  }
  return lines.join(CRLF);
}

/** RFC 5322 `atext` and spaces: a display name made only of these needs no quoting. */
const PLAIN_PHRASE = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]+$/;

/**
 * `From: Camille Martin <camille@example.com>`: the display name as it is when it can be, quoted
 * when it holds ASCII specials (`Martin, Camille`), RFC 2047 encoded words when it holds anything
 * else (`Benoît`); an internationalised domain in its ASCII form (punycode), as every server takes it.
 */
export function addressField(name: string, mailbox: MailboxInput): string {
  const at = mailbox.address.lastIndexOf('@');
  const domain = mailbox.address.slice(at + 1);
  const address = `${mailbox.address.slice(0, at)}@${domainToASCII(domain) || domain}`;
  const display = (mailbox.name ?? '').replace(/\s+/g, ' ').trim();
  if (display === '') return foldAscii(`${name}: ${address}`);
  if (PLAIN_PHRASE.test(display) && !display.includes('=?')) return foldAscii(`${name}: ${display} <${address}>`);
  if (/^[\x20-\x7e]*$/.test(display) && !display.includes('=?')) return foldAscii(`${name}: "${display.replace(/(["\\])/g, '\\$1')}" <${address}>`);
  const words = encodedWords(display, MAX_LINE - name.length - 2, MAX_LINE - 1);
  return foldAscii([`${name}:`, ...words, `<${address}>`].join(' '));
}

/** Breaks at spaces so that each line fits; a single longer word is left whole (it cannot fold). */
function foldAscii(field: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of field.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > MAX_LINE) {
      lines.push(line);
      line = '';
    }
    line = line === '' ? (lines.length === 0 ? word : ` ${word}`) : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join(CRLF);
}

const WORD_OVERHEAD = '=?UTF-8?B??='.length;

/**
 * Base64 encoded words of whole characters (never half of a UTF-8 sequence, RFC 2047 §5), the
 * first one fitting in `firstWidth` columns and the others in `width` (75 at most, §2).
 */
function encodedWords(text: string, firstWidth: number, width: number): string[] {
  const maxBytes = (columns: number): number => Math.floor((Math.min(columns, 75) - WORD_OVERHEAD) / 4) * 3;
  const words: string[] = [];
  let chunk = '';
  let chunkBytes = 0;
  const flush = (): void => {
    words.push(`=?UTF-8?B?${Buffer.from(chunk, 'utf8').toString('base64')}?=`);
    chunk = '';
    chunkBytes = 0;
  };
  for (const character of text) {
    const bytes = Buffer.byteLength(character, 'utf8');
    if (chunkBytes + bytes > maxBytes(words.length === 0 ? firstWidth : width)) flush();
    chunk += character;
    chunkBytes += bytes;
  }
  if (chunk !== '' || words.length === 0) flush();
  return words;
}
