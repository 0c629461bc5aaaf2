import { formatDate, parseIso } from '../dates/calendar.js';
import type { Due } from '../engine/due.js';
import { catalogue, t, type Message } from '../i18n/catalogue.js';
import type { Lang, PlaybookKind, RecordStatus } from '../types.js';

/**
 * The words calmclient shows about sessions and their files, in both languages: what a file is,
 * a session's kind and status, what is due. `history`, `show`, `lessons` and the walking commands
 * all take them from here, so a status reads the same everywhere.
 */

export const fileLabels = catalogue({
  recap: { en: 'recap', fr: 'compte rendu' },
  framing: { en: 'framing', fr: 'cadrage' },
  followupRecap: { en: 'follow-up recap', fr: 'compte rendu de suivi' },
  email: { en: 'email draft', fr: 'brouillon d\'e-mail' },
  eml: { en: 'email draft for your mail client', fr: 'brouillon pour votre messagerie' },
  calendar: { en: 'calendar', fr: 'agenda' },
});

const statuses = catalogue({
  draft: { en: 'draft', fr: 'brouillon' },
  open: { en: 'open', fr: 'ouverte' },
  resolved: { en: 'resolved', fr: 'résolue' },
  escalated: { en: 'escalated', fr: 'escaladée' },
  lost: { en: 'lost', fr: 'perdue' },
  done: { en: 'done', fr: 'terminée' },
});
const STATUS_LABELS: Record<RecordStatus, Message> = statuses;

const kinds = catalogue({
  crisis: { en: 'crisis', fr: 'crise' },
  followup: { en: 'follow-up', fr: 'suivi' },
  prevention: { en: 'checklist', fr: 'checklist' },
});
const KIND_LABELS: Record<PlaybookKind, Message> = kinds;

const dues = catalogue({
  overdue: { en: 'overdue', fr: 'en retard' },
  due: { en: 'due today', fr: 'pour aujourd\'hui' },
});
const DUE_LABELS: Record<Due, Message> = dues;

const values = catalogue({
  yes: { en: 'yes', fr: 'oui' },
  no: { en: 'no', fr: 'non' },
});

export const statusLabel = (status: RecordStatus, lang: Lang): string => t(STATUS_LABELS[status], lang);
export const kindLabel = (kind: PlaybookKind, lang: Lang): string => t(KIND_LABELS[kind], lang);
export const dueLabel = (due: Due, lang: Lang): string => t(DUE_LABELS[due], lang);
export const yesNo = (value: boolean, lang: Lang): string => t(value ? values.yes : values.no, lang);

/** A stored date written out (`Tuesday 25 November 2026 at 10:00`), or the raw value if it is not one. */
export function writtenDate(value: string, lang: Lang): string {
  const date = parseIso(value);
  return date ? formatDate(date, lang) : value;
}

/** `2026-11-25 10:00`: compact, for tables. */
export function shortDate(value: string): string {
  return value.replace('T', ' ');
}
