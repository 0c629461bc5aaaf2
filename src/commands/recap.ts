import { effectiveAnswers } from '../engine/run.js';
import { ExitCode, UsageError } from '../errors.js';
import { defineMessages, t } from '../i18n.js';
import { renderSession } from '../render/documents.js';
import { dataDir } from '../store/paths.js';
import { findSession, loadSessions } from './session-list.js';
import { sessionPlaybook } from './session-playbook.js';
import { outputDir, printWritten, writeFiles } from './walk.js';

export interface RecapOptions {
  format?: string;
  out?: string;
}

const RECAP_FORMATS = ['md', 'email'] as const;

const m = defineMessages(
  {
    badFormat: 'unknown format "{value}": use md (the recap) or email (the email draft)',
    draft: 'session "{id}" is an unfinished draft: it has no documents to render',
  },
  {
    badFormat: 'format « {value} » inconnu : utilisez md (le compte rendu) ou email (le brouillon d\'e-mail)',
    draft: 'la session « {id} » est un brouillon inachevé : elle n\'a pas de documents à produire',
  },
);

/**
 * `calmclient recap ID`: renders a session's recap or e-mail again from its saved answers, with the
 * session's playbook, as of the session's day. Never overwrites: a new name is picked if needed.
 */
export default async function recap(ref: string, options: RecapOptions): Promise<ExitCode> {
  const format = options.format ?? 'md';
  if (!(RECAP_FORMATS as readonly string[]).includes(format)) throw new UsageError(m('badFormat', { value: format }));
  const root = dataDir();
  const outDir = outputDir(options.out, root);
  const session = findSession(loadSessions(root), ref);
  if (session.status === 'draft') throw new UsageError(m('draft', { id: session.id }));

  const playbook = sessionPlaybook(session);
  const documents = renderSession({
    playbook,
    answers: effectiveAnswers(playbook, session.answers),
    client: session.client,
    now: new Date(session.createdAt),
    ...(session.templateValues ? { extra: session.templateValues } : {}),
  });
  const { document } = writeFiles(outDir, { document: format === 'email' ? documents.email : documents.recap });
  printWritten([[t(format === 'email' ? 'start.email' : 'start.recap'), document]]);
  return ExitCode.ok;
}
