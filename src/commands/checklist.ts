import { ExitCode } from '../errors.js';
import { catalogue, t } from '../i18n/catalogue.js';
import { dataDir } from '../paths.js';
import { fileLabels, statusLabel, writtenDate } from '../render/labels.js';
import { readRecords } from '../session/records.js';
import { runWalk, type WalkOptions } from '../session/walk.js';
import { sameClient, sessionDay } from '../store/session-list.js';
import { printInfo, style } from '../terminal/output.js';
import type { Lang } from '../types.js';

export interface ChecklistOptions extends WalkOptions {
  client?: string;
  mission?: string;
}

const m = catalogue({
  pastTitle: {
    en: 'Before you frame this mission: what happened with {client}',
    fr: 'Avant de cadrer cette mission : ce qui s\'est passé avec {client}',
  },
  incident: { en: '{date} · crisis, {status}', fr: '{date} · crise, {status}' },
  incidentPromise: {
    en: '{date} · crisis, {status} · promised: {what}',
    fr: '{date} · crise, {status} · promis : {what}',
  },
  moreIncidents: { en: '… and {count} earlier', fr: '… et {count} plus ancienne(s)' },
  lessons: { en: 'What you learned:', fr: 'Ce que vous en avez appris :' },
  saved: { en: 'Checklist {id} saved.', fr: 'Checklist {id} enregistrée.' },
});

/** The most recent incidents shown before the questions; the rest is in `calmclient history`. */
const SHOWN_INCIDENTS = 5;

/** `calmclient checklist`: walk the prevention playbook, then write the framing document and its e-mail. */
export default async function checklist(options: ChecklistOptions, lang: Lang): Promise<ExitCode> {
  const root = dataDir();
  const mission = options.mission?.trim();
  const { session, playbook } = await runWalk({
    command: 'checklist',
    kind: 'prevention',
    defaultPlaybook: 'prevention',
    options,
    root,
    lang,
    client: options.client,
    fields: mission ? { templateValues: { mission } } : {},
    beforeQuestions: (client, runLang) => printPast(root, client, runLang),
    defaultStatus: 'done',
    recapLabel: fileLabels.framing,
  });
  printInfo(t(m.saved, playbook.lang, { id: session.id }));
  return ExitCode.ok;
}

/** The client's past crises and lessons, so the new mission is framed with them in mind. */
function printPast(root: string, client: string, lang: Lang): void {
  const past = readRecords(root, lang).sessions.filter((session) => sameClient(session.client, client));
  const incidents = past.filter((session) => session.kind === 'crisis' && session.status !== 'draft');
  const lessons = past.filter((session) => session.lesson !== undefined);
  if (incidents.length === 0 && lessons.length === 0) return;
  printInfo(style.bold(t(m.pastTitle, lang, { client })));
  for (const incident of incidents.slice(0, SHOWN_INCIDENTS)) {
    const vars = { date: writtenDate(sessionDay(incident), lang), status: statusLabel(incident.status, lang) };
    const line = incident.promise
      ? t(m.incidentPromise, lang, { ...vars, what: oneLine(incident.promise.what) })
      : t(m.incident, lang, vars);
    printInfo(`  ${line}`);
  }
  if (incidents.length > SHOWN_INCIDENTS)
    printInfo(style.dim(`  ${t(m.moreIncidents, lang, { count: incidents.length - SHOWN_INCIDENTS })}`));
  if (lessons.length > 0) {
    printInfo(t(m.lessons, lang));
    for (const session of lessons) printInfo(`  - ${oneLine(session.lesson ?? '')}`);
  }
  printInfo('');
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' / ').trim();
}
