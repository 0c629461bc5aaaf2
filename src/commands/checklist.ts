import { ExitCode, UsageError } from '../errors.js';
import { defineMessages, resolveLang } from '../i18n.js';
import { printInfo, style } from '../output.js';
import { resolvePlaybook } from '../playbook/registry.js';
import { dataDir } from '../store/paths.js';
import { loadSessions, sameClient, sessionDay, statusLabel, writtenDate } from './session-list.js';
import {
  completeSession,
  interactiveWalk,
  newSession,
  outputDir,
  scriptedWalk,
  walkSession,
  type WalkOptions,
} from './walk.js';
import { resumeDraft } from './resume.js';

export interface ChecklistOptions extends WalkOptions {
  client?: string;
  mission?: string;
}

const m = defineMessages(
  {
    wrongKind: 'playbook "{id}" is a {kind} playbook; "calmclient checklist" runs prevention playbooks',
    noTerminal:
      'no terminal to ask questions on. Run it in a terminal, or pass --answers FILE (see "calmclient checklist --help").',
    pastTitle: 'Before you frame this mission: what happened with {client}',
    incident: '{date} · crisis, {status}',
    incidentPromise: '{date} · crisis, {status} · promised: {what}',
    moreIncidents: '… and {count} earlier',
    lessons: 'What you learned:',
    framing: 'framing',
    saved: 'Checklist {id} saved.',
  },
  {
    wrongKind: 'le playbook « {id} » est de type {kind} ; « calmclient checklist » exécute les playbooks de prévention',
    noTerminal:
      'pas de terminal pour poser les questions. Lancez la commande dans un terminal, ou passez --answers FICHIER (voir « calmclient checklist --help »).',
    pastTitle: 'Avant de cadrer cette mission : ce qui s\'est passé avec {client}',
    incident: '{date} · crise, {status}',
    incidentPromise: '{date} · crise, {status} · promis : {what}',
    moreIncidents: '… et {count} plus ancienne(s)',
    lessons: 'Ce que vous en avez appris :',
    framing: 'cadrage',
    saved: 'Checklist {id} enregistrée.',
  },
);

/** The most recent incidents shown before the questions; the rest is in `calmclient history`. */
const SHOWN_INCIDENTS = 5;

/** `calmclient checklist`: walk the prevention playbook, then write the framing document and its e-mail. */
export default async function checklist(options: ChecklistOptions): Promise<ExitCode> {
  const now = new Date();
  const root = dataDir();
  const resumed = options.resume === undefined ? undefined : resumeDraft(root, 'prevention', options.resume);
  const draft = resumed?.draft;
  const playbook = resumed?.playbook ?? resolvePlaybook(options.playbook ?? 'prevention', resolveLang(options.lang, process.env));
  if (playbook.kind !== 'prevention') throw new UsageError(m('wrongKind', { id: playbook.id, kind: playbook.kind }));
  const outDir = outputDir(options.out, root);
  const mission = options.mission?.trim();

  const client = draft?.client ?? options.client;
  const walk =
    options.answers === undefined
      ? await interactiveWalk(playbook, now, client, m('noTerminal'), draft?.answers)
      : scriptedWalk(playbook, options.answers, now, client);
  if (!draft) printPast(root, walk.client);

  const session = draft ?? newSession(playbook, walk.client, now, mission ? { templateValues: { mission } } : {});
  const answers = await walkSession(playbook, walk, session, root, 'checklist');

  await completeSession({ root, outDir, playbook, session, answers, now, defaultStatus: 'done', recapLabel: m('framing') });
  printInfo(m('saved', { id: session.id }));
  return ExitCode.ok;
}

/** The client's past crises and lessons, so the new mission is framed with them in mind. */
function printPast(root: string, client: string): void {
  const past = loadSessions(root).sessions.filter((session) => sameClient(session.client, client));
  const incidents = past.filter((session) => session.kind === 'crisis' && session.status !== 'draft');
  const lessons = past.filter((session) => session.lesson !== undefined);
  if (incidents.length === 0 && lessons.length === 0) return;
  printInfo(style.bold(m('pastTitle', { client })));
  for (const incident of incidents.slice(0, SHOWN_INCIDENTS)) {
    const vars = { date: writtenDate(sessionDay(incident)), status: statusLabel(incident.status) };
    const line = incident.promise ? m('incidentPromise', { ...vars, what: oneLine(incident.promise.what) }) : m('incident', vars);
    printInfo(`  ${line}`);
  }
  if (incidents.length > SHOWN_INCIDENTS) printInfo(style.dim(`  ${m('moreIncidents', { count: incidents.length - SHOWN_INCIDENTS })}`));
  if (lessons.length > 0) {
    printInfo(m('lessons'));
    for (const session of lessons) printInfo(`  - ${oneLine(session.lesson ?? '')}`);
  }
  printInfo('');
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' / ').trim();
}
