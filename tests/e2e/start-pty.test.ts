import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/engine/answers.js';
import { nextStep } from '../../src/engine/run.js';
import { loadPlaybookFile } from '../../src/playbook/load.js';
import type { Playbook, Step } from '../../src/playbook/schema.js';
import { ROOT, tempDir } from '../helpers.js';
import { PtySession } from '../pty.js';
import type { Lang } from '../../src/types.js';

/** What our person answers, by step id; steps not listed are left empty or take the default. */
const choices: Record<string, string> = {
  tone: 'personal',
  gap: 'delay',
  fault: 'mine',
  gesture: 'discount',
  need: 'control',
  agreement: 'yes',
};
const typed: Record<string, string> = {
  client_words: 'Where is my site? My team waited all week.',
  gesture_details: '10 % off this phase',
  hidden_demand: 'Show the site to the board on Thursday.',
  solution: 'I put the site online and train the team.',
  deadline: '+3',
  followup_date: '+4 10:00',
  lesson: 'Keep a buffer day before launches.',
  signature: 'Camille Martin',
};

const progressWord: Record<Lang, string> = { en: 'step', fr: 'étape' };

/** Answers one step on the keyboard and returns what the engine will have stored. */
async function answerStep(session: PtySession, step: Step): Promise<Answers[string]> {
  switch (step.type) {
    case 'advice':
      await session.press('enter');
      return true;
    case 'select': {
      const wanted = choices[step.id] ?? step.default ?? step.choices[0]?.value ?? '';
      const from = Math.max(0, step.choices.findIndex((c) => c.value === (step.default ?? step.choices[0]?.value)));
      const to = step.choices.findIndex((c) => c.value === wanted);
      for (let i = 0; i < (to - from + step.choices.length) % step.choices.length; i++) await session.press('down');
      await session.press('enter');
      return wanted;
    }
    case 'confirm':
      await session.press('enter');
      return step.default ?? true;
    case 'checkbox':
      await session.press('space');
      await session.press('enter');
      return step.choices[0] ? [step.choices[0].value] : [];
    case 'text': {
      const text = typed[step.id];
      if (text) {
        await session.type(text);
        await session.press('enter');
      }
      await session.press('enter');
      return text ?? '';
    }
    case 'input':
    case 'date': {
      let text = typed[step.id] ?? '';
      // A time step with a default pre-fills the day: the person only adds the time.
      if (step.type === 'date' && step.time && step.default) text = text.replace(/^\S+\s*/, '');
      if (text) await session.type(text);
      await session.press('enter');
      return text;
    }
  }
}

/** Answers every step still open after `answers`, as the engine will ask them, up to the files. */
async function answerTheRest(session: PtySession, playbook: Playbook, answers: Answers, lang: Lang): Promise<void> {
  for (let next = nextStep(playbook, answers); next; next = nextStep(playbook, answers)) {
    const { step, progress } = next;
    await session.waitFor(`${progressWord[lang]} ${progress.index}/${progress.total}`);
    answers[step.id] = await answerStep(session, step);
  }
  await session.waitFor(lang === 'fr' ? 'Fichiers écrits' : 'Written:');
}

describe.each(['en', 'fr'] as const)('calmclient start in a terminal (%s)', (lang) => {
  const playbook = loadPlaybookFile(join(ROOT, 'playbooks', lang, 'crisis.yaml'), lang);

  it('walks a person through the whole crisis and writes the recap and the email', async () => {
    const home = tempDir();
    const session = PtySession.start(['start', '--lang', lang], home);
    try {
      await session.waitFor(lang === 'fr' ? 'Qui est le client' : 'Who is the client');
      await session.type('Dupont & Fils');
      await session.press('enter');

      await answerTheRest(session, playbook, {}, lang);
      expect(await session.exited).toMatchObject({ exitCode: 0 });
    } finally {
      session.kill();
    }

    const recaps = join(home, 'recaps');
    const files = readdirSync(recaps);
    expect(files.filter((name) => name.endsWith('.md'))).toHaveLength(2);
    const email = readFileSync(join(recaps, files.find((f) => f.endsWith('-email.md')) ?? ''), 'utf8');
    expect(email).toContain('Dupont & Fils');
    expect(email).toContain('I put the site online and train the team.');
    expect(email).not.toMatch(/\{\{|undefined|null/);
  });

  it('cancels cleanly on Ctrl-C, keeps what was typed, says how to go on, and goes on with --resume', async () => {
    const home = tempDir();
    const session = PtySession.start(['start', '--lang', lang, '--client', 'Dupont'], home);
    try {
      await session.waitFor(`${progressWord[lang]} 1/`);
      await session.press('enter');
      await session.waitFor(`${progressWord[lang]} 2/`);
      await session.press('enter');
      await session.waitFor(`${progressWord[lang]} 3/`);
      await session.type('They are furious');
      await session.press('ctrl-c');
      expect(await session.exited).toMatchObject({ exitCode: 130 });
    } finally {
      session.kill();
    }
    expect(session.screen()).toMatch(lang === 'fr' ? /Interrompu\. Vos réponses sont enregistrées dans la session/ : /Stopped\. Your answers so far are saved in session/);
    expect(session.screen()).not.toMatch(/\n\s+at /);
    const [record] = readdirSync(join(home, 'sessions'));
    const saved = JSON.parse(readFileSync(join(home, 'sessions', record ?? ''), 'utf8'));
    expect(saved).toMatchObject({ status: 'draft', client: 'Dupont' });

    const resumed = PtySession.start(['start', '--resume'], home);
    try {
      await resumed.waitFor(lang === 'fr' ? 'Vos réponses précédentes' : 'Your earlier answers');
      await answerTheRest(resumed, playbook, { ...saved.answers }, lang);
      expect(await resumed.exited).toMatchObject({ exitCode: 0 });
    } finally {
      resumed.kill();
    }
    const finished = JSON.parse(readFileSync(join(home, 'sessions', record ?? ''), 'utf8'));
    expect(finished).toMatchObject({ id: saved.id, status: 'open', client: 'Dupont' });
    expect(readdirSync(join(home, 'recaps')).filter((name) => name.endsWith('.md'))).toHaveLength(2);
  });

  it('keeps the draft when the terminal closes or the process is told to stop', async () => {
    for (const signal of ['SIGHUP', 'SIGTERM'] as const) {
      const home = tempDir();
      const session = PtySession.start(['start', '--lang', lang, '--client', 'Martin'], home);
      try {
        await session.waitFor(`${progressWord[lang]} 1/`);
        await session.press('enter');
        await session.waitFor(`${progressWord[lang]} 2/`);
        session.kill(signal);
        expect((await session.exited).exitCode).toBe(130);
      } finally {
        session.kill();
      }
      const [record] = readdirSync(join(home, 'sessions'));
      const saved = JSON.parse(readFileSync(join(home, 'sessions', record ?? ''), 'utf8'));
      expect(saved).toMatchObject({ status: 'draft', client: 'Martin', answers: { breathe: true } });
    }
  });
});
