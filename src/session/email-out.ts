import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { catalogue, t } from '../i18n/catalogue.js';
import { printInfo, printWarning } from '../terminal/output.js';
import type { Lang } from '../types.js';

/**
 * Getting the e-mail out of calmclient, both optional: `--open` hands the `.eml` draft to the
 * system's opener (`xdg-open`, `open`, Windows' `explorer.exe`), which gives it to the mail client;
 * `--copy` puts the e-mail's text on the clipboard with the platform's tool (`wl-copy`, `xclip`,
 * `xsel`, `pbcopy`, `clip`), or through the terminal (OSC 52) when there is none and standard
 * output is a terminal. Programs are run directly, never through a shell, so no file name can
 * become a command. A missing tool is said plainly, with the path of the file: the documents are
 * written whatever happens here, and the command still succeeds.
 */

const m = catalogue({
  opened: { en: 'Opened in your mail client: {file}', fr: 'Ouvert dans votre messagerie : {file}' },
  noOpener: {
    en: 'Cannot open the draft: {tool} was not found. Open it yourself: {file}',
    fr: 'Impossible d\'ouvrir le brouillon : {tool} est introuvable. Ouvrez-le vous-même : {file}',
  },
  openFailed: {
    en: 'Cannot open the draft ({tool} stopped with code {code}). Open it yourself: {file}',
    fr: 'Impossible d\'ouvrir le brouillon ({tool} s\'est arrêté avec le code {code}). Ouvrez-le vous-même : {file}',
  },
  noEml: {
    en: 'No .eml draft was written to open (--format md): open the draft yourself: {file}',
    fr: 'Aucun brouillon .eml n\'a été écrit (--format md) : ouvrez le brouillon vous-même : {file}',
  },
  copied: {
    en: 'The email\'s text is on the clipboard ({tool}). Its subject: {subject}',
    fr: 'Le texte de l\'e-mail est dans le presse-papiers ({tool}). Son objet : {subject}',
  },
  copiedTerminal: {
    en: 'The email\'s text was sent to your terminal\'s clipboard (OSC 52; some terminals ignore it). Its subject: {subject}',
    fr: 'Le texte de l\'e-mail a été envoyé au presse-papiers de votre terminal (OSC 52 ; certains terminaux l\'ignorent). Son objet : {subject}',
  },
  noClipboard: {
    en: 'Cannot copy: no clipboard tool found ({tools}). The email is in {file}',
    fr: 'Impossible de copier : aucun outil de presse-papiers trouvé ({tools}). L\'e-mail est dans {file}',
  },
  copyFailed: {
    en: 'Cannot copy: {tool} stopped with code {code}. The email is in {file}',
    fr: 'Impossible de copier : {tool} s\'est arrêté avec le code {code}. L\'e-mail est dans {file}',
  },
});

/** What `--open` and `--copy` were asked for. */
export interface Delivery {
  open?: boolean | undefined;
  copy?: boolean | undefined;
}

/** The written e-mail: its files and its text. */
export interface WrittenEmail {
  eml?: string | undefined;
  md?: string | undefined;
  subject: string;
  /** Plain text, as the `.eml` holds it. */
  text: string;
}

/** Where the platform's tools are looked for, and where OSC 52 would go: parameters, so that tests give their own. */
export interface System {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** Standard output, when it is a terminal (OSC 52 is written there). */
  terminal?: { write: (text: string) => unknown } | undefined;
}

const defaultSystem = (): System => ({
  env: process.env,
  platform: process.platform,
  terminal: process.stdout.isTTY ? process.stdout : undefined,
});

export async function deliverEmail(email: WrittenEmail, delivery: Delivery, lang: Lang, system: System = defaultSystem()): Promise<void> {
  if (delivery.open) await openDraft(email, lang, system);
  if (delivery.copy) copyText(email, lang, system);
}

/** The opener of each platform; Windows' `start` is a shell built-in, `explorer.exe` opens a file the same way without one. */
const OPENERS: Partial<Record<NodeJS.Platform, string>> = { darwin: 'open', win32: 'explorer.exe' };
/** An opener that keeps running (xdg-open waiting for the mail client) is left to it after this long. */
const OPEN_WAIT_MS = 3000;

async function openDraft(email: WrittenEmail, lang: Lang, system: System): Promise<void> {
  if (email.eml === undefined) {
    printWarning(t(m.noEml, lang, { file: email.md ?? '' }));
    return;
  }
  const tool = OPENERS[system.platform] ?? 'xdg-open';
  const program = findProgram(tool, system);
  if (program === undefined) {
    printWarning(t(m.noOpener, lang, { tool, file: email.eml }));
    return;
  }
  const code = await runDetached(program, [email.eml]);
  // explorer.exe says 1 even when it opened the file.
  if (code !== undefined && code !== 0 && system.platform !== 'win32') {
    printWarning(t(m.openFailed, lang, { tool, code, file: email.eml }));
    return;
  }
  printInfo(t(m.opened, lang, { file: email.eml }));
}

/** Runs `program` on its own, without a shell; resolves with its exit code, or undefined if it is still running after OPEN_WAIT_MS. */
function runDetached(program: string, args: string[]): Promise<number | undefined> {
  return new Promise((resolve) => {
    const child = spawn(program, args, { detached: true, stdio: 'ignore', windowsHide: true });
    const timer = setTimeout(() => {
      child.unref();
      resolve(undefined);
    }, OPEN_WAIT_MS);
    timer.unref();
    child.once('error', () => {
      clearTimeout(timer);
      resolve(127);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code ?? 0);
    });
  });
}

interface ClipboardTool {
  tool: string;
  args: string[];
  /** Windows' clip reads UTF-16 with a byte-order mark; the others UTF-8. */
  encode: (text: string) => Buffer;
  /** The tool only works in this kind of session. */
  when?: (env: NodeJS.ProcessEnv) => boolean;
}

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
const utf16 = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf16le')]);

const CLIPBOARDS: Record<'darwin' | 'win32' | 'other', ClipboardTool[]> = {
  darwin: [{ tool: 'pbcopy', args: [], encode: utf8 }],
  win32: [{ tool: 'clip', args: [], encode: utf16 }],
  other: [
    { tool: 'wl-copy', args: [], encode: utf8, when: (env) => Boolean(env.WAYLAND_DISPLAY) },
    { tool: 'xclip', args: ['-selection', 'clipboard'], encode: utf8, when: (env) => Boolean(env.DISPLAY) },
    { tool: 'xsel', args: ['--clipboard', '--input'], encode: utf8, when: (env) => Boolean(env.DISPLAY) },
  ],
};

function copyText(email: WrittenEmail, lang: Lang, system: System): void {
  const file = email.eml ?? email.md ?? '';
  const tools = system.platform === 'darwin' || system.platform === 'win32' ? CLIPBOARDS[system.platform] : CLIPBOARDS.other;
  for (const candidate of tools) {
    if (candidate.when && !candidate.when(system.env)) continue;
    const program = findProgram(candidate.tool, system);
    if (program === undefined) continue;
    // Output ignored, not piped: xclip and wl-copy leave a child serving the clipboard, which would hold a pipe open.
    const result = spawnSync(program, candidate.args, { input: candidate.encode(email.text), stdio: ['pipe', 'ignore', 'ignore'], timeout: 10_000, windowsHide: true });
    if (result.status === 0) {
      printInfo(t(m.copied, lang, { tool: candidate.tool, subject: email.subject }));
      return;
    }
    printWarning(t(m.copyFailed, lang, { tool: candidate.tool, code: result.status ?? String(result.signal ?? result.error?.message), file }));
    return;
  }
  if (system.terminal) {
    system.terminal.write(`\u001b]52;c;${Buffer.from(email.text, 'utf8').toString('base64')}\u0007`);
    printInfo(t(m.copiedTerminal, lang, { subject: email.subject }));
    return;
  }
  printWarning(t(m.noClipboard, lang, { tools: tools.map((tool) => tool.tool).join(', '), file }));
}

/** The full path of `name` on PATH (with Windows' PATHEXT), if it is there and can be run. */
export function findProgram(name: string, system: Pick<System, 'env' | 'platform'>): string | undefined {
  const dirs = (system.env.PATH ?? system.env.Path ?? '').split(delimiter).filter((dir) => dir !== '');
  const extensions = system.platform === 'win32' && !/\.[a-z]+$/i.test(name) ? (system.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of dirs) {
    for (const extension of extensions) {
      const candidate = join(dir, `${name}${extension}`);
      try {
        if (!statSync(candidate).isFile()) continue;
        if (system.platform !== 'win32') accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // Not there, or not runnable: the next folder.
      }
    }
  }
  return undefined;
}
