import { createPrompt, isBackspaceKey, isEnterKey, isTabKey, makeTheme, useEffect, usePrefix, useState, useKeypress } from '@inquirer/core';

/**
 * A one-line date question that says, as the user types, what it understands: `vendredi 14h30`
 * shows `→ vendredi 20 novembre 2026 à 14:30` under the line, and a date it would refuse shows why
 * ("this date is in the past: read as …"). Enter keeps the answer only when it is a date the
 * question takes; the answer line then says the date again. Inquirer's `input` can only change how
 * the typed text itself is drawn, which would move the cursor off what is typed.
 */

/** What the question makes of the text typed so far. */
export type DateEcho =
  /** A date the question takes: `words` is it written out. */
  | { ok: true; words: string }
  /** Not an answer: `message` says why, shown when Enter is pressed; `live` while typing when it helps (a date understood, then refused). */
  | { ok: false; message: string; live?: string }
  /** Empty and allowed to be (an optional question). */
  | { ok: true; words?: undefined };

export interface DateInputConfig {
  message: string;
  /** The examples, shown once after the question while it is asked. */
  hint: string;
  default?: string;
  /** Put the default in the line, to be completed (`2026-11-21 ` waiting for its time). */
  prefill?: boolean;
  read: (typed: string) => DateEcho;
}

export const dateInput = createPrompt<string, DateInputConfig>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [defaultValue, setDefaultValue] = useState<string | undefined>(config.default);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [answerWords, setAnswerWords] = useState<string | undefined>(undefined);
  const prefix = usePrefix({ status, theme });

  useEffect((rl) => {
    if (config.prefill && defaultValue) {
      rl.write(defaultValue);
      setValue(defaultValue);
    }
  }, []);

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (isEnterKey(key)) {
      const answer = value || defaultValue || '';
      const echo = config.read(answer);
      if (echo.ok) {
        setValue(answer);
        setAnswerWords(echo.words);
        setStatus('done');
        done(answer);
      } else {
        // readline empties its line on Enter: give back what was typed, to be corrected.
        rl.write(value);
        setError(echo.message);
      }
    } else if (isBackspaceKey(key) && !value) {
      setDefaultValue(undefined);
    } else if (isTabKey(key) && !value && defaultValue) {
      rl.clearLine(0);
      rl.write(defaultValue);
      setValue(defaultValue);
      setDefaultValue(undefined);
    } else {
      setValue(rl.line);
      setError(undefined);
    }
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') {
    const said = answerWords === undefined || answerWords === value.trim() ? '' : ` ${theme.style.help(`→ ${answerWords}`)}`;
    return `${prefix} ${message} ${theme.style.answer(value.trim())}${said}`;
  }
  const defaultShown = defaultValue && !value ? ` ${theme.style.defaultAnswer(defaultValue)}` : '';
  const line = `${prefix} ${message} ${theme.style.help(config.hint)}${defaultShown} ${value}`;
  if (error !== undefined) return [line, theme.style.error(error)];
  if (value.trim() === '') return [line, ''];
  const echo = config.read(value);
  if (echo.ok) return [line, echo.words === undefined ? '' : theme.style.help(`→ ${echo.words}`)];
  return [line, echo.live === undefined ? '' : theme.style.help(`→ ${echo.live}`)];
});
