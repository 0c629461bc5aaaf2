import { ExitCode } from '../errors.js';
import { defineMessages } from '../i18n.js';
import { printInfo, printResult, style } from '../output.js';
import { dataDir } from '../store/paths.js';
import { loadSessions, sameClient, sessionDay, writtenDate } from './session-list.js';

export interface LessonsOptions {
  client?: string;
  json?: boolean;
}

const m = defineMessages(
  {
    'kind.crisis': 'crisis',
    'kind.followup': 'follow-up',
    'kind.prevention': 'checklist',
    none: 'No lessons yet: they are written at the end of "calmclient start" and "calmclient followup".',
    noneFor: 'No lessons for {client} yet.',
  },
  {
    'kind.crisis': 'crise',
    'kind.followup': 'suivi',
    'kind.prevention': 'checklist',
    none: 'Aucune leçon pour l\'instant : elles s\'écrivent à la fin de « calmclient start » et de « calmclient followup ».',
    noneFor: 'Aucune leçon pour {client} pour l\'instant.',
  },
);

/** `calmclient lessons`: what was learned, across sessions, newest first. */
export default async function lessons(options: LessonsOptions): Promise<ExitCode> {
  const { client } = options;
  const learned = loadSessions(dataDir()).sessions.filter(
    (session) => session.lesson !== undefined && (client === undefined || sameClient(session.client, client)),
  );
  if (options.json) {
    const rows = learned.map((session) => ({ id: session.id, client: session.client, kind: session.kind, date: sessionDay(session), lesson: session.lesson }));
    printResult(JSON.stringify(rows, null, 2));
    return ExitCode.ok;
  }
  if (learned.length === 0) {
    printInfo(client === undefined ? m('none') : m('noneFor', { client }));
    return ExitCode.ok;
  }
  learned.forEach((session, index) => {
    if (index > 0) printResult('');
    printResult(`${style.bold(`${writtenDate(sessionDay(session))} · ${session.client} · ${m(`kind.${session.kind}`)}`)}  ${style.dim(session.id)}`);
    for (const line of (session.lesson ?? '').split('\n')) printResult(`  ${line}`);
  });
  return ExitCode.ok;
}
