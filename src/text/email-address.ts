import addressparser from 'nodemailer/lib/addressparser';

/**
 * An e-mail address as a person types it: `sophie@boulangerie-martin.fr`, or with a name,
 * `Sophie Martin <sophie@boulangerie-martin.fr>`. Parsed with nodemailer's own address parser
 * (quoted names, comments, angle brackets), then held to the shape a mail client can send to:
 * one mailbox, a local part and a domain with a dot, no spaces.
 */
export interface Mailbox {
  /** The name typed with the address, if any. */
  name: string;
  address: string;
}

const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/u;

/** The one mailbox `text` holds, or undefined when it is not exactly one valid address. */
export function parseMailbox(text: string): Mailbox | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || /[\u0000-\u001f\u007f]/.test(trimmed)) return undefined;
  const parsed = addressparser(trimmed, { flatten: true });
  if (parsed.length !== 1) return undefined;
  const [only] = parsed;
  if (!only || only.address === undefined || !ADDRESS.test(only.address)) return undefined;
  return { name: only.name.trim(), address: only.address };
}
