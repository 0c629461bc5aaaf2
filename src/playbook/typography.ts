import { frenchSpacing } from '../i18n/catalogue.js';
import type { Lang } from '../types.js';
import type { Choice, PlaybookSource, Step, Verdict } from './schema.js';

const SPACING: Record<Lang, ((text: string) => string) | undefined> = { en: undefined, fr: frenchSpacing };

/**
 * The words a French playbook shows on screen (titles, what to do now, questions, help, tips, warnings, choices,
 * verdicts) with the no-break spaces French puts before `: ; ! ?` and inside `« »`, as the
 * message catalogues get them from `t`: a prompt wrapped at 80 columns never starts a line with a
 * lone `?` or `»`. Playbooks are written with plain spaces, easier to read and to type; templates
 * are left as they are (the documents get their typography once rendered, see render/typography.ts).
 */
export function withFrenchSpacing<P extends PlaybookSource>(playbook: P): P {
  const spacing = SPACING[playbook.lang];
  if (spacing === undefined) return playbook;
  const text = <T extends string | undefined>(value: T): T => (value === undefined ? value : (spacing(value) as T));
  const choice = (item: Choice): Choice => ({ ...item, label: text(item.label), ...(item.hint ? { hint: text(item.hint) } : {}), ...(item.tip ? { tip: text(item.tip) } : {}) });
  const verdict = (item: Verdict): Verdict => ({ ...item, label: text(item.label) });
  const step = (item: Step): Step => {
    const common = {
      ...(item.title ? { title: text(item.title) } : {}),
      ...(item.now ? { now: text(item.now) } : {}),
      ...(item.help ? { help: text(item.help) } : {}),
      ...(item.tips ? { tips: item.tips.map((tip) => text(tip)) } : {}),
      ...(item.warning ? { warning: text(item.warning) } : {}),
    };
    if (item.type === 'advice') return { ...item, ...common, text: text(item.text) };
    const spaced = { ...item, ...common, message: text(item.message) };
    if (spaced.type === 'select') return { ...spaced, choices: spaced.choices.map(choice) };
    if (spaced.type === 'checkbox') return { ...spaced, choices: spaced.choices.map(choice), ...(spaced.verdicts ? { verdicts: spaced.verdicts.map(verdict) } : {}) };
    return spaced;
  };
  return { ...playbook, title: text(playbook.title), description: text(playbook.description), steps: playbook.steps.map(step) };
}
