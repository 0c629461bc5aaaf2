import { existsSync } from 'node:fs';
import { loadPlaybookFile } from '../playbook/load.js';
import { resolvePlaybook } from '../playbook/registry.js';
import type { Playbook } from '../playbook/schema.js';
import type { SessionRecord } from '../store/sessions.js';

/**
 * The playbook a session was run with: its file if it is still there, else the built-in playbook
 * of the same id and language (a built-in's path changes when calmclient is reinstalled). Apart
 * from session-list.ts, so that the commands that only list sessions do not load the loader.
 */
export function sessionPlaybook(session: SessionRecord): Playbook {
  if (existsSync(session.playbook.source)) return loadPlaybookFile(session.playbook.source);
  return resolvePlaybook(session.playbook.id, session.lang);
}
