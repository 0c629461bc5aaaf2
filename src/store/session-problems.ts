import { relative } from 'node:path';
import { catalogue, t } from '../i18n/catalogue.js';
import type { Lang } from '../types.js';
import { specialKindWords } from '../user-files.js';
import type { SessionProblem } from './read-sessions.js';
import { SESSION_VERSION } from './sessions.js';

/** What is wrong with a session record that cannot be read, in words (the records are read in read-sessions.ts and session-index.ts). */

const m = catalogue({
  unreadable: { en: '{file}: cannot be read ({detail}); skipped.', fr: '{file} : illisible ({detail}) ; ignoré.' },
  json: { en: '{file}: not valid JSON ({detail}); skipped.', fr: '{file} : JSON invalide ({detail}) ; ignoré.' },
  field: {
    en: '{file}: field "{field}" is missing or wrong; skipped.',
    fr: '{file} : champ « {field} » manquant ou incorrect ; ignoré.',
  },
  notRecord: {
    en: '{file}: not a session record; skipped.',
    fr: '{file} : ce n\'est pas un enregistrement de session ; ignoré.',
  },
  newer: {
    en: '{file}: written by a newer calmclient (record version {version}, this one reads version {supported}); skipped. Update calmclient to see it.',
    fr: '{file} : écrit par une version plus récente de calmclient (enregistrement version {version}, celle-ci lit la version {supported}) ; ignoré. Mettez calmclient à jour pour le voir.',
  },
  special: {
    en: '{file}: not a regular file ({what}); skipped without reading it.',
    fr: '{file} : ce n\'est pas un fichier ordinaire ({what}) ; ignoré sans être lu.',
  },
  tooBig: {
    en: '{file}: larger than {size} MiB, far beyond any session record; skipped.',
    fr: '{file} : plus de {size} Mio, bien au-delà de tout enregistrement de session ; ignoré.',
  },
});

/** A record that could not be read, said for the person whose data it is. */
export function describeProblem(problem: SessionProblem, lang: Lang): string {
  const file = displayPath(problem.file);
  switch (problem.kind) {
    case 'unreadable':
      return t(m.unreadable, lang, { file, detail: problem.detail });
    case 'json':
      return t(m.json, lang, { file, detail: problem.detail });
    case 'field':
      return problem.field === '' ? t(m.notRecord, lang, { file }) : t(m.field, lang, { file, field: problem.field });
    case 'newer':
      return t(m.newer, lang, { file, version: problem.version, supported: SESSION_VERSION });
    case 'special':
      return t(m.special, lang, { file, what: specialKindWords(problem.what, lang) });
    case 'tooBig':
      return t(m.tooBig, lang, { file, size: Math.round(problem.limit / (1024 * 1024)) });
  }
}

function displayPath(file: string): string {
  const fromHere = relative(process.cwd(), file);
  return fromHere.startsWith('..') || fromHere === '' ? file : fromHere;
}

