import { existsSync, lstatSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { ExitCode, UsageError } from '../errors.js';
import { catalogue, t } from '../i18n/catalogue.js';
import type { Lang } from '../types.js';
import { printInfo, printResult, style } from '../terminal/output.js';
import { slugify } from '../text/slug.js';
import { dataDir } from '../paths.js';
import { sessionPath, type SessionRecord } from '../store/sessions.js';
import { clientPath } from '../store/clients.js';
import { sameClient, sessionDay } from '../store/session-list.js';
import { readRecords } from '../session/records.js';
import { hasTerminal } from '../session/walk.js';

export interface ForgetOptions {
  yes?: boolean;
}

const m = catalogue({
  none: {
    en: 'No session for "{client}": nothing to delete.',
    fr: 'Aucune session pour « {client} » : rien à effacer.',
  },
  plan: {
    en: 'This deletes {sessions} session(s) and {files} file(s) about {client}:',
    fr: 'Ceci efface {sessions} session(s) et {files} fichier(s) concernant {client} :',
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
    en: 'Deleted {sessions} session(s) and {files} file(s) about {client}.',
    fr: '{sessions} session(s) et {files} fichier(s) concernant {client} effacés.',
  },
});

/** `calmclient forget CLIENT`: delete a client's session records, drafts and written documents. */
export default async function forget(client: string, options: ForgetOptions, lang: Lang): Promise<ExitCode> {
  const root = dataDir();
  const sessions = readRecords(root, lang).sessions.filter((session) => sameClient(session.client, client));
  // What calmclient remembers of the client (the contact, tu or vous) goes with their sessions.
  const clientFile = clientPath(root, client);
  const remembered = existsSync(clientFile) ? [clientFile] : [];
  if (sessions.length === 0 && remembered.length === 0) {
    printInfo(t(m.none, lang, { client }));
    return ExitCode.ok;
  }
  const records = sessions.map((session) => sessionPath(root, session.id));
  const documents = [...sessions.flatMap(writtenFiles), ...remembered];
  printInfo(t(m.plan, lang, { sessions: records.length, files: documents.length, client }));
  for (const path of [...records, ...documents]) printInfo(style.dim(`  ${path}`));

  if (!options.yes) {
    if (!hasTerminal()) throw new UsageError(t(m.noTerminal, lang));
    if (!(await confirmed(lang))) {
      printInfo(t(m.kept, lang));
      return ExitCode.ok;
    }
  }
  for (const path of [...documents, ...records]) rmSync(path, { force: true });
  printResult(t(m.done, lang, { sessions: records.length, files: documents.length, client }));
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

async function confirmed(lang: Lang): Promise<boolean> {
  // Through the adapter: importing '@inquirer/prompts' whole would bundle every prompt (and its encodings).
  const { select } = await import('../prompters/inquirer.js');
  try {
    return await select({
      message: t(m.confirm, lang),
      choices: [
        { value: false, name: t(m.no, lang) },
        { value: true, name: t(m.yes, lang) },
      ],
      default: false,
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'ExitPromptError') return false;
    throw error;
  }
}
