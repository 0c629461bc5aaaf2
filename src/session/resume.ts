import { UsageError } from '../errors.js';
import { catalogue, t } from '../i18n/catalogue.js';
import type { Playbook } from '../playbook/schema.js';
import { kindLabel, statusLabel } from '../render/labels.js';
import { findSession, loadSessions } from '../store/session-list.js';
import type { SessionRecord } from '../store/sessions.js';
import type { Lang, PlaybookKind } from '../types.js';
import { sessionPlaybook } from './playbook.js';

/** `--resume [ID]` for `start`, `checklist` and `followup`. */

const m = catalogue({
  none: { en: 'no unfinished {kind} session to resume', fr: 'aucune session inachevée de type {kind} à reprendre' },
  wrongKind: {
    en: 'session "{id}" is a {kind} session: resume it with the command that started it',
    fr: 'la session « {id} » est de type {kind} : reprenez-la avec la commande qui l\'a commencée',
  },
  notDraft: {
    en: 'session "{id}" is finished ({status}): there is nothing to resume',
    fr: 'la session « {id} » est terminée ({status}) : rien à reprendre',
  },
});

export interface Resumed {
  draft: SessionRecord;
  /** The playbook the draft was started with. */
  playbook: Playbook;
}

/** The draft named, or the newest unfinished session of this kind. */
export async function resumeDraft(root: string, kind: PlaybookKind, ref: string | true, lang: Lang): Promise<Resumed> {
  const draft = findDraft(root, kind, ref, lang);
  return { draft, playbook: await sessionPlaybook(draft, lang) };
}

function findDraft(root: string, kind: PlaybookKind, ref: string | true, lang: Lang): SessionRecord {
  const loaded = loadSessions(root);
  if (ref === true) {
    const newest = loaded.sessions.find((session) => session.kind === kind && session.status === 'draft');
    if (!newest) throw new UsageError(t(m.none, lang, { kind: kindLabel(kind, lang) }));
    return newest;
  }
  const session = findSession(loaded, ref, lang);
  if (session.kind !== kind) throw new UsageError(t(m.wrongKind, lang, { id: session.id, kind: kindLabel(session.kind, lang) }));
  if (session.status !== 'draft')
    throw new UsageError(t(m.notDraft, lang, { id: session.id, status: statusLabel(session.status, lang) }));
  return session;
}
