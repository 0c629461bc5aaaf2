import { existsSync } from 'node:fs';
import { loadPlaybookPath, resolvePlaybook } from '../playbook/registry.js';
import type { Playbook } from '../playbook/schema.js';
import type { SessionRecord } from '../store/sessions.js';
import type { Lang } from '../types.js';

/**
 * The playbook a session was run with: its file if it is still there, else the built-in playbook
 * of the same id and language (a built-in's path changes when calmclient is reinstalled).
 * Problems are reported in `lang`.
 */
export function sessionPlaybook(session: Pick<SessionRecord, 'playbook' | 'lang'>, lang: Lang): Promise<Playbook> {
  if (existsSync(session.playbook.source)) return loadPlaybookPath(session.playbook.source, lang);
  return resolvePlaybook(session.playbook.id, session.lang);
}
