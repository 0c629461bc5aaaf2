import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { catalogue, t } from '../i18n/catalogue.js';
import { recapsDir, sessionsDir } from '../paths.js';
import { checkWritableDir, sweepTemps, tightenDir } from '../store/files.js';
import { printWarning } from '../terminal/output.js';
import { inert } from '../text/inert.js';
import type { Lang } from '../types.js';

/** The data folder as every command finds it: private, writable where it must be, free of a killed run's leftovers. */

const m = catalogue({
  tightened: {
    en: 'Note: {dir} could be read by others (mode {mode}); it holds notes about your clients, so it is now private (0700).',
    fr: 'Note : {dir} pouvait être lu par d\'autres (mode {mode}) ; il contient des notes sur vos clients, il est donc désormais privé (0700).',
  },
});

/**
 * Makes the data folders private again where an older calmclient, a copy or a `chmod` left them
 * open (0700), with a note on stderr for each: `sessions/`, `recaps/`, and the data folder itself
 * when it is calmclient's (named `calmclient`, or holding `sessions/`). A folder that is not the
 * user's, or a shared one (sticky bit, as /tmp), is left alone.
 */
export function tightenDataDir(root: string, lang: Lang): void {
  const own = basename(root) === 'calmclient' || existsSync(sessionsDir(root));
  for (const dir of [...(own ? [root] : []), sessionsDir(root), recapsDir(root)]) {
    const before = tightenDir(dir);
    if (before !== undefined) printWarning(t(m.tightened, lang, { dir: inert(dir), mode: before.toString(8).padStart(4, '0') }));
  }
}

/**
 * Before the first question of a session: the data folder private, the sessions folder writable
 * (written to, so that a full disk shows too), and the temporary files of killed runs gone from it
 * and from the folder the documents go to.
 */
export function prepareDataDir(root: string, outDir: string, lang: Lang): void {
  tightenDataDir(root, lang);
  checkWritableDir(sessionsDir(root), lang);
  sweepTemps(sessionsDir(root));
  sweepTemps(outDir);
}
