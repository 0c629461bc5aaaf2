import { existsSync, lstatSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { ExitCode, UsageError } from '../errors.js';
import { defineMessages, getLang } from '../i18n.js';
import { printInfo, printResult, style } from '../output.js';
import { slugify } from '../render/slug.js';
import { dataDir } from '../store/paths.js';
import { sessionPath, type SessionRecord } from '../store/sessions.js';
import { loadSessions, sameClient, sessionDay } from './session-list.js';
import { hasTerminal } from './walk.js';

export interface ForgetOptions {
  yes?: boolean;
}

const m = defineMessages(
  {
    none: 'No session for "{client}": nothing to delete.',
    plan: 'This deletes {sessions} session(s) and {files} file(s) about {client}:',
    confirm: 'Delete them for good?',
    yes: 'Yes, delete',
    no: 'No, keep everything',
    kept: 'Nothing was deleted.',
    noTerminal: 'deleting needs a confirmation: run it in a terminal, or pass --yes',
    done: 'Deleted {sessions} session(s) and {files} file(s) about {client}.',
  },
  {
    none: 'Aucune session pour « {client} » : rien à effacer.',
    plan: 'Ceci efface {sessions} session(s) et {files} fichier(s) concernant {client} :',
    confirm: 'Les effacer définitivement ?',
    yes: 'Oui, effacer',
    no: 'Non, tout garder',
    kept: 'Rien n\'a été effacé.',
    noTerminal: 'effacer demande une confirmation : lancez la commande dans un terminal, ou passez --yes',
    done: '{sessions} session(s) et {files} fichier(s) concernant {client} effacés.',
  },
);

/** `calmclient forget CLIENT`: delete a client's session records, drafts and written documents. */
export default async function forget(client: string, options: ForgetOptions): Promise<ExitCode> {
  const root = dataDir();
  const sessions = loadSessions(root).sessions.filter((session) => sameClient(session.client, client));
  if (sessions.length === 0) {
    printInfo(m('none', { client }));
    return ExitCode.ok;
  }
  const records = sessions.map((session) => sessionPath(root, session.id));
  const documents = sessions.flatMap(writtenFiles);
  printInfo(m('plan', { sessions: records.length, files: documents.length, client }));
  for (const path of [...records, ...documents]) printInfo(style.dim(`  ${path}`));

  if (!options.yes) {
    if (!hasTerminal()) throw new UsageError(m('noTerminal'));
    if (!(await confirmed())) {
      printInfo(m('kept'));
      return ExitCode.ok;
    }
  }
  for (const path of [...documents, ...records]) rmSync(path, { force: true });
  printResult(m('done', { sessions: records.length, files: documents.length, client }));
  return ExitCode.ok;
}

/**
 * The documents a session wrote that are still there. Only names calmclient gives its files are
 * deleted, so a record edited by hand cannot make `forget` remove anything else.
 */
function writtenFiles(session: SessionRecord): string[] {
  // Files are named after the local day the session began, as `sessionDay` gives it.
  const prefix = `${sessionDay(session)}-${slugify(session.client)}`;
  return Object.values(session.files).filter(
    (path): path is string =>
      typeof path === 'string' &&
      basename(path).startsWith(prefix) &&
      /\.(md|ics|eml)$/.test(path) &&
      existsSync(path) &&
      lstatSync(path).isFile(),
  );
}

async function confirmed(): Promise<boolean> {
  // Through the adapter: importing '@inquirer/prompts' whole would bundle every prompt (and its encodings).
  const { select } = await import('../prompters/inquirer.js');
  const lang = getLang();
  try {
    return await select({
      message: m('confirm', {}, lang),
      choices: [
        { value: false, name: m('no', {}, lang) },
        { value: true, name: m('yes', {}, lang) },
      ],
      default: false,
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'ExitPromptError') return false;
    throw error;
  }
}
