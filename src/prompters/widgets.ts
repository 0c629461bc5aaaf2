import {
  createPrompt,
  isEnterKey,
  makeTheme,
  usePrefix,
  useRef,
  useState,
  useKeypress,
} from '@inquirer/core';

/**
 * Two prompts Inquirer does not have: a multi-line answer typed in place (an editor would pull a
 * stressed user out of the call), and a "press Enter" pause under an advice card.
 */

interface MultilineConfig {
  message: string;
  hint: string;
  /** Returns an error message, or undefined when the answer is fine. */
  validate: (value: string) => string | undefined;
  /** Lines typed before (a stopped run's), shown as if just typed. */
  initial?: string;
  /** Told everything typed so far at each key, so that a stop (Ctrl-C, a signal) loses none of it. */
  onChange?: (typed: string) => void;
}

/** Keys that arrive faster than this after the previous one are a paste, not typing. */
const PASTE_GAP_MS = 25;

export const multiline = createPrompt<string, MultilineConfig>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [lines, setLines] = useState<string[]>(config.initial ? config.initial.split('\n') : []);
  const [current, setCurrent] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const lastKeyAt = useRef(0);
  const prefix = usePrefix({ status, theme });

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    const now = Date.now();
    const pasting = now - lastKeyAt.current < PASTE_GAP_MS;
    lastKeyAt.current = now;
    if (!isEnterKey(key)) {
      setCurrent(rl.line);
      setError(undefined);
      config.onChange?.([...lines, rl.line].join('\n'));
      return;
    }
    // An empty line typed by hand finishes; an empty line inside a paste is a paragraph break.
    if (current.trim() !== '' || pasting) {
      setLines([...lines, current]);
      setCurrent('');
      config.onChange?.([...lines, current].join('\n'));
      return;
    }
    const answer = lines.join('\n').replace(/\s+$/, '');
    const problem = config.validate(answer);
    if (problem !== undefined) {
      setError(problem);
      return;
    }
    setLines(answer === '' ? [] : answer.split('\n'));
    setStatus('done');
    done(answer);
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') {
    const [first = '', ...rest] = lines;
    const more = rest.length > 0 ? theme.style.help(` (+${rest.length})`) : '';
    return `${prefix} ${message} ${theme.style.answer(first.slice(0, 60))}${more}`;
  }
  const typed = [...lines, current].map((line) => `  ${line}`).join('\n');
  const bottom = error === undefined ? '' : theme.style.error(error);
  return [`${prefix} ${message} ${theme.style.help(config.hint)}\n${typed}`, bottom];
});

export const pressEnter = createPrompt<void, { message: string }>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  useKeypress((key) => {
    if (status === 'idle' && isEnterKey(key)) {
      setStatus('done');
      done();
    }
  });
  return status === 'done' ? '' : theme.style.help(`↵ ${config.message}`);
});
