import type { Answers } from '../engine/answers.js';
import { effectiveAnswers, reviseAnswer, type WalkState } from '../engine/run.js';
import type { Finding } from '../check/index.js';
import { catalogue, t } from '../i18n/catalogue.js';
import type { Playbook, QuestionStep } from '../playbook/schema.js';
import type { Finding as DraftFinding } from '../check/index.js';
import type { Prompter } from '../engine/run.js';
import type { ReviewChoice, ReviewScreen } from '../prompters/inquirer.js';
import { displayAnswer, type DocumentPeople } from '../render/context.js';
import { renderSession } from '../render/documents.js';
import type { SessionRecord } from '../store/sessions.js';
import { fitWords, padColumns } from '../terminal/output.js';
import { inert, inertLine } from '../text/inert.js';
import { todayOf } from '../dates/calendar.js';
import { dateOrderFromEnv } from '../dates/locale.js';
import { emailFindings, planAfterDeadline } from './promise.js';
import type { Lang } from '../types.js';

/**
 * The review before anything is written: every answer, the e-mail draft with what `check` finds in
 * its own words, and the ways to fix them: change an answer (the branches that depend on it are
 * worked out again, and any question it opens is asked), or edit the draft in the user's editor.
 * Nothing is written until the user chooses to write; Ctrl-C leaves the session to resume.
 */

const m = catalogue({
  title: { en: 'Before anything is written · {client}', fr: 'Avant d\'écrire quoi que ce soit · {client}' },
  nothingYet: {
    en: 'Nothing is written until you choose to write. Ctrl-C keeps everything, to resume later.',
    fr: 'Rien n\'est écrit tant que vous ne l\'avez pas choisi. Ctrl-C garde tout, pour reprendre plus tard.',
  },
  amending: {
    en: 'This session was finished: new files will be written beside the old ones, which stay as they are.',
    fr: 'Cette session était terminée : de nouveaux fichiers seront écrits à côté des anciens, qui restent tels quels.',
  },
  question: { en: 'Write the files, or pick what to change', fr: 'Écrire les fichiers, ou choisir ce qu\'il faut changer' },
  write: { en: 'Write the recap and the email draft', fr: 'Écrire le compte rendu et le brouillon d\'e-mail' },
  writeHint: { en: 'Everything looks right: write the files now.', fr: 'Tout est juste : écrire les fichiers maintenant.' },
  draftClean: { en: 'The email draft: nothing to reread', fr: 'Le brouillon d\'e-mail : rien à relire' },
  draftOne: { en: 'The email draft: 1 passage to reread', fr: 'Le brouillon d\'e-mail : 1 passage à relire' },
  draftMany: { en: 'The email draft: {count} passages to reread', fr: 'Le brouillon d\'e-mail : {count} passages à relire' },
  edited: { en: '(edited by hand)', fr: '(modifié à la main)' },
  inAnswer: {
    en: '{suggestion} These words come from your answer "{title}": choose this line to change it.',
    fr: '{suggestion} Ces mots viennent de votre réponse « {title} » : choisissez cette ligne pour la changer.',
  },
  inTemplate: {
    en: '{suggestion} These words are in the draft itself: choose this line to edit the draft.',
    fr: '{suggestion} Ces mots sont dans le brouillon lui-même : choisissez cette ligne pour le modifier.',
  },
  read: { en: 'Read the whole draft', fr: 'Lire tout le brouillon' },
  edit: { en: 'Edit the draft in your editor', fr: 'Modifier le brouillon dans votre éditeur' },
  editHint: {
    en: 'Opens {editor}; the draft is checked again when you close it.',
    fr: 'Ouvre {editor} ; le brouillon est relu à nouveau quand vous le fermez.',
  },
  answers: { en: 'Your answers', fr: 'Vos réponses' },
  answerHint: { en: 'Choose it to change this answer.', fr: 'Choisissez-la pour changer cette réponse.' },
  backToReview: { en: 'back to the review', fr: 'revenir à la relecture' },
  redo: {
    en: 'The draft you edited will be made again from the answers: your edits will be lost. Change the answer all the same?',
    fr: 'Le brouillon modifié sera refait à partir des réponses : vos modifications seront perdues. Changer la réponse quand même ?',
  },
  redoYes: { en: 'Yes, change the answer', fr: 'Oui, changer la réponse' },
  redoNo: { en: 'No, keep my edited draft', fr: 'Non, garder mon brouillon modifié' },
});

/** What the review asks of the terminal (InquirerPrompter; a test's script). */
export interface ReviewPrompter extends Prompter {
  /** The review list; resolves with the value of the line picked. */
  review<T>(screen: ReviewScreen<T>): Promise<T>;
  /** The whole draft, its passages to reread marked; resolves when the user comes back. */
  showDraft(text: string, findings: readonly DraftFinding[], back: string): Promise<void>;
  /** The draft in the user's editor; resolves with the text saved. */
  editText(text: string): Promise<string>;
  confirmChoice(message: string, yes: string, no: string): Promise<boolean>;
  /** A clean screen for what the command says once the review is done (the files written). */
  clearScreen(): void;
}

export interface ReviewInput {
  playbook: Playbook;
  session: SessionRecord;
  state: WalkState;
  prompter: ReviewPrompter;
  /** The moment the documents are dated (the day of the call). */
  renderNow: Date;
  /** Who the documents are between, as they will be written. */
  people?: DocumentPeople;
  /** Saves the answers (and the edited draft) as they change, when the session is a draft. */
  save: (answers: Answers, editedEmail: string | undefined) => void;
}

export interface Reviewed {
  answers: Answers;
  /** The draft as the user edited it, when they did. */
  editedEmail: string | undefined;
}

export type ReviewAction = { kind: 'write' } | { kind: 'read' } | { kind: 'edit' } | { kind: 'answer'; id: string } | { kind: 'finding'; index: number };

/** The review loop: resolves with the answers (and edited draft) to write, once the user chooses to write. */
export async function reviewSession(input: ReviewInput): Promise<Reviewed> {
  const { playbook, session, prompter } = input;
  const { lang } = playbook;
  const [{ checkDraft }] = await Promise.all([import('../check/index.js')]);
  let state = input.state;
  let edited = session.editedEmail;
  for (;;) {
    const kept = effectiveAnswers(playbook, state.answers);
    const draft =
      edited ??
      renderSession({
        playbook,
        answers: kept,
        client: session.client,
        now: input.renderNow,
        ...(input.people ? { people: input.people } : {}),
        ...(session.templateValues ? { extra: session.templateValues } : {}),
      }).email.contents;
    const findings = emailFindings(await checkDraft(draft, { lang }), planAfterDeadline({ playbook, answers: kept, email: draft, lang, reference: todayOf(input.renderNow), order: dateOrderFromEnv(process.env) }));
    const steps = answeredSteps(playbook, kept);
    const sources = findings.map((finding) => sourceOf(finding, steps, kept));
    const action = await prompter.review<ReviewAction>({
      head: [t(m.title, lang, { client: session.client }), t(session.status === 'draft' ? m.nothingYet : m.amending, lang)],
      message: t(m.question, lang),
      choices: reviewChoices({ lang, findings, sources, steps, answers: kept, edited: edited !== undefined }),
    });
    if (action.kind === 'write') {
      prompter.clearScreen();
      return { answers: state.answers, editedEmail: edited };
    }
    if (action.kind === 'read') {
      await prompter.showDraft(draft, findings, t(m.backToReview, lang));
      continue;
    }
    const source = action.kind === 'finding' ? sources[action.index] : action.kind === 'answer' ? action.id : undefined;
    if (source === undefined) {
      const text = await prompter.editText(draft);
      if (text.trim() !== draft.trim()) {
        edited = text;
        input.save(state.answers, edited);
      }
      continue;
    }
    if (edited !== undefined && !(await prompter.confirmChoice(t(m.redo, lang), t(m.redoYes, lang), t(m.redoNo, lang)))) continue;
    const revised = await reviseAnswer(playbook, state, source, {
      prompter,
      onAnswer: (answers) => input.save(answers, undefined),
    });
    if (revised) {
      state = revised;
      edited = undefined;
      input.save(state.answers, undefined);
    }
  }
}

/** The questions answered, in order. */
function answeredSteps(playbook: Playbook, kept: Answers): QuestionStep[] {
  return playbook.steps.filter((step): step is QuestionStep => step.type !== 'advice' && step.id in kept);
}

/** The answer a finding's words come from, when one holds them: changing it is the fix. */
function sourceOf(finding: Finding, steps: readonly QuestionStep[], kept: Answers): string | undefined {
  const words = normalise(finding.text);
  if (words === '') return undefined;
  return steps.find((step) => {
    const value = kept[step.id];
    return (step.type === 'text' || step.type === 'input') && typeof value === 'string' && normalise(value).includes(words);
  })?.id;
}

function normalise(text: string): string {
  return text.toLocaleLowerCase().replace(/\s+/g, ' ').trim();
}

interface ChoicesInput {
  lang: Lang;
  findings: readonly Finding[];
  sources: readonly (string | undefined)[];
  steps: readonly QuestionStep[];
  answers: Answers;
  edited: boolean;
}

function reviewChoices({ lang, findings, sources, steps, answers, edited }: ChoicesInput): ReviewChoice<ReviewAction>[] {
  const choices: ReviewChoice<ReviewAction>[] = [{ value: { kind: 'write' }, name: `✔ ${t(m.write, lang)}`, description: t(m.writeHint, lang) }];
  const count = findings.length;
  const heading = count === 0 ? t(m.draftClean, lang) : count === 1 ? t(m.draftOne, lang) : t(m.draftMany, lang, { count });
  choices.push({ separator: edited ? `${heading} ${t(m.edited, lang)}` : heading });
  findings.forEach((finding, index) => {
    const source = sources[index];
    const step = steps.find((candidate) => candidate.id === source);
    const words = finding.text === '' ? '' : `« ${fitWords(inertLine(finding.text), 30)} » : `;
    choices.push({
      value: { kind: 'finding', index },
      name: fitWords(`⚠ ${words}${finding.message}`, 74),
      description: step
        ? t(m.inAnswer, lang, { suggestion: finding.suggestion, title: step.title ?? step.message })
        : t(m.inTemplate, lang, { suggestion: finding.suggestion }),
    });
  });
  choices.push({ value: { kind: 'read' }, name: t(m.read, lang) });
  choices.push({ value: { kind: 'edit' }, name: t(m.edit, lang), description: t(m.editHint, lang, { editor: editorName() }) });
  choices.push({ separator: t(m.answers, lang) });
  const width = Math.min(22, Math.max(...steps.map((step) => (step.title ?? '').length), 8));
  for (const step of steps) {
    const value = answers[step.id];
    if (value === undefined) continue;
    // An answer is the user's data: nothing in it may act on the terminal.
    const [first = '', ...rest] = inert(displayAnswer(step, value, lang)).split('\n');
    const more = rest.length > 0 ? ` (+${rest.length})` : '';
    const title = padColumns(fitWords(step.title ?? step.id, width), width);
    choices.push({
      value: { kind: 'answer', id: step.id },
      name: `${title}  ${fitWords(first, 72 - width - more.length)}${more}`,
      description: t(m.answerHint, lang),
    });
  }
  return choices;
}

/** The editor the draft opens in, as the editor prompt will choose it. */
function editorName(): string {
  return process.env.VISUAL || process.env.EDITOR || (process.platform === 'win32' ? 'notepad' : 'vim');
}
