import { createRequire } from 'node:module';
import { Argument, Command, CommanderError, Option } from 'commander';
import { tc } from './cli-messages.js';
import { ExitCode, InputError, isCalmError } from './errors.js';
import { langFromArgv, LangError, resolveLang, setLang, t } from './i18n.js';
// Type-only imports vanish at build time: the commands themselves still load lazily.
import type { ListOptions, NewPlaybookOptions, ShowOptions } from './commands/playbooks.js';
import type { StartOptions } from './commands/start.js';

/**
 * Registers the commands and maps whatever they throw to a message and an exit code. Each command
 * is imported only when it runs, so `--help` and `--version` load almost nothing.
 */

/** An uncaught exception: a bug in calmclient, never the user's doing. */
const INTERNAL_ERROR = 70;

/** `start --format`: which e-mail files to write beside the recap. */
export const EMAIL_FORMATS = ['md', 'eml', 'both'] as const;
export type EmailFormat = (typeof EMAIL_FORMATS)[number];

/** `completion SHELL` */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

function version(): string {
  // Read through require: importing `node:fs` as an ES module would load its stream classes too,
  // a tenth of what `--version` adds to Node's own start.
  const manifest = createRequire(import.meta.url)('../package.json') as { version: string };
  return manifest.version;
}

function examples(...lines: string[]): string {
  return `\n${t('help.examples')}\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}

const langOption = (): Option => new Option('--lang <lang>', t('app.lang'));

/** The whole command tree; `setExit` receives the exit code of the command that ran. */
export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('calmclient')
    .description(t('app.description'))
    .version(version(), '-V, --version')
    .option('-q, --quiet', tc('option.quiet'))
    .showHelpAfterError()
    .exitOverride()
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({ outputError: (text, write) => write(text) });
  program.hook('preAction', async () => {
    const { setQuiet } = await import('./output.js');
    setQuiet(program.opts<{ quiet?: boolean }>().quiet === true);
  });

  program
    .command('start')
    .description(t('start.description'))
    .option('--client <name>', t('start.client'))
    .addOption(langOption())
    .option('--playbook <id|file>', t('start.playbook'), 'crisis')
    .option('--answers <file>', t('start.answers'))
    .option('--out <dir>', t('start.out'))
    .addOption(new Option('--format <format>', tc('start.format')).choices(EMAIL_FORMATS).default('both'))
    .addHelpText(
      'after',
      examples(
        'calmclient start',
        'calmclient start --client "Dupont SA" --lang fr',
        'calmclient start --answers answers.yaml --out ./recaps',
        'calmclient start --format eml',
      ),
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
    .option('--json', tc('playbooks.list.json'))
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
    .command('new')
    .description(tc('playbooks.new.description'))
    .argument('<id>', tc('playbooks.new.id'))
    .addOption(langOption())
    .option('--kind <kind>', tc('playbooks.new.kind'), 'crisis')
    .addHelpText('after', examples('calmclient playbooks new my-crisis', 'calmclient playbooks new cadrage --lang fr --kind prevention'))
    .action(async (id: string, _options: unknown, command: Command) => {
      const { newPlaybook } = await import('./commands/playbooks.js');
      setExit(await newPlaybook(id, command.opts<NewPlaybookOptions>()));
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
    .command('completion')
    .description(tc('completion.description'))
    .addArgument(new Argument('<shell>', tc('completion.shell')).choices(SHELLS))
    .addHelpText(
      'after',
      examples(
        'calmclient completion bash > ~/.local/share/bash-completion/completions/calmclient',
        'calmclient completion zsh > ~/.zfunc/_calmclient',
        'calmclient completion fish > ~/.config/fish/completions/calmclient.fish',
      ),
    )
    .action(async (shell: Shell) => {
      const { completion } = await import('./commands/completion.js');
      setExit(await completion(shell, program));
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
    return await report(error);
  }
}

async function report(error: unknown): Promise<number> {
  if (error instanceof CommanderError) {
    const done = ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code);
    return done ? ExitCode.ok : ExitCode.usage;
  }
  // Loaded here, not at the top: `--help` and `--version` need neither it nor chalk.
  const { printError, printProblems, printWarning } = await import('./output.js');
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
