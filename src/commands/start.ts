import type { EmailFormat } from '../cli.js';
import { formatDate, parseIso } from '../dates/calendar.js';
import { ExitCode, UsageError } from '../errors.js';
import { resolveLang, t } from '../i18n.js';
import { printInfo } from '../output.js';
import { resolvePlaybookLazily } from '../playbook/places.js';
import { dataDir } from '../store/paths.js';
import {
  completeSession,
  interactiveWalk,
  newSession,
  outputDir,
  scriptedWalk,
  walkSession,
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
  const resumed = options.resume === undefined ? undefined : (await import('./resume.js')).resumeDraft(root, 'crisis', options.resume);
  const draft = resumed?.draft;
  const playbook = resumed?.playbook ?? (await resolvePlaybookLazily(options.playbook ?? 'crisis', resolveLang(options.lang, process.env)));
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
  await completeSession({
    root,
    outDir,
    playbook,
    session,
    answers,
    now,
    defaultStatus: 'open',
    recapLabel: t('start.recap'),
    emailFormat: options.format ?? 'both',
  });
  printInfo(t('start.session', { id: session.id }));
  const next = session.nextContact ? parseIso(session.nextContact) : undefined;
  if (next) printInfo(t('start.nextContact', { date: formatDate(next, playbook.lang) }));
  return ExitCode.ok;
}
