/**
 * A client's name as calmclient compares it: the one definition behind `forget`, `history
 * --client`, `lessons --client`, the past incidents of `checklist`, and the file names of a
 * client's documents (slug.ts).
 *
 * Two names are the same client when they are the same text once put in Unicode NFC (an `é`
 * typed as one character or as `e` and an accent), case folded (`DUPONT` is `Dupont`, `STRASSE`
 * is `Straße`, `ΟΔΟΣ` is `οδος`), with spaces at both ends dropped and runs of spaces inside taken
 * as one. Nothing else is folded: accents, punctuation and scripts count, so `株式会社トヨタ`,
 * `Газпром` and `Ελληνική Εταιρεία` are three clients, and `Dupont & Fils` is not `Dupont Fils`.
 */

/** The form two names are compared in. */
export function clientKey(name: string): string {
  // Upper then lower case is a full case folding in all but a handful of characters (Cherokee,
  // which it folds the other way consistently): `ß` → `SS` → `ss`, `ﬁ` → `FI` → `fi`, `ς` → `Σ` → `σ`.
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toUpperCase().toLowerCase().normalize('NFC');
}

/** Whether two names are the same client (see above). */
export function sameClientName(a: string, b: string): boolean {
  return clientKey(a) === clientKey(b);
}

/** A name that names nobody: empty, or only spaces. */
export function isBlankName(name: string): boolean {
  return clientKey(name) === '';
}
