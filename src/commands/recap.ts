import { effectiveAnswers } from '../engine/run.js';
import { ExitCode, UsageError } from '../errors.js';
import { catalogue, t } from '../i18n/catalogue.js';
import { dataDir } from '../paths.js';
import { renderSession } from '../render/documents.js';
import { fileLabels } from '../render/labels.js';
import { sessionPlaybook } from '../session/playbook.js';
import { readRecords } from '../session/records.js';
import { outputDir, printWritten } from '../session/complete.js';
import { writeFiles } from '../store/files.js';
import { findSession } from '../store/session-list.js';
import type { Lang } from '../types.js';

export interface RecapOptions {
  format?: string;
  out?: string;
}

const RECAP_FORMATS = ['md', 'email'] as const;

const m = catalogue({
  badFormat: {
    en: 'unknown format "{value}": use md (the recap) or email (the email draft)',
    fr: 'format « {value} » inconnu : utilisez md (le compte rendu) ou email (le brouillon d\'e-mail)',
  },
  draft: {
    en: 'session "{id}" is an unfinished draft: it has no documents to render',
    fr: 'la session « {id} » est un brouillon inachevé : elle n\'a pas de documents à produire',
  },
});

/**
 * `calmclient recap ID`: renders a session's recap or e-mail again from its saved answers, with the
 * session's playbook, as of the session's day. Never overwrites: a new name is picked if needed.
 */
export default async function recap(ref: string, options: RecapOptions, lang: Lang): Promise<ExitCode> {
  const format = options.format ?? 'md';
  if (!(RECAP_FORMATS as readonly string[]).includes(format)) throw new UsageError(t(m.badFormat, lang, { value: format }));
  const root = dataDir();
  const outDir = outputDir(options.out, root, lang);
  const session = findSession(readRecords(root, lang), ref, lang);
  if (session.status === 'draft') throw new UsageError(t(m.draft, lang, { id: session.id }));

  const playbook = await sessionPlaybook(session, lang);
  const documents = renderSession({
    playbook,
    answers: effectiveAnswers(playbook, session.answers),
    client: session.client,
    now: new Date(session.createdAt),
    ...(session.templateValues ? { extra: session.templateValues } : {}),
  });
  const { document } = writeFiles(outDir, { document: format === 'email' ? documents.email : documents.recap }, lang);
  printWritten([[t(format === 'email' ? fileLabels.email : fileLabels.recap, lang), document]], lang);
  return ExitCode.ok;
}
