/**
 * The vocabulary that several layers share: languages, kinds of playbook and session, statuses,
 * and the values of options that more than one command takes. Values and types only: importing
 * this module loads nothing else.
 */

export const LANGS = ['en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];

/** What a playbook is for, and so what a session of it is: during, before or after a crisis. */
export const KINDS = ['crisis', 'prevention', 'followup'] as const;
export type PlaybookKind = (typeof KINDS)[number];

/** Where a crisis stands; a playbook records one of these in its `record.status` step. */
export const SESSION_STATUSES = ['open', 'resolved', 'escalated', 'lost'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** A session record's status: a draft until its documents are written, then a crisis status, or `done`. */
export const RECORD_STATUSES = ['draft', ...SESSION_STATUSES, 'done'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/** `start --format`: which e-mail files to write beside the recap. */
export const EMAIL_FORMATS = ['md', 'eml', 'both'] as const;
export type EmailFormat = (typeof EMAIL_FORMATS)[number];

/** `completion SHELL` */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/**
 * A document as a renderer makes it: its file name, relative to the folder it goes into, and its
 * text. Renderers return these and never touch the disk; the store writes them.
 */
export interface RenderedFile {
  path: string;
  contents: string;
}
