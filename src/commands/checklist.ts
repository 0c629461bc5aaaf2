import { ExitCode } from '../errors.js';
import { catalogue, t } from '../i18n/catalogue.js';
import { dataDir } from '../paths.js';
import { effectiveAnswers } from '../engine/run.js';
import { scores } from '../render/context.js';
import { fileLabels, statusLabel, writtenDate } from '../render/labels.js';
import { readRecords } from '../session/records.js';
import { runWalk, type WalkOptions } from '../session/walk.js';
import { sameClient } from '../store/session-list.js';
import { sessionDay } from '../store/session-order.js';
import { printInfo, style, wrap } from '../terminal/output.js';
import type { Lang } from '../types.js';
import { inertLine } from '../text/inert.js';

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
  missionTitle: { en: 'The mission', fr: 'La mission' },
  mission: {
    en: 'What is the mission called? A few words the client will recognise (e.g. New website) (optional)',
    fr: 'Comment s\'appelle la mission ? Quelques mots que le client reconnaîtra (ex. : Nouveau site) (facultatif)',
  },
  score: { en: '{title}: {score} out of {max}. {verdict}', fr: '{title} : {score} sur {max}. {verdict}' },
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
    beforeQuestions: (client, runLang) => pastValues(printPast(root, client, runLang)),
    templateQuestions: [{ key: 'mission', title: m.missionTitle, message: m.mission }],
    defaultStatus: 'done',
    recapLabel: fileLabels.framing,
    emailFormat: 'both',
  });
  for (const result of scores(playbook, effectiveAnswers(playbook, session.answers)))
    printInfo(style.bold(t(m.score, playbook.lang, { title: result.title, score: result.score, max: result.max, verdict: result.verdict ?? '' }).trim()));
  printInfo(t(m.saved, playbook.lang, { id: inertLine(session.id) }));
  return ExitCode.ok;
}

/** The client's past, as the framing note keeps it: `{{incidents}}` and `{{lessons}}`, one per line. */
function pastValues(past: Past): Record<string, string> {
  return {
    ...(past.incidents.length > 0 ? { incidents: past.incidents.join('\n') } : {}),
    ...(past.lessons.length > 0 ? { lessons: past.lessons.join('\n') } : {}),
  };
}

interface Past {
  incidents: string[];
  lessons: string[];
}

/**
 * The client's past crises and lessons, so the new mission is framed with them in mind: shown
 * before the questions, and returned for the framing note.
 */
function printPast(root: string, client: string, lang: Lang): Past {
  const past = readRecords(root, lang).sessions.filter((session) => sameClient(session.client, client));
  const incidents = past.filter((session) => session.kind === 'crisis' && session.status !== 'draft');
  const lessonSessions = past.filter((session) => session.lesson !== undefined);
  if (incidents.length === 0 && lessonSessions.length === 0) return { incidents: [], lessons: [] };
  const lines = incidents.slice(0, SHOWN_INCIDENTS).map((incident) => {
    const vars = { date: writtenDate(sessionDay(incident), lang), status: statusLabel(incident.status, lang) };
    return incident.promise ? t(m.incidentPromise, lang, { ...vars, what: oneLine(incident.promise.what) }) : t(m.incident, lang, vars);
  });
  const lessons = lessonSessions.map((session) => oneLine(session.lesson ?? ''));
  printInfo(style.bold(wrap(t(m.pastTitle, lang, { client: inertLine(client) }))));
  for (const line of lines) printInfo(wrap(`  ${inertLine(line)}`, '    '));
  if (incidents.length > SHOWN_INCIDENTS)
    printInfo(style.dim(`  ${t(m.moreIncidents, lang, { count: incidents.length - SHOWN_INCIDENTS })}`));
  if (lessons.length > 0) {
    printInfo(t(m.lessons, lang));
    for (const lesson of lessons) printInfo(wrap(`  - ${inertLine(lesson)}`, '    '));
  }
  printInfo('');
  return { incidents: lines, lessons };
}

/** Text from a record on one line, as typed: printing makes it inert for the terminal. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' / ').trim();
}
