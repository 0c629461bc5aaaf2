import { randomUUID } from 'node:crypto';
import type { EmailFormat } from '../cli.js';
import { formatDate, parseIso } from '../engine/dates.js';
import { effectiveAnswers } from '../engine/run.js';
import { ExitCode, UsageError } from '../errors.js';
import { resolveLang, t } from '../i18n.js';
import { printInfo } from '../output.js';
import { resolvePlaybookLazily } from '../playbook/places.js';
import { renderSession } from '../render/documents.js';
import { emlFromDraft } from '../render/eml.js';
import { dataDir } from '../store/paths.js';
import { calendarLabel, writeNextContactEvent } from './calendar.js';
import { sessionPlaybook } from './session-list.js';
import {
  draftToResume,
  interactiveWalk,
  newSession,
  outputDir,
  printWritten,
  recordFields,
  saveAnswers,
  scriptedWalk,
  reviewEmail,
  walkSession,
  writeFiles,
  type WalkOptions,
} from './walk.js';

export interface StartOptions extends WalkOptions {
  client?: string;
  format?: EmailFormat;
}

/** `calmclient start`: walk the crisis playbook, then write the recap and the e-mail draft. */
export default async function start(options: StartOptions): Promise<ExitCode> {
  const now = new Date();
  const root = dataDir();
  const draft = options.resume === undefined ? undefined : draftToResume(root, 'crisis', options.resume);
  const playbook = draft
    ? sessionPlaybook(draft)
    : await resolvePlaybookLazily(options.playbook ?? 'crisis', resolveLang(options.lang, process.env));
  if (playbook.kind !== 'crisis') throw new UsageError(t('start.wrongKind', { id: playbook.id, kind: playbook.kind }));
  // Checked before the first question: nobody should type for ten minutes into a folder that fails.
  const outDir = outputDir(options.out, root);

  const client = draft?.client ?? options.client;
  const walk =
    options.answers === undefined
      ? await interactiveWalk(playbook, now, client, t('start.noTerminal'), draft?.answers)
      : scriptedWalk(playbook, options.answers, now, client);
  const session = draft ?? newSession(playbook, walk.client, now);
  const answers = await walkSession(playbook, walk, session, root, 'start');

  const kept = effectiveAnswers(playbook, answers);
  const documents = renderSession({ playbook, answers: kept, client: session.client, now });
  const format = options.format ?? 'both';
  const markdownEmail = format === 'eml' ? [] : [documents.email];
  const emlEmail = format === 'md' ? [] : [emlFromDraft(documents.email, { date: now, messageId: `${randomUUID()}@calmclient.invalid` })];
  const [recap = '', ...emails] = writeFiles(outDir, [documents.recap, ...markdownEmail, ...emlEmail]);
  const files = {
    recap,
    ...(markdownEmail.length > 0 ? { email: emails[0] } : {}),
    ...(emlEmail.length > 0 ? { eml: emails.at(-1) } : {}),
  };
  Object.assign(session, recordFields(playbook, kept));
  session.status = 'open';
  session.files = files;
  const calendarPath = writeNextContactEvent(outDir, session, now);
  if (calendarPath) session.files.calendar = calendarPath;
  saveAnswers(root, session, answers);

  printWritten([
    [t('start.recap'), files.recap],
    [t('start.email'), files.email],
    [t('start.email'), files.eml],
    [calendarLabel(), calendarPath],
  ]);
  await reviewEmail(files.email ?? t('start.email'), documents.email.contents, playbook.lang);
  printInfo(t('start.session', { id: session.id }));
  const next = session.nextContact ? parseIso(session.nextContact) : undefined;
  if (next) printInfo(t('start.nextContact', { date: formatDate(next, playbook.lang) }));
  return ExitCode.ok;
}
