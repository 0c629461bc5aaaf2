import { effectiveAnswers } from '../engine/run.js';
import { ExitCode, UsageError } from '../errors.js';
import { catalogue, t } from '../i18n/catalogue.js';
import { configDir, dataDir } from '../paths.js';
import { renderSession } from '../render/documents.js';
import { emlFromDraft } from '../render/eml.js';
import { fileLabels } from '../render/labels.js';
import { markdownToPlainText } from '../render/plain-text.js';
import { deliverEmail } from '../session/email-out.js';
import { documentPeople, knownPeople } from '../session/people.js';
import { sessionPlaybook } from '../session/playbook.js';
import { readRecords } from '../session/records.js';
import { mailboxes, newMessageId, outputDir, printCreated, printWritten } from '../session/complete.js';
import { RecordKeeper } from '../session/record-keeper.js';
import { findSession } from '../store/session-list.js';
import type { Lang } from '../types.js';

export interface RecapOptions {
  format?: string;
  out?: string;
  open?: boolean;
  copy?: boolean;
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
  // The people as calmclient knows them today: the contact greeted, who signs.
  const people = knownPeople(root, configDir(), session.client, playbook.lang);
  const now = new Date(session.createdAt);
  const documents = renderSession({
    playbook,
    answers: effectiveAnswers(playbook, session.answers),
    client: session.client,
    now,
    people: documentPeople(people),
    ...(session.templateValues ? { extra: session.templateValues } : {}),
  });
  // The copies are listed in the session's record, so that `forget` deletes them too.
  const keeper = new RecordKeeper(root, session, 'recap', lang, { exists: true });
  if (format === 'email') {
    const eml = emlFromDraft(documents.email, { date: now, messageId: newMessageId(), ...mailboxes(people) });
    const written = keeper.writeFiles(outDir.path, { email: documents.email, eml });
    if (outDir.created) printCreated(outDir.path, lang);
    printWritten(
      [
        [t(fileLabels.email, lang), written.email],
        [t(fileLabels.eml, lang), written.eml],
      ],
      lang,
    );
    if (options.open || options.copy)
      await deliverEmail(
        { eml: written.eml, md: written.email, subject: documents.email.subject, text: markdownToPlainText(documents.email.body) },
        { open: options.open, copy: options.copy },
        lang,
      );
    return ExitCode.ok;
  }
  const { document } = keeper.writeFiles(outDir.path, { document: documents.recap });
  if (outDir.created) printCreated(outDir.path, lang);
  printWritten([[t(fileLabels.recap, lang), document]], lang);
  return ExitCode.ok;
}
