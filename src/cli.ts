import { createRequire } from 'node:module';
import { Argument, Command, CommanderError, Option } from 'commander';
import { tc } from './cli-messages.js';
import { ExitCode, InputError, isCalmError } from './errors.js';
import { langFromArgv, LangError, resolveLang, setLang, t } from './i18n.js';
import { drainOutput, writeStderr } from './streams.js';
// Type-only imports vanish at build time: the commands themselves still load lazily.
import type { ListOptions, NewPlaybookOptions, ShowOptions } from './commands/playbooks.js';
import type { ForgetOptions } from './commands/forget.js';
import type { StartOptions } from './commands/start.js';
import type { TipsOptions } from './commands/tips.js';
import type { ChecklistOptions } from './commands/checklist.js';
import type { FollowupOptions } from './commands/followup.js';
import type { HistoryOptions } from './commands/history.js';
import type { ShowSessionOptions } from './commands/show.js';
import type { RecapOptions } from './commands/recap.js';
import type { LessonsOptions } from './commands/lessons.js';
import { loopHelp } from './commands/loop-help.js';
import type { CheckOptions } from './commands/check.js';
import { checkHelp } from './commands/check-help.js';

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

const HELP_TITLES = ['Usage:', 'Options:', 'Commands:', 'Arguments:', 'Global Options:'] as const;
const HELP_TITLE_KEYS = {
  'Usage:': 'help.usage',
  'Options:': 'help.options',
  'Commands:': 'help.commands',
  'Arguments:': 'help.arguments',
  'Global Options:': 'help.globalOptions',
} as const;

/** Commander writes its section titles in English; these follow the user's language. */
function helpTitle(title: string): string {
  const known = HELP_TITLES.find((candidate) => candidate === title);
  return known ? t(HELP_TITLE_KEYS[known]) : title;
}

const langOption = (): Option => new Option('--lang <lang>', t('app.lang'));

/**
 * The whole command tree; `setExit` receives the exit code of the command that ran, `parsed` is
 * called once the command line is understood, before the command runs.
 */
export function buildProgram(setExit: (code: number) => void, parsed: () => void = () => undefined): Command {
  const program = new Command('calmclient')
    .description(t('app.description'))
    .version(version(), '-V, --version', t('help.version'))
    .option('-q, --quiet', tc('option.quiet'))
    .helpOption('-h, --help', t('help.help'))
    .helpCommand('help [command]', t('help.help'))
    .configureHelp({ styleTitle: (title) => helpTitle(title), showGlobalOptions: true })
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeErr: writeStderr, outputError: (text, write) => write(text) });
  program.hook('preAction', async () => {
    parsed();
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
    .option('--resume [id]', t('resume.option'))
    .addHelpText(
      'after',
      examples(
        'calmclient start',
        'calmclient start --client "Dupont SA" --lang fr',
        'calmclient start --answers answers.yaml --out ./recaps',
        'calmclient start --format eml',
        'calmclient start --resume',
      ),
    )
    .action(async (_options: unknown, command: Command) => {
      const { default: start } = await import('./commands/start.js');
      setExit(await start(command.opts<StartOptions>()));
    });

  program
    .command('tips')
    .description(t('tips.description'))
    .argument('[topic]', t('tips.topic'))
    .addOption(langOption())
    .option('--json', t('tips.json'))
    .addHelpText('after', examples('calmclient tips', 'calmclient tips waltz', 'calmclient tips needs --lang fr'))
    .action(async (topic: string | undefined, _options: unknown, command: Command) => {
      const { default: tips } = await import('./commands/tips.js');
      setExit(await tips(topic, command.opts<TipsOptions>()));
    });

  program
    .command('checklist')
    .description(loopHelp('checklist.description'))
    .option('--client <name>', loopHelp('checklist.client'))
    .option('--mission <name>', loopHelp('checklist.mission'))
    .addOption(langOption())
    .option('--playbook <id|file>', loopHelp('checklist.playbook'), 'prevention')
    .option('--answers <file>', loopHelp('answers'))
    .option('--out <dir>', loopHelp('out'))
    .option('--resume [id]', t('resume.option'))
    .addHelpText(
      'after',
      examples('calmclient checklist --client "Dupont SA" --mission "New website"', 'calmclient checklist --answers framing.yaml --out ./docs'),
    )
    .action(async (_options: unknown, command: Command) => {
      const { default: checklist } = await import('./commands/checklist.js');
      setExit(await checklist(command.opts<ChecklistOptions>()));
    });

  program
    .command('followup')
    .description(loopHelp('followup.description'))
    .argument('[session-id]', loopHelp('followup.session'))
    .addOption(new Option('--lang <lang>', loopHelp('followup.lang')))
    .option('--playbook <id|file>', loopHelp('followup.playbook'), 'followup')
    .option('--answers <file>', loopHelp('answers'))
    .option('--out <dir>', loopHelp('out'))
    .option('--resume [id]', t('resume.option'))
    .addHelpText('after', examples('calmclient followup', 'calmclient followup 2026-11-22-dupont-sa-3f9a --answers followup.yaml'))
    .action(async (sessionId: string | undefined, _options: unknown, command: Command) => {
      const { default: followup } = await import('./commands/followup.js');
      setExit(await followup(sessionId, command.opts<FollowupOptions>()));
    });

  program
    .command('history')
    .description(loopHelp('history.description'))
    .option('--client <name>', loopHelp('history.client'))
    .option('--status <status>', loopHelp('history.status'))
    .option('--json', loopHelp('json'))
    .option('--drafts', t('history.drafts'))
    .addOption(langOption())
    .addHelpText('after', examples('calmclient history', 'calmclient history --drafts', 'calmclient history --client "Dupont SA" --status open', 'calmclient history --json'))
    .action(async (_options: unknown, command: Command) => {
      const { default: history } = await import('./commands/history.js');
      setExit(await history(command.opts<HistoryOptions>()));
    });

  program
    .command('show')
    .description(loopHelp('show.description'))
    .argument('<id>', loopHelp('show.id'))
    .option('--json', loopHelp('json'))
    .addOption(langOption())
    .addHelpText('after', examples('calmclient show 2026-11-22-dupont-sa-3f9a', 'calmclient show 2026-11-22-dupont --json'))
    .action(async (id: string, _options: unknown, command: Command) => {
      const { default: show } = await import('./commands/show.js');
      setExit(await show(id, command.opts<ShowSessionOptions>()));
    });

  program
    .command('recap')
    .description(loopHelp('recap.description'))
    .argument('<id>', loopHelp('show.id'))
    .option('--format <format>', loopHelp('recap.format'), 'md')
    .option('--out <dir>', loopHelp('recap.out'))
    .addOption(langOption())
    .addHelpText('after', examples('calmclient recap 2026-11-22-dupont-sa-3f9a', 'calmclient recap 2026-11-22-dupont-sa-3f9a --format email --out .'))
    .action(async (id: string, _options: unknown, command: Command) => {
      const { default: recap } = await import('./commands/recap.js');
      setExit(await recap(id, command.opts<RecapOptions>()));
    });

  program
    .command('lessons')
    .description(loopHelp('lessons.description'))
    .option('--client <name>', loopHelp('lessons.client'))
    .addOption(langOption())
    .option('--json', tc('lessons.json'))
    .addHelpText('after', examples('calmclient lessons', 'calmclient lessons --client "Dupont SA"', 'calmclient lessons --json'))
    .action(async (_options: unknown, command: Command) => {
      const { default: lessons } = await import('./commands/lessons.js');
      setExit(await lessons(command.opts<LessonsOptions>()));
    });

  program
    .command('forget')
    .description(t('forget.description'))
    .argument('<client>', t('forget.client'))
    .option('--yes', t('forget.yes'))
    .addOption(langOption())
    .addHelpText('after', examples('calmclient forget "Dupont SA"', 'calmclient forget "Dupont SA" --yes'))
    .action(async (client: string, _options: unknown, command: Command) => {
      const { default: forget } = await import('./commands/forget.js');
      setExit(await forget(client, command.opts<ForgetOptions>()));
    });

  const playbooks = program
    .command('playbooks')
    .description(t('playbooks.description'))
    .addHelpText('after', examples('calmclient playbooks list', 'calmclient playbooks show crisis --json', 'calmclient playbooks validate mine.yaml'));
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
    .command('check')
    .description(checkHelp('check.description'))
    .argument('[file]', checkHelp('check.file'))
    .option('--lang <lang>', checkHelp('check.lang'), 'auto')
    .option('--format <format>', checkHelp('check.format'), 'text')
    .option('--rules <file>', checkHelp('check.rules'))
    .option('--date <YYYY-MM-DD>', checkHelp('check.date'))
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
export async function run(argv: readonly string[], parsed: () => void = () => undefined): Promise<number> {
  // `--version` alone needs no command tree: building it is a fifth of what the answer costs.
  if (argv.length === 3 && (argv[2] === '--version' || argv[2] === '-V')) {
    process.stdout.write(`${version()}\n`);
    return ExitCode.ok;
  }
  let exitCode: number = ExitCode.ok;
  try {
    setLang(resolveLang(langFromArgv(argv.slice(2)), process.env));
  } catch {
    setLang(resolveLang(undefined, process.env));
  }
  try {
    await buildProgram((code) => (exitCode = code), parsed).parseAsync([...argv]);
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
  if (process.env.CALMCLIENT_DEBUG && error instanceof Error && error.stack) writeStderr(`${error.stack}\n`);
  return INTERNAL_ERROR;
}

/**
 * `whenParsed` is called once, when the command line is understood: before the command runs, or
 * before exiting when none does (`--help`). The launcher then keeps V8's compiled code of what
 * every command needs, not of what this one needs (src/launch.ts).
 */
export async function main(argv: readonly string[], whenParsed: () => void = () => undefined): Promise<never> {
  let called = false;
  const parsed = (): void => {
    if (called) return;
    called = true;
    whenParsed();
  };
  const code = await run(argv, parsed);
  parsed();
  await drainOutput();
  process.exit(code);
}
