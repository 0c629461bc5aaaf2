import { existsSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { ExitCode, UsageError } from '../errors.js';
import { catalogue, t } from '../i18n/catalogue.js';
import type { Lang } from '../types.js';
import { printError, printInfo, printResult, printWarning, style } from '../terminal/output.js';
import { dataDir, recapsDir, sessionsDir } from '../paths.js';
import { sessionIndexFile } from '../store/session-index.js';
import { clientFiles, listedFiles } from '../store/client-files.js';
import { clientPath } from '../store/clients.js';
import { sessionPath } from '../store/sessions.js';
import { sweepTemps, writeFailure } from '../store/files.js';
import { lockHolder } from '../store/lock.js';
import { sameClient } from '../store/session-list.js';
import { readRecords } from '../session/records.js';
import { openElsewhere } from '../session/record-keeper.js';
import { hasTerminal } from '../session/walk.js';
import { isBlankName } from '../text/client-name.js';
import { inert, inertLine } from '../text/inert.js';

export interface ForgetOptions {
  yes?: boolean;
}

const m = catalogue({
  blank: {
    en: 'which client? Give the name as it was recorded: calmclient forget "Dupont SA" ("calmclient history" lists them)',
    fr: 'quel client ? Donnez le nom tel qu\'il a été enregistré : calmclient forget "Dupont SA" (« calmclient history » les liste)',
  },
  none: {
    en: 'No session for "{client}": nothing to delete.',
    fr: 'Aucune session pour « {client} » : rien à effacer.',
  },
  plan: {
    en: 'This deletes {sessions} session(s) and {files} file(s) about {clients}:',
    fr: 'Ceci efface {sessions} session(s) et {files} fichier(s) concernant {clients} :',
  },
  leftovers: {
    en: 'and what interrupted runs left about them:',
    fr: 'et ce que des exécutions interrompues ont laissé à leur sujet :',
  },
  refused: {
    en: 'Left alone: {path} is listed in a session of {client} but is not named as calmclient names its files.',
    fr: 'Laissé tel quel : {path} figure dans une session de {client} mais ne porte pas un nom que calmclient donne à ses fichiers.',
  },
  confirm: { en: 'Delete them for good?', fr: 'Les effacer définitivement ?' },
  yes: { en: 'Yes, delete', fr: 'Oui, effacer' },
  no: { en: 'No, keep everything', fr: 'Non, tout garder' },
  kept: { en: 'Nothing was deleted.', fr: 'Rien n\'a été effacé.' },
  noTerminal: {
    en: 'deleting needs a confirmation: run it in a terminal, or pass --yes',
    fr: 'effacer demande une confirmation : lancez la commande dans un terminal, ou passez --yes',
  },
  done: {
    en: 'Deleted {sessions} session(s) and {files} file(s) about {clients}.',
    fr: '{sessions} session(s) et {files} fichier(s) concernant {clients} effacés.',
  },
  failed: { en: 'could not delete {path}: {reason}', fr: 'impossible d\'effacer {path} : {reason}' },
  incomplete: {
    en: '{count} file(s) could not be deleted (see above): they still hold data about {clients}.',
    fr: '{count} fichier(s) n\'ont pas pu être effacés (voir ci-dessus) : ils contiennent encore des données sur {clients}.',
  },
});

/**
 * `calmclient forget CLIENT`: deletes a client's session records, drafts, every document those
 * records list (wherever they were written), and what interrupted runs left about the client. The
 * sessions are chosen by the client's name as recorded (clientKey: NFC, case folded), never by a
 * file name; the confirmation lists every name and every file.
 */
export default async function forget(client: string, options: ForgetOptions, lang: Lang): Promise<ExitCode> {
  if (isBlankName(client)) throw new UsageError(t(m.blank, lang));
  const root = dataDir();
  // Whatever killed runs left in calmclient's own folders goes first, whoever it was about.
  sweepTemps(sessionsDir(root));
  sweepTemps(recapsDir(root));
  const loaded = readRecords(root, lang);
  const sessions = loaded.sessions.filter((session) => sameClient(session.client, client));
  const plan = clientFiles(root, client, sessions, loaded.problems);
  // A session open in another calmclient would be written again as soon as it is deleted.
  for (const id of [...sessions.map((session) => session.id), ...plan.leftovers.map(lockedId)]) {
    const owner = id === undefined ? undefined : lockHolder(root, id);
    if (id !== undefined && owner) throw openElsewhere(id, owner, lang);
  }
  const clients = (plan.names.length > 0 ? plan.names : [client]).map((name) => `"${inertLine(name)}"`).join(', ');
  // What calmclient remembers of the client (the contact, tu or vous) goes with their sessions.
  const remembered = [...new Set([...plan.names, client].map((name) => clientPath(root, name)))].filter((path) => existsSync(path));
  const documents = [...plan.documents, ...remembered];
  const files = [...documents, ...plan.leftovers];
  if (plan.records.length === 0 && files.length === 0) {
    printInfo(t(m.none, lang, { client: inertLine(client) }));
    return ExitCode.ok;
  }
  printInfo(t(m.plan, lang, { sessions: plan.records.length, files: documents.length, clients }));
  for (const path of [...plan.records, ...documents]) printInfo(style.dim(`  ${inert(path)}`));
  if (plan.leftovers.length > 0) {
    printInfo(t(m.leftovers, lang));
    for (const path of plan.leftovers) printInfo(style.dim(`  ${inert(path)}`));
  }
  for (const path of plan.refused) printWarning(t(m.refused, lang, { path, client: clients }));

  if (!options.yes) {
    if (!hasTerminal()) throw new UsageError(t(m.noTerminal, lang));
    if (!(await confirmed(lang))) {
      printInfo(t(m.kept, lang));
      return ExitCode.ok;
    }
  }
  // Documents before the records that list them; a record whose files are not all gone stays, so
  // that a second `forget` (once the cause is fixed) still finds them.
  const failed = new Set<string>();
  const remove = (path: string): void => {
    try {
      rmSync(path, { force: true });
    } catch (error) {
      failed.add(path);
      printError(t(m.failed, lang, { path, reason: writeFailure(error, lang) }));
    }
  };
  for (const path of files) remove(path);
  for (const session of sessions) if (!listedFiles(session).some((path) => failed.has(path))) remove(sessionPath(root, session.id));
  // The summary index names the client too (store/session-index.ts): the next `history` makes it again from what is left.
  if (sessions.length > 0) remove(sessionIndexFile(root));
  if (failed.size > 0) {
    printError(t(m.incomplete, lang, { count: failed.size, clients }));
    return ExitCode.usage;
  }
  printResult(t(m.done, lang, { sessions: plan.records.length, files: documents.length, clients }));
  return ExitCode.ok;
}

/** The session id of a lock file among the leftovers. */
function lockedId(path: string): string | undefined {
  return /^(.+)\.lock$/s.exec(basename(path))?.[1];
}

async function confirmed(lang: Lang): Promise<boolean> {
  // Through the adapter: importing '@inquirer/prompts' whole would bundle every prompt (and its encodings).
  const { listTheme, select } = await import('../prompters/inquirer.js');
  try {
    return await select({
      message: t(m.confirm, lang),
      choices: [
        { value: false, name: t(m.no, lang) },
        { value: true, name: t(m.yes, lang) },
      ],
      default: false,
      // Inquirer's key hints in the user's language.
      theme: listTheme(lang),
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'ExitPromptError') return false;
    throw error;
  }
}
