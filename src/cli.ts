import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { ExitCode, InputError, isCalmError } from './errors.js';
import { langFromArgv, LangError, resolveLang, setLang, t } from './i18n.js';
import { printError, printProblems, printWarning } from './output.js';
// Type-only imports vanish at build time: the commands themselves still load lazily.
import type { ListOptions, ShowOptions } from './commands/playbooks.js';
import type { StartOptions } from './commands/start.js';
import type { CheckOptions } from './commands/check.js';
import { checkHelp } from './commands/check-help.js';

/**
 * Registers the commands and maps whatever they throw to a message and an exit code. Each command
 * is imported only when it runs, so `--help` and `--version` load almost nothing.
 */

/** An uncaught exception: a bug in calmclient, never the user's doing. */
const INTERNAL_ERROR = 70;

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

function examples(...lines: string[]): string {
  return `\n${t('help.examples')}\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}

const langOption = (): Option => new Option('--lang <lang>', t('app.lang'));

function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('calmclient')
    .description(t('app.description'))
    .version(version(), '-V, --version')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });

  program
    .command('start')
    .description(t('start.description'))
    .option('--client <name>', t('start.client'))
    .addOption(langOption())
    .option('--playbook <id|file>', t('start.playbook'), 'crisis')
    .option('--answers <file>', t('start.answers'))
    .option('--out <dir>', t('start.out'))
    .addHelpText(
      'after',
      examples('calmclient start', 'calmclient start --client "Dupont SA" --lang fr', 'calmclient start --answers answers.yaml --out ./recaps'),
    )
    .action(async (_options: unknown, command: Command) => {
      const { default: start } = await import('./commands/start.js');
      setExit(await start(command.opts<StartOptions>()));
    });

  const playbooks = program.command('playbooks').description(t('playbooks.description'));
  playbooks
    .command('list')
    .description(t('playbooks.list.description'))
    .addOption(langOption())
    .option('--json', t('playbooks.show.json'))
    .addHelpText('after', examples('calmclient playbooks list', 'calmclient playbooks list --lang fr --json'))
    .action(async (_options: unknown, command: Command) => {
      const { list } = await import('./commands/playbooks.js');
      setExit(await list(command.opts<ListOptions>()));
    });
  playbooks
    .command('show')
    .description(t('playbooks.show.description'))
    .argument('<id|file>')
    .addOption(langOption())
    .option('--json', t('playbooks.show.json'))
    .addHelpText('after', examples('calmclient playbooks show crisis', 'calmclient playbooks show crisis --lang fr --json'))
    .action(async (ref: string, _options: unknown, command: Command) => {
      const { show } = await import('./commands/playbooks.js');
      setExit(await show(ref, command.opts<ShowOptions>()));
    });
  playbooks
    .command('validate')
    .description(t('playbooks.validate.description'))
    .argument('<file...>')
    .addHelpText('after', examples('calmclient playbooks validate my-playbook.yaml'))
    .action(async (files: string[]) => {
      const { validate } = await import('./commands/playbooks.js');
      setExit(await validate(files));
    });

  program
    .command('check')
    .description(checkHelp('check.description'))
    .argument('[file]', checkHelp('check.file'))
    .option('--lang <lang>', checkHelp('check.lang'), 'auto')
    .option('--format <format>', checkHelp('check.format'), 'text')
    .option('--rules <file>', checkHelp('check.rules'))
    .addHelpText(
      'after',
      `${examples(
        'calmclient check reply.md',
        'calmclient check - --lang fr < reponse.md',
        'calmclient check reply.md --format json',
        'calmclient check reply.md --rules my-rules.yaml',
      )}\n${checkHelp('check.notes')}\n`,
    )
    .action(async (file: string | undefined, _options: unknown, command: Command) => {
      const { default: check } = await import('./commands/check.js');
      setExit(await check(file, command.opts<CheckOptions>()));
    });

  return program;
}

/** Runs the CLI and returns the exit code; `main` is the only caller of process.exit. */
export async function run(argv: readonly string[]): Promise<number> {
  let exitCode: number = ExitCode.ok;
  try {
    setLang(resolveLang(langFromArgv(argv.slice(2)), process.env));
  } catch {
    setLang(resolveLang(undefined, process.env));
  }
  try {
    await buildProgram((code) => (exitCode = code)).parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    return report(error);
  }
}

function report(error: unknown): number {
  if (error instanceof CommanderError) {
    const done = ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code);
    return done ? ExitCode.ok : ExitCode.usage;
  }
  if (error instanceof LangError) {
    printError(t('lang.unknown', { value: error.value }));
    return ExitCode.usage;
  }
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
  printError(t('error.unexpected', { message }));
  if (process.env.CALMCLIENT_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return INTERNAL_ERROR;
}

export async function main(argv: readonly string[]): Promise<never> {
  const code = await run(argv);
  process.exit(code);
}
