import { ExitCode } from '../errors.js';
import { catalogue, t } from '../i18n/catalogue.js';
import { dataDir } from '../paths.js';
import { kindLabel, writtenDate } from '../render/labels.js';
import { readRecords } from '../session/records.js';
import { sameClient } from '../store/session-list.js';
import { sessionDay } from '../store/session-order.js';
import { printInfo, printResult, style, wrap } from '../terminal/output.js';
import type { Lang } from '../types.js';
import { inert, inertJson, inertLine } from '../text/inert.js';

export interface LessonsOptions {
  client?: string;
  json?: boolean;
}

const m = catalogue({
  none: {
    en: 'No lessons yet: they are written at the end of "calmclient start" and "calmclient followup".',
    fr: 'Aucune leçon pour l\'instant : elles s\'écrivent à la fin de « calmclient start » et de « calmclient followup ».',
  },
  noneFor: { en: 'No lessons for {client} yet.', fr: 'Aucune leçon pour {client} pour l\'instant.' },
});

/** `calmclient lessons`: what was learned, across sessions, newest first. */
export default async function lessons(options: LessonsOptions, lang: Lang): Promise<ExitCode> {
  const { client } = options;
  const learned = readRecords(dataDir(), lang).sessions.filter(
    (session) => session.lesson !== undefined && (client === undefined || sameClient(session.client, client)),
  );
  if (options.json) {
    const rows = learned.map((session) => ({ id: session.id, client: session.client, kind: session.kind, date: sessionDay(session), lesson: session.lesson }));
    printResult(inertJson(rows));
    return ExitCode.ok;
  }
  if (learned.length === 0) {
    printInfo(client === undefined ? t(m.none, lang) : t(m.noneFor, lang, { client: inertLine(client) }));
    return ExitCode.ok;
  }
  learned.forEach((session, index) => {
    if (index > 0) printResult('');
    const heading = `${writtenDate(sessionDay(session), lang)} · ${inertLine(session.client)} · ${kindLabel(session.kind, lang)}`;
    printResult(`${style.bold(heading)}  ${style.dim(inertLine(session.id))}`);
    for (const line of inert(session.lesson ?? '').split('\n')) printResult(wrap(`  ${line}`, '  '));
  });
  return ExitCode.ok;
}
