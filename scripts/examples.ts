import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promiseTiming, proposeStatus } from '../src/commands/followup.js';
import { formatDate, parseIso } from '../src/dates/calendar.js';
import type { Answers } from '../src/engine/answers.js';
import { effectiveAnswers, runPlaybook } from '../src/engine/run.js';
import { InputError } from '../src/errors.js';
import { loadPlaybookFile } from '../src/playbook/load.js';
import type { Playbook } from '../src/playbook/schema.js';
import { AnswersFile, ScriptedPrompter } from '../src/prompters/scripted.js';
import { renderSession } from '../src/render/documents.js';
import { recordFields } from '../src/session/complete.js';
import { documentPeople, scriptedPeople, type SessionPeople } from '../src/session/people.js';
import { proposing } from '../src/session/walk.js';
import type { Lang, PlaybookKind } from '../src/types.js';

/**
 * docs/examples/: one e-mail and one recap per family of branches, in both languages, so that a
 * reader reviews calmclient's writing without running anything. Each comes from an answers file
 * kept in docs/examples/answers/ (the very files `calmclient start --answers` takes), rendered
 * through the same code as the commands, on a fixed day. `node scripts/examples.mjs` writes them;
 * tests/unit/examples.test.ts renders them again and fails when a committed file differs.
 */

/** The project's folder: scripts and tests run from it (`npm run examples`, `vitest`). */
export const ROOT = process.cwd();
export const EXAMPLES_DIR = join(ROOT, 'docs', 'examples');

interface Example {
  lang: Lang;
  kind: PlaybookKind;
  /** The answers file, in docs/examples/answers/<lang>/, without `.yaml`. */
  name: string;
  /** The day the session happens (local time). */
  at: [year: number, month: number, day: number, hour: number];
  /** A follow-up: the crisis example it follows up (its client, people and promise). */
  follows?: string;
  /** A checklist: the mission's name, and the crisis example whose lesson it recalls. */
  mission?: string;
  recalls?: string;
}

export const EXAMPLES: readonly Example[] = [
  { lang: 'en', kind: 'crisis', name: 'crisis-launch-delay', at: [2026, 3, 10, 9] },
  { lang: 'en', kind: 'crisis', name: 'crisis-personal-mediator', at: [2026, 3, 10, 9] },
  { lang: 'en', kind: 'followup', name: 'followup-status-update', at: [2026, 3, 11, 18], follows: 'crisis-launch-delay' },
  { lang: 'en', kind: 'followup', name: 'followup-resolved', at: [2026, 3, 16, 9], follows: 'crisis-launch-delay' },
  { lang: 'en', kind: 'prevention', name: 'checklist-framing', at: [2026, 3, 10, 9], mission: 'Spring shop', recalls: 'crisis-launch-delay' },
  { lang: 'fr', kind: 'crisis', name: 'crise-lancement-boutique', at: [2026, 3, 10, 9] },
  { lang: 'fr', kind: 'crisis', name: 'crise-attaques-mediateur', at: [2026, 3, 10, 9] },
  { lang: 'fr', kind: 'followup', name: 'suivi-point-etape', at: [2026, 3, 11, 18], follows: 'crise-lancement-boutique' },
  { lang: 'fr', kind: 'followup', name: 'suivi-resolu', at: [2026, 3, 16, 9], follows: 'crise-lancement-boutique' },
  { lang: 'fr', kind: 'prevention', name: 'cadrage-mission', at: [2026, 3, 10, 9], mission: 'Commandes de Pâques', recalls: 'crise-lancement-boutique' },
];

const PLAYBOOK_ID: Record<PlaybookKind, string> = { crisis: 'crisis', followup: 'followup', prevention: 'prevention' };
/** No data folder: the people come from the answers files only, never from the machine running this. */
const NOWHERE = join(ROOT, 'docs', 'examples', '.no-data-folder');

interface Walked {
  playbook: Playbook;
  answers: Answers;
  people: SessionPeople;
  now: Date;
}

const answersPath = (lang: Lang, name: string): string => join(EXAMPLES_DIR, 'answers', lang, `${name}.yaml`);

async function walk(example: Example, client?: string, people?: SessionPeople): Promise<Walked> {
  const { lang } = example;
  const playbook = loadPlaybookFile(join(ROOT, 'playbooks', lang, `${PLAYBOOK_ID[example.kind]}.yaml`), lang);
  const file = answersPath(lang, example.name);
  const answers = AnswersFile.parse(file, readFileSync(file, 'utf8'), lang);
  const unknown = answers.unknownKeys(playbook);
  if (unknown.length > 0) throw new InputError(unknown[0]?.message ?? '', unknown);
  const [year, month, day, hour] = example.at;
  const now = new Date(year, month - 1, day, hour, 0);
  const name = client ?? answers.client() ?? '';
  const scripted = scriptedPeople(answers, { root: NOWHERE, configDir: NOWHERE, client: name, lang, signs: true });
  const walkedPeople = people ? { ...people, ...pick(scripted.people, answers) } : scripted.people;
  const prompter = new ScriptedPrompter(answers, now, lang);
  const raw = await runPlaybook(playbook, { prompter: example.kind === 'followup' ? proposing(prompter, {}, proposeStatus) : prompter });
  prompter.assertComplete();
  if (!people) scripted.assertSigned();
  return { playbook, answers: effectiveAnswers(playbook, raw), people: walkedPeople, now };
}

/** What a follow-up's own answers file says of the people, over what the crisis knew. */
function pick(people: SessionPeople, answers: AnswersFile): Partial<SessionPeople> {
  return 'contact' in answers.values ? { contact: people.contact } : {};
}

/** The e-mail and the recap of every example, by their path under docs/examples/. */
export async function renderExamples(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const crises = new Map<string, Walked & { client: string }>();
  for (const example of EXAMPLES) {
    let extra: Record<string, string> = {};
    let client: string;
    let walked: Walked;
    if (example.kind === 'followup' || example.kind === 'prevention') {
      const source = example.follows ?? example.recalls ?? '';
      const crisis = crises.get(source);
      if (!crisis) throw new Error(`${example.name}: the example "${source}" must come first`);
      client = crisis.client;
      walked = await walk(example, client, crisis.people);
      const recorded = recordFields(crisis.playbook, crisis.answers);
      if (example.kind === 'followup' && recorded.promise) {
        const by = parseIso(recorded.promise.by);
        extra = {
          promise: recorded.promise.what,
          ...(by ? { promise_date: formatDate(by, example.lang) } : {}),
          promise_timing: promiseTiming(recorded.promise.by, walked.now),
        };
      }
      if (example.kind === 'prevention') {
        extra = { ...(example.mission ? { mission: example.mission } : {}), ...(recorded.lesson ? { lessons: recorded.lesson } : {}) };
      }
    } else {
      walked = await walk(example);
      const file = answersPath(example.lang, example.name);
      client = AnswersFile.parse(file, readFileSync(file, 'utf8'), example.lang).client() ?? '';
      crises.set(example.name, { ...walked, client });
    }
    const documents = renderSession({
      playbook: walked.playbook,
      answers: walked.answers,
      client,
      now: walked.now,
      people: documentPeople(walked.people),
      extra,
    });
    files.set(join(example.lang, `${example.name}.email.md`), documents.email.contents);
    files.set(join(example.lang, `${example.name}.recap.md`), documents.recap.contents);
  }
  return files;
}
