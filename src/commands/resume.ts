import { UsageError } from '../errors.js';
import { setLang, t } from '../i18n.js';
import type { Playbook } from '../playbook/schema.js';
import type { SessionRecord } from '../store/sessions.js';
import { findSession, loadSessions } from './session-list.js';
import { sessionPlaybook } from './session-playbook.js';
import type { PlaybookKind } from '../types.js';

/**
 * `--resume [ID]` for `start`, `checklist` and `followup`. `start` imports this module only when
 * resuming: reading saved sessions and playbook files takes zod, which a new session does not need.
 */

export interface Resumed {
  draft: SessionRecord;
  /** The playbook the draft was started with. */
  playbook: Playbook;
}

/**
 * The draft named, or the newest unfinished session of this kind. The rest of the run speaks the
 * session's language, as its first part did.
 */
export function resumeDraft(root: string, kind: PlaybookKind, ref: string | true): Resumed {
  const draft = findDraft(root, kind, ref);
  setLang(draft.lang);
  return { draft, playbook: sessionPlaybook(draft) };
}

function findDraft(root: string, kind: PlaybookKind, ref: string | true): SessionRecord {
  const loaded = loadSessions(root);
  if (ref === true) {
    const newest = loaded.sessions.find((session) => session.kind === kind && session.status === 'draft');
    if (!newest) throw new UsageError(t('resume.none', { kind }));
    return newest;
  }
  const session = findSession(loaded, ref);
  if (session.kind !== kind) throw new UsageError(t('resume.wrongKind', { id: session.id, kind: session.kind }));
  if (session.status !== 'draft') throw new UsageError(t('resume.notDraft', { id: session.id, status: session.status }));
  return session;
}
