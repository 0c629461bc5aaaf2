import { formatDate, parseIso } from '../dates/calendar.js';
import { ExitCode } from '../errors.js';
import { catalogue, t } from '../i18n/catalogue.js';
import { dataDir } from '../paths.js';
import { fileLabels } from '../render/labels.js';
import { runWalk, type WalkOptions } from '../session/walk.js';
import { printInfo } from '../terminal/output.js';
import type { EmailFormat, Lang } from '../types.js';
import { inertLine } from '../text/inert.js';

export interface StartOptions extends WalkOptions {
  client?: string;
  format?: EmailFormat;
}

const m = catalogue({
  saved: { en: 'Session {id} saved.', fr: 'Session {id} enregistrée.' },
  nextContact: { en: 'Next contact: {date}.', fr: 'Prochain contact : {date}.' },
});

/** `calmclient start`: walk the crisis playbook, then write the recap and the e-mail draft. */
export default async function start(options: StartOptions, lang: Lang): Promise<ExitCode> {
  const { session, playbook } = await runWalk({
    command: 'start',
    kind: 'crisis',
    defaultPlaybook: 'crisis',
    options,
    root: dataDir(),
    lang,
    client: options.client,
    defaultStatus: 'open',
    recapLabel: fileLabels.recap,
    emailFormat: options.format ?? 'both',
  });
  printInfo(t(m.saved, playbook.lang, { id: inertLine(session.id) }));
  const next = session.nextContact ? parseIso(session.nextContact) : undefined;
  if (next) printInfo(t(m.nextContact, playbook.lang, { date: formatDate(next, playbook.lang) }));
  return ExitCode.ok;
}
