import { readFileSync } from 'node:fs';
import { Argument, Command, CommanderError, Help, Option } from 'commander';
import type { CommandModule, LoadedCommand } from './app.js';
import { ExitCode } from './errors.js';
import { help } from './help.js';
import { t, type Message } from './i18n/catalogue.js';
import { langFromArgv, LangError, parseLang, resolveLang } from './i18n/lang.js';
import { drainOutput, writeStderr } from './terminal/streams.js';
import { EMAIL_FORMATS, LANGS, SHELLS, type Lang, type Shell } from './types.js';
// Type-only imports vanish at build time: each command's module loads only when it runs.
import type { CheckOptions } from './commands/check.js';
import type { ChecklistOptions } from './commands/checklist.js';
import type { ConfigListOptions } from './commands/config.js';
import type { FollowupOptions } from './commands/followup.js';
import type { ForgetOptions } from './commands/forget.js';
import type { HistoryOptions } from './commands/history.js';
import type { LessonsOptions } from './commands/lessons.js';
import type { ListOptions, NewPlaybookOptions, ShowOptions } from './commands/playbooks.js';
import type { RecapOptions } from './commands/recap.js';
import type { ShowSessionOptions } from './commands/show.js';
import type { StartOptions } from './commands/start.js';
import type { TipsOptions } from './commands/tips.js';

/**
 * The command line: one table of commands, each with its arguments, options, examples and a
 * loader that imports the command's module only when it runs, so that `--help` and `--version`
 * load almost nothing. `run` maps whatever a command throws to a message and an exit code; `main`
 * is the only caller of `process.exit`.
 */

/** What a command's loader gets: its positional arguments, its options as commander parsed them, the language of the run. */
interface Invocation {
  args: string[];
  options: Record<string, unknown>;
  lang: Lang;
}

interface OptionSpec {
  flags: string;
  help: Message;
  default?: string;
  choices?: readonly string[];
  /** Its value is a language, refused when calmclient does not speak it. */
  isLang?: true;
}

interface ArgumentSpec {
  name: string;
  help?: Message;
  choices?: readonly string[];
}

interface CommandSpec {
  name: string;
  help: Message;
  arguments?: readonly ArgumentSpec[];
  options?: readonly OptionSpec[];
  examples?: readonly string[];
  /** Said after the examples in `--help`. */
  notes?: Message;
  run?: (call: Invocation) => Promise<number>;
  subcommands?: readonly CommandSpec[];
}

const LANG: OptionSpec = { flags: '--lang <lang>', help: help.appLang, isLang: true };
const JSON_OUTPUT: OptionSpec = { flags: '--json', help: help.json };
const ANSWERS: OptionSpec = { flags: '--answers <file>', help: help.answers };
const OUT: OptionSpec = { flags: '--out <dir>', help: help.out };
const RESUME: OptionSpec = { flags: '--resume [id]', help: help.resumeOption };
const OPEN: OptionSpec = { flags: '--open', help: help.openOption };
const COPY: OptionSpec = { flags: '--copy', help: help.copyOption };

let appLoaded = false;

/**
 * Everything past the command line (app.ts): the commands, the terminal output, the report of
 * their errors. A bundle of its own (scripts/build.mjs), loaded once a command runs or an error is
 * to be said.
 */
async function loadApp(): Promise<typeof import('./app.js')> {
  const app = await import('./app.js');
  appLoaded = true;
  return app;
}

/** A command's module, through app.ts. */
async function command<K extends CommandModule>(name: K): Promise<LoadedCommand<K>> {
  return (await loadApp()).loadCommand(name);
}

// Commander hands each command its own options, shaped as that command's table row declares them.
const as = <T>(options: Record<string, unknown>): T => options as T;
const first = (args: readonly string[]): string => args[0] ?? '';

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'start',
    help: help.startDescription,
    options: [
      { flags: '--client <name>', help: help.startClient },
      LANG,
      { flags: '--playbook <id|file>', help: help.startPlaybook, default: 'crisis' },
      { flags: '--answers <file>', help: help.startAnswers },
      { flags: '--out <dir>', help: help.startOut },
      { flags: '--format <format>', help: help.startFormat, choices: EMAIL_FORMATS, default: 'both' },
      RESUME,
      OPEN,
      COPY,
    ],
    examples: [
      'calmclient start',
      'calmclient start --client "Dupont SA" --lang fr',
      'calmclient start --answers answers.yaml --out ./recaps',
      'calmclient start --format eml',
      'calmclient start --resume',
      'calmclient start --open',
    ],
    run: async ({ options, lang }) => (await command('start')).default(as<StartOptions>(options), lang),
  },
  {
    name: 'tips',
    help: help.tipsDescription,
    arguments: [{ name: '[topic]', help: help.tipsTopic }],
    options: [LANG, { flags: '--json', help: help.tipsJson }],
    examples: ['calmclient tips', 'calmclient tips waltz', 'calmclient tips needs --lang fr'],
    run: async ({ args, options, lang }) => (await command('tips')).default(args[0], as<TipsOptions>(options), lang),
  },
  {
    name: 'checklist',
    help: help.checklistDescription,
    options: [
      { flags: '--client <name>', help: help.checklistClient },
      { flags: '--mission <name>', help: help.checklistMission },
      LANG,
      { flags: '--playbook <id|file>', help: help.checklistPlaybook, default: 'prevention' },
      ANSWERS,
      OUT,
      RESUME,
      OPEN,
      COPY,
    ],
    examples: ['calmclient checklist --client "Dupont SA" --mission "New website"', 'calmclient checklist --answers framing.yaml --out ./docs'],
    run: async ({ options, lang }) => (await command('checklist')).default(as<ChecklistOptions>(options), lang),
  },
  {
    name: 'followup',
    help: help.followupDescription,
    arguments: [{ name: '[session-id]', help: help.followupSession }],
    options: [
      { flags: '--lang <lang>', help: help.followupLang, isLang: true },
      { flags: '--playbook <id|file>', help: help.followupPlaybook, default: 'followup' },
      ANSWERS,
      OUT,
      RESUME,
      OPEN,
      COPY,
    ],
    examples: ['calmclient followup', 'calmclient followup 2026-11-22-dupont-sa-3f9a --answers followup.yaml'],
    run: async ({ args, options, lang }) =>
      (await command('followup')).default(args[0], as<FollowupOptions>(options), lang),
  },
  {
    name: 'history',
    help: help.historyDescription,
    options: [
      { flags: '--client <name>', help: help.historyClient },
      { flags: '--status <status>', help: help.historyStatus },
      JSON_OUTPUT,
      { flags: '--drafts', help: help.historyDrafts },
      LANG,
    ],
    examples: ['calmclient history', 'calmclient history --drafts', 'calmclient history --client "Dupont SA" --status open', 'calmclient history --json'],
    run: async ({ options, lang }) => (await command('history')).default(as<HistoryOptions>(options), lang),
  },
  {
    name: 'show',
    help: help.showDescription,
    arguments: [{ name: '<id|client>', help: help.showRef }],
    options: [JSON_OUTPUT, LANG],
    examples: ['calmclient show 2026-11-22-dupont-sa-3f9a', 'calmclient show "Dupont SA"', 'calmclient show 2026-11-22-dupont --json'],
    run: async ({ args, options, lang }) => (await command('show')).default(first(args), as<ShowSessionOptions>(options), lang),
  },
  {
    name: 'recap',
    help: help.recapDescription,
    arguments: [{ name: '<id>', help: help.showId }],
    options: [{ flags: '--format <format>', help: help.recapFormat, default: 'md' }, { flags: '--out <dir>', help: help.recapOut }, LANG, OPEN, COPY],
    examples: ['calmclient recap 2026-11-22-dupont-sa-3f9a', 'calmclient recap 2026-11-22-dupont-sa-3f9a --format email --out .'],
    run: async ({ args, options, lang }) => (await command('recap')).default(first(args), as<RecapOptions>(options), lang),
  },
  {
    name: 'lessons',
    help: help.lessonsDescription,
    options: [{ flags: '--client <name>', help: help.lessonsClient }, LANG, { flags: '--json', help: help.lessonsJson }],
    examples: ['calmclient lessons', 'calmclient lessons --client "Dupont SA"', 'calmclient lessons --json'],
    run: async ({ options, lang }) => (await command('lessons')).default(as<LessonsOptions>(options), lang),
  },
  {
    name: 'forget',
    help: help.forgetDescription,
    arguments: [{ name: '<client>', help: help.forgetClient }],
    options: [{ flags: '--yes', help: help.forgetYes }, LANG],
    examples: ['calmclient forget "Dupont SA"', 'calmclient forget "Dupont SA" --yes'],
    run: async ({ args, options, lang }) => (await command('forget')).default(first(args), as<ForgetOptions>(options), lang),
  },
  {
    name: 'playbooks',
    help: help.playbooksDescription,
    examples: ['calmclient playbooks list', 'calmclient playbooks show crisis --json', 'calmclient playbooks validate mine.yaml'],
    subcommands: [
      {
        name: 'list',
        help: help.playbooksListDescription,
        options: [LANG, { flags: '--json', help: help.playbooksListJson }],
        examples: ['calmclient playbooks list', 'calmclient playbooks list --lang fr --json'],
        run: async ({ options, lang }) => (await command('playbooks')).list(as<ListOptions>(options), lang),
      },
      {
        name: 'show',
        help: help.playbooksShowDescription,
        arguments: [{ name: '<id|file>' }],
        options: [LANG, { flags: '--json', help: help.playbooksShowJson }],
        examples: ['calmclient playbooks show crisis', 'calmclient playbooks show crisis --lang fr --json'],
        run: async ({ args, options, lang }) => (await command('playbooks')).show(first(args), as<ShowOptions>(options), lang),
      },
      {
        name: 'new',
        help: help.playbooksNewDescription,
        arguments: [{ name: '<id>', help: help.playbooksNewId }],
        options: [LANG, { flags: '--kind <kind>', help: help.playbooksNewKind, default: 'crisis' }],
        examples: ['calmclient playbooks new my-crisis', 'calmclient playbooks new cadrage --lang fr --kind prevention'],
        run: async ({ args, options, lang }) =>
          (await command('playbooks')).newPlaybook(first(args), as<NewPlaybookOptions>(options), lang),
      },
      {
        name: 'validate',
        help: help.playbooksValidateDescription,
        arguments: [{ name: '<file...>' }],
        examples: ['calmclient playbooks validate my-playbook.yaml'],
        run: async ({ args, lang }) => (await command('playbooks')).validate(args, lang),
      },
    ],
  },
  {
    name: 'check',
    help: help.checkDescription,
    arguments: [{ name: '[file]', help: help.checkFile }],
    options: [
      { flags: '--lang <lang>', help: help.checkLang, default: 'auto' },
      { flags: '--format <format>', help: help.checkFormat, default: 'text' },
      { flags: '--rules <file>', help: help.checkRules },
      { flags: '--date <YYYY-MM-DD>', help: help.checkDate },
    ],
    examples: [
      'calmclient check reply.md',
      'calmclient check - --lang fr < reponse.md',
      'calmclient check reply.md --format json',
      'calmclient check reply.md --rules my-rules.yaml',
    ],
    notes: help.checkNotes,
    run: async ({ args, options, lang }) => (await command('check')).default(args[0], as<CheckOptions>(options), lang),
  },
  {
    name: 'config',
    help: help.configDescription,
    examples: [
      'calmclient config set name "Camille Martin"',
      'calmclient config set email camille@example.com',
      'calmclient config get signature',
      'calmclient config list --json',
    ],
    subcommands: [
      {
        name: 'set',
        help: help.configSetDescription,
        arguments: [
          { name: '<key>', help: help.configKey },
          { name: '<value>', help: help.configValue },
        ],
        options: [LANG],
        examples: ['calmclient config set phone "+33 6 12 34 56 78"', 'calmclient config set lang fr', 'calmclient config set out ~/Documents/clients'],
        run: async ({ args, lang }) => (await command('config')).set(first(args), args[1] ?? '', lang),
      },
      {
        name: 'get',
        help: help.configGetDescription,
        arguments: [{ name: '<key>', help: help.configKey }],
        options: [LANG],
        run: async ({ args, lang }) => (await command('config')).get(first(args), lang),
      },
      {
        name: 'unset',
        help: help.configUnsetDescription,
        arguments: [{ name: '<key>', help: help.configKey }],
        options: [LANG],
        run: async ({ args, lang }) => (await command('config')).unset(first(args), lang),
      },
      {
        name: 'list',
        help: help.configListDescription,
        options: [LANG, { flags: '--json', help: help.configJson }],
        run: async ({ options, lang }) => (await command('config')).list(as<ConfigListOptions>(options), lang),
      },
    ],
  },
  {
    name: 'completion',
    help: help.completionDescription,
    arguments: [{ name: '<shell>', help: help.completionShell, choices: SHELLS }],
    examples: [
      'calmclient completion bash > ~/.local/share/bash-completion/completions/calmclient',
      'calmclient completion zsh > ~/.zfunc/_calmclient',
      'calmclient completion fish > ~/.config/fish/completions/calmclient.fish',
    ],
    // The whole tree, every command with its options: the script completes them all.
    run: async ({ args, lang }) => (await command('completion')).completion(first(args) as Shell, buildProgram(lang, () => undefined)),
  },
];

function version(): string {
  // Read and parsed, not `require`d: making a require function for this file (createRequire) and
  // requiring the file took 1.0 ms against 0.3 ms, median of 6 starts on Node 22, on every command
  // but `--version` (bin/calmclient.js answers that one).
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

/** Commander writes its section titles in English; these follow the user's language. */
const HELP_TITLES: Readonly<Record<string, Message>> = {
  'Usage:': help.helpUsage,
  'Options:': help.helpOptions,
  'Commands:': help.helpCommands,
  'Arguments:': help.helpArguments,
  'Global Options:': help.helpGlobalOptions,
};

/** `--help` is laid out for 80 columns, whatever the terminal: it is read, not searched. */
const HELP_WIDTH = Math.min(process.stdout.columns || 80, 80);

/** The words commander shows between <> and [] (`[options]`, `<file>`), in the user's language. */
const TERMS: Record<Lang, Readonly<Record<string, string>>> = {
  en: {},
  fr: {
    command: 'commande',
    name: 'nom',
    file: 'fichier',
    'file...': 'fichier...',
    'id|file': 'id|fichier',
    dir: 'dossier',
    lang: 'langue',
    topic: 'thème',
    'session-id': 'id-session',
    status: 'statut',
    kind: 'type',
  },
};

/** `--out <dir>` → `--out <dossier>`: each placeholder translated, the flags kept as they are typed. */
function localiseTerms(text: string, lang: Lang): string {
  const words = TERMS[lang];
  return text.replace(/([<[])([^>\]]+)([>\]])/g, (whole, open: string, word: string, close: string) =>
    words[word] === undefined ? whole : `${open}${words[word]}${close}`,
  );
}

/**
 * Commander's wrapping, but only at plain spaces: a French no-break space (before `:`, inside
 * `« »`) never becomes a line break, so that no line starts with `: crisis)`.
 */
function boxWrap(text: string, width: number): string {
  if (width < 40) return text;
  return text
    .split(/\r\n|\n/)
    .map((line) => {
      const chunks = line.match(/[ \t]*[^ \t]+/g);
      if (!chunks) return '';
      const rows: string[] = [];
      let row = chunks.shift() ?? '';
      for (const chunk of chunks) {
        if (visibleLength(row) + visibleLength(chunk) <= width) row += chunk;
        else {
          rows.push(row);
          row = chunk.trimStart();
        }
      }
      rows.push(row);
      return rows.join('\n');
    })
    .join('\n');
}

function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}

/**
 * Commander's error messages, which it writes in English, in the language of the run. A message it
 * adds in a later release shows as commander writes it.
 */
export function commanderError(text: string, lang: Lang): string {
  const [first = '', ...rest] = text.replace(/\n+$/, '').split('\n');
  const message = /^error: (.*)$/.exec(first)?.[1];
  if (message === undefined) return text;
  const quoted = (value: string): string => localiseTerms(value, lang);
  const reason = (why: string): string => {
    const allowed = /^Allowed choices are (.*)\.$/.exec(why);
    return allowed ? t(help.errorAllowed, lang, { values: allowed[1] ?? '' }) : why;
  };
  const rules: [RegExp, (match: RegExpExecArray) => string][] = [
    [/^unknown option '(.+)'$/, (match) => t(help.errorUnknownOption, lang, { option: match[1] ?? '' })],
    [/^unknown command '(.+)'$/, (match) => t(help.errorUnknownCommand, lang, { command: match[1] ?? '' })],
    [/^missing required argument '(.+)'$/, (match) => t(help.errorMissingArgument, lang, { name: quoted(match[1] ?? '') })],
    [/^option '(.+)' argument missing$/, (match) => t(help.errorOptionMissing, lang, { option: quoted(match[1] ?? '') })],
    [
      /^option '(.+)' argument '(.*)' is invalid\. ?(.*)$/,
      (match) => t(help.errorOptionInvalid, lang, { option: quoted(match[1] ?? ''), value: match[2] ?? '', reason: reason(match[3] ?? '') }).trim(),
    ],
    [
      /^command-argument value '(.*)' is invalid for argument '(.+)'\. ?(.*)$/,
      (match) => t(help.errorArgumentInvalid, lang, { value: match[1] ?? '', name: quoted(match[2] ?? ''), reason: reason(match[3] ?? '') }).trim(),
    ],
    [
      /^too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
      (match) =>
        t(help.errorTooMany, lang, {
          where: match[1] ? t(help.errorTooManyFor, lang, { command: match[1] }) : '',
          expected: match[2] ?? '',
          received: match[3] ?? '',
        }),
    ],
  ];
  const rule = rules.find(([pattern]) => pattern.test(message));
  const said = rule ? rule[1](rule[0].exec(message) as RegExpExecArray) : message;
  const hints = rest.map((line) => {
    const suggestion = /^\(Did you mean (?:one of )?(.+)\?\)$/.exec(line);
    if (!suggestion) return line;
    const names = suggestion[1] ?? '';
    return t(help.errorDidYouMean, lang, { names: line.includes('one of') ? t(help.errorOr, lang, { names }) : names });
  });
  return `${[t(help.errorPrefix, lang, { message: said }), ...hints].join('\n')}\n`;
}

/** What commander adds after a description, "(default: …)" and "(choices: …)", in the user's language. */
function extraInfo(description: string, choices: readonly string[] | undefined, fallback: unknown, lang: Lang): string {
  const extra = [
    ...(choices ? [t(help.helpChoices, lang, { values: choices.join(', ') })] : []),
    ...(typeof fallback === 'string' ? [t(help.helpDefault, lang, { value: fallback })] : []),
  ];
  return extra.length > 0 ? `${description} (${extra.join(', ')})` : description;
}

/**
 * Registers a command of the table on `parent`: its name, description and arguments, which the
 * overview in `--help` shows; and when the command line names it (`named`), all it needs to run or
 * show its own help: its options, examples, action and subcommands. Measured A/B (one run, mean of
 * 30): CPU time of `--help` 51.2 → 48.9 ms on Node 22.
 */
function register(parent: Command, spec: CommandSpec, lang: Lang, setExit: (code: number) => void, named: (name: string) => boolean): void {
  const command = parent.command(spec.name).description(t(spec.help, lang));
  for (const argument of spec.arguments ?? []) {
    const registered = new Argument(argument.name, argument.help ? t(argument.help, lang) : '');
    command.addArgument(argument.choices ? registered.choices(argument.choices) : registered);
  }
  if (!named(spec.name)) return;
  for (const option of spec.options ?? []) {
    const registered = new Option(option.flags, t(option.help, lang));
    if (option.choices) registered.choices(option.choices);
    if (option.default !== undefined) registered.default(option.default);
    command.addOption(registered);
  }
  const after = [
    ...(spec.examples ? [`\n${t(help.helpExamples, lang)}\n${spec.examples.map((line) => `  $ ${line}`).join('\n')}\n`] : []),
    ...(spec.notes ? [`${boxWrap(t(spec.notes, lang), HELP_WIDTH)}\n`] : []),
  ];
  if (after.length > 0) command.addHelpText('after', after.join('\n'));
  const { run } = spec;
  if (run)
    command.action(async (...received: unknown[]) => {
      // Commander passes the positional arguments, then the options, then the command itself.
      const args = received.slice(0, spec.arguments?.length ?? 0).flatMap((value) => (value === undefined ? [] : [value].flat().map(String)));
      const options = command.opts();
      for (const option of spec.options ?? []) {
        const value = options[command.createOption(option.flags).attributeName()];
        if (option.isLang && typeof value === 'string') parseLang(value);
      }
      setExit(await run({ args, options, lang }));
    });
  for (const sub of spec.subcommands ?? []) register(command, sub, lang, setExit, named);
}

/** The table row of a command registered from it (`calmclient playbooks list`: that of `list` in `playbooks`). */
function specOf(command: Command): CommandSpec | undefined {
  const path: string[] = [];
  for (let at: Command | null = command; at?.parent; at = at.parent) path.unshift(at.name());
  let specs: readonly CommandSpec[] | undefined = COMMANDS;
  let spec: CommandSpec | undefined;
  for (const name of path) {
    spec = specs?.find((candidate) => candidate.name === name);
    specs = spec?.subcommands;
  }
  return spec;
}

/**
 * The command tree, in `lang`; `setExit` receives the exit code of the command that ran. `argv`: the
 * command line to run, whose commands are registered in full (see `register`); without it, every
 * command is.
 */
export function buildProgram(lang: Lang, setExit: (code: number) => void, argv?: readonly string[]): Command {
  const words = new Set(argv?.slice(2));
  const named = (name: string): boolean => argv === undefined || words.has(name);
  const program = new Command('calmclient')
    .description(t(help.appDescription, lang))
    .version(version(), '-V, --version', t(help.helpVersion, lang))
    .option('-q, --quiet', t(help.optionQuiet, lang))
    .helpOption('-h, --help', t(help.helpHelp, lang))
    .helpCommand('help [command]', t(help.helpHelp, lang))
    .configureHelp({
      helpWidth: HELP_WIDTH,
      boxWrap,
      optionTerm: (option) => localiseTerms(option.flags, lang),
      subcommandTerm(command) {
        const term = Help.prototype.subcommandTerm.call(this, command);
        // Commander writes `name [options] <args>` when the command has options registered; one the
        // command line does not name has none yet (see `register`): the table says if it has some.
        const unregistered = command.options.length === 0 && (specOf(command)?.options?.length ?? 0) > 0;
        return localiseTerms(unregistered ? `${command.name()} [options]${term.slice(command.name().length)}` : term, lang);
      },
      commandUsage(command) {
        return localiseTerms(Help.prototype.commandUsage.call(this, command), lang);
      },
      argumentTerm(argument) {
        return localiseTerms(Help.prototype.argumentTerm.call(this, argument), lang);
      },
      styleTitle: (title) => {
        const known = HELP_TITLES[title];
        return known ? t(known, lang) : title;
      },
      optionDescription: (option) => extraInfo(option.description, option.argChoices, option.defaultValue, lang),
      argumentDescription: (argument) => extraInfo(argument.description, argument.argChoices, argument.defaultValue, lang),
      showGlobalOptions: true,
    } satisfies Partial<Help>)
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeErr: writeStderr, outputError: (text, write) => write(commanderError(text, lang)) });
  program.hook('preAction', async () => {
    (await loadApp()).setQuiet(program.opts<{ quiet?: boolean }>().quiet === true);
  });
  for (const spec of COMMANDS) register(program, spec, lang, setExit, named);
  return program;
}

/**
 * The language of a run: `--lang` when it names one, else `CALMCLIENT_LANG`, else the profile's
 * `lang` (`calmclient config set lang fr`), else the locale.
 */
async function runLang(argv: readonly string[]): Promise<Lang> {
  try {
    const flag = langFromArgv(argv.slice(2)) ?? (process.env.CALMCLIENT_LANG?.trim() ? undefined : await configuredLang());
    return resolveLang(flag, process.env);
  } catch {
    // `check --lang auto`, or an unknown value that the command itself will refuse.
    return resolveLang(undefined, process.env);
  }
}

/**
 * The profile's `lang`, read without loading the profile's module (this runs for `--help` too); a
 * missing or damaged profile gives none here: the commands that read the profile report it.
 */
async function configuredLang(): Promise<string | undefined> {
  try {
    // Loaded here: a run with --lang or CALMCLIENT_LANG never loads the paths module.
    const { profileFile } = await import('./paths.js');
    const profile: unknown = JSON.parse(readFileSync(profileFile(), 'utf8'));
    const lang = typeof profile === 'object' && profile !== null ? (profile as { lang?: unknown }).lang : undefined;
    return typeof lang === 'string' && (LANGS as readonly string[]).includes(lang) ? lang : undefined;
  } catch {
    return undefined;
  }
}

/** Runs the CLI and returns the exit code; `main` is the only caller of process.exit. */
export async function run(argv: readonly string[]): Promise<number> {
  // `--version` alone needs no command tree: building it is a fifth of what the answer costs.
  if (argv.length === 3 && (argv[2] === '--version' || argv[2] === '-V')) {
    process.stdout.write(`${version()}\n`);
    return ExitCode.ok;
  }
  const lang = await runLang(argv);
  let exitCode: number = ExitCode.ok;
  try {
    await buildProgram(lang, (code) => (exitCode = code), argv).parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    return await report(error, lang);
  }
}

/**
 * What went wrong, said to the user; the exit code. Commander's errors (usage, help shown) and a
 * `--lang` calmclient does not speak are this module's; the rest comes from a command, reported
 * by app.ts.
 */
async function report(error: unknown, lang: Lang): Promise<number> {
  if (error instanceof CommanderError) {
    const done = ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code);
    return done ? ExitCode.ok : ExitCode.usage;
  }
  const app = await loadApp();
  if (error instanceof LangError) {
    app.printError(t(help.langUnknown, lang, { value: error.value }));
    return ExitCode.usage;
  }
  return app.report(error, lang);
}

export async function main(argv: readonly string[]): Promise<never> {
  const code = await run(argv);
  await drainOutput();
  // What app.ts wrote, through its own copy of the output streams (see app.ts), once it was loaded.
  if (appLoaded) await (await loadApp()).drainOutput();
  process.exit(code);
}
