import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { emlFromDraft, headerField, renderEml, rfc5322Date } from '../../src/render/eml.js';
import { markdownToPlainText } from '../../src/render/plain-text.js';

const date = new Date('2026-11-22T09:30:05Z');
const messageId = '0b7f2c1e-4a5d-4e4b-9a57-3f0e0c1d2b3a@calmclient.invalid';

function headerValue(email: Awaited<ReturnType<typeof PostalMime.parse>>, key: string): string | undefined {
  return email.headers.find((header) => header.key === key.toLowerCase())?.value;
}

describe('renderEml', () => {
  it('is a MIME draft that a mail parser reads back: French accents and emoji in the subject', async () => {
    const subject = 'Après notre appel 😊 : le plan d’action, l’échéance et la démo « prévue » jeudi 🚀';
    const body = 'Bonjour Élodie,\n\nMerci pour l’échange — voici le plan.\n\nBien cordialement,\nCamille\n';
    const eml = renderEml({ subject, body, date, messageId });
    const email = await PostalMime.parse(eml);

    expect(email.subject).toBe(subject);
    expect(email.text?.replace(/\r\n/g, '\n')).toBe(body);
    expect(email.messageId).toBe(`<${messageId}>`);
    expect(new Date(email.date ?? '').toISOString()).toBe(date.toISOString());
    expect(headerValue(email, 'X-Unsent')).toBe('1');
    expect(headerValue(email, 'MIME-Version')).toBe('1.0');
    expect(headerValue(email, 'Content-Type')).toBe('text/plain; charset=UTF-8');
    expect(headerValue(email, 'Content-Transfer-Encoding')).toBe('quoted-printable');
  });

  it('uses CRLF line ends only, 7-bit text, and lines within 78 characters', () => {
    const subject = 'Un très long objet accentué, répété pour déborder : '.repeat(4) + '🎉';
    const body = `${'Une ligne très longue avec des accents é à ç et des signes = qui déborde. '.repeat(5)}\nfin\n`;
    const eml = renderEml({ subject, body, date, messageId });
    expect(eml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(eml).toMatch(/^[\x00-\x7f]*$/);
    for (const line of eml.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    expect(eml.endsWith('\r\n')).toBe(true);
  });

  it('keeps what quoted-printable must protect: = signs, trailing spaces, "From " and a leading dot', async () => {
    const body = 'a = b, 100 % sûr  \nFrom now on, we meet weekly.\n.\n\ttabbed line\t\n';
    const email = await PostalMime.parse(renderEml({ subject: 'Plan', body, date, messageId }));
    expect(email.text?.replace(/\r\n/g, '\n')).toBe(body);
  });

  it('reads back a subject that looks like an encoded word, and an empty body', async () => {
    const subject = 'Re: =?UTF-8?B?not really?= encoded';
    const email = await PostalMime.parse(renderEml({ subject, body: '', date, messageId }));
    expect(email.subject).toBe(subject);
  });
});

describe('headerField', () => {
  it('leaves short ASCII readable and encodes anything else as RFC 2047 words', () => {
    expect(headerField('Subject', 'Following our call')).toBe('Subject: Following our call');
    expect(headerField('Subject', 'Café')).toBe(`Subject: =?UTF-8?B?${Buffer.from('Café').toString('base64')}?=`);
  });

  it('folds a long ASCII subject at spaces, and never splits an emoji between encoded words', () => {
    const folded = headerField('Subject', 'word '.repeat(30).trim());
    expect(folded.split('\r\n').length).toBeGreaterThan(1);
    for (const line of folded.split('\r\n').slice(1)) expect(line.startsWith(' ')).toBe(true);
    const emoji = headerField('Subject', '😊'.repeat(40));
    for (const word of emoji.match(/=\?UTF-8\?B\?([^?]*)\?=/g) ?? []) {
      const bytes = Buffer.from(word.slice('=?UTF-8?B?'.length, -2), 'base64');
      expect(bytes.toString('utf8')).toMatch(/^(😊)+$/u);
    }
  });
});

describe('rfc5322Date', () => {
  it('writes the date in UTC with a numeric zone', () => {
    expect(rfc5322Date(date)).toBe('Sun, 22 Nov 2026 09:30:05 +0000');
  });
});

describe('emlFromDraft', () => {
  it('names the file after the markdown draft and drops markdown escapes from the body', async () => {
    const draft = {
      path: '2026-11-22-dupont-fils-email.md',
      subject: 'Following our call: the plan and the date',
      body: 'Hello Dupont & Fils,\n\n\\# not a heading, {\\{ not a tag \\<b\\>\n\n- fix the payment module\n',
      contents: '',
    };
    const file = emlFromDraft(draft, { date, messageId });
    expect(file.path).toBe('2026-11-22-dupont-fils-email.eml');
    const email = await PostalMime.parse(file.contents);
    expect(email.subject).toBe(draft.subject);
    expect(email.text?.replace(/\r\n/g, '\n')).toBe('Hello Dupont & Fils,\n\n# not a heading, {{ not a tag <b>\n\n- fix the payment module\n');
  });
});

describe('markdownToPlainText', () => {
  it('removes markdown-only syntax and keeps what reads as plain text', () => {
    expect(markdownToPlainText('## Plan\n**Thursday** at [the office](https://example.org)\n\\- not a list\n- a list\n> a quote')).toBe(
      'Plan\nThursday at the office (https://example.org)\n- not a list\n- a list\n> a quote',
    );
    expect(markdownToPlainText('C:\\dossier\\fichier, 3 \\* 4')).toBe('C:\\dossier\\fichier, 3 * 4');
  });
});
