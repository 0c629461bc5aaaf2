import { ExitCode, InputError, isCalmError } from './errors.js';
import { help } from './help.js';
import { t } from './i18n/catalogue.js';
import { printError, printProblems, printWarning } from './terminal/output.js';
import { writeStderr } from './terminal/streams.js';
import type { Lang } from './types.js';

export { setQuiet, printError } from './terminal/output.js';
export { drainOutput } from './terminal/streams.js';

/**
 * What runs once a command does, behind one door for cli.ts: each command's module (loaded when it
 * runs), the terminal output, and the report of what a command throws. The build bundles it apart
 * from cli.ts, as dist/app.cjs: `--help` and commander's usage errors never read it (the gain is
 * measured in scripts/build.mjs, `appElsewhere`).
 *
 * Each bundle has its own copy of the modules both import. Those must hold no state that the
 * other side reads, and no class the other side tests with `instanceof`: the errors commands
 * throw are reported here, with this side's classes; cli.ts reports only commander's errors and
 * its own LangError, and drains this side's output streams as well as its own.
 */

const COMMAND_MODULES = {
  start: () => import('./commands/start.js'),
  tips: () => import('./commands/tips.js'),
  checklist: () => import('./commands/checklist.js'),
  followup: () => import('./commands/followup.js'),
  history: () => import('./commands/history.js'),
  show: () => import('./commands/show.js'),
  recap: () => import('./commands/recap.js'),
  lessons: () => import('./commands/lessons.js'),
  forget: () => import('./commands/forget.js'),
  playbooks: () => import('./commands/playbooks.js'),
  check: () => import('./commands/check.js'),
  config: () => import('./commands/config.js'),
  completion: () => import('./commands/completion.js'),
};

export type CommandModule = keyof typeof COMMAND_MODULES;

/** The module of command `K` (src/commands/<K>.ts). */
export type LoadedCommand<K extends CommandModule> = Awaited<ReturnType<(typeof COMMAND_MODULES)[K]>>;

/** The module of a command, loaded now. */
export async function loadCommand<K extends CommandModule>(name: K): Promise<LoadedCommand<K>> {
  // Each entry's import gives its own command's module: the table pairs them, not the type checker.
  return (await COMMAND_MODULES[name]()) as LoadedCommand<K>;
}

/** An uncaught exception: a bug in calmclient, never the user's doing. */
const INTERNAL_ERROR = 70;

/** What a command threw, said to the user; the exit code. */
export function report(error: unknown, lang: Lang): number {
  if (isCalmError(error)) {
    if (error.exitCode === ExitCode.cancelled) {
      printWarning(error.message);
      return error.exitCode;
    }
    const problems = error instanceof InputError ? error.problems : [];
    printProblems(problems);
    if (!problems.some((problem) => problem.message === error.message)) printError(error.message);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  printError(t(help.errorUnexpected, lang, { message }));
  if (process.env.CALMCLIENT_DEBUG && error instanceof Error && error.stack) writeStderr(`${error.stack}\n`);
  return INTERNAL_ERROR;
}
