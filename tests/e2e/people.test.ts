import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import ICAL from 'ical.js';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { runInProcess, tempDir } from '../helpers.js';
import { answers, record, savedId } from '../loop-helpers.js';
import { clientPath } from '../../src/store/clients.js';

/**
 * The people of the documents (issue 14): the contact greeted and remembered per client, found
 * again whatever the case it is typed in; the user's profile, set with `calmclient config` or taken
 * once from an answers file, never asked without a terminal; tu or vous per French client; and the
 * e-mail handed to the mail client (--open) or the clipboard (--copy) by fake tools on PATH.
 */

const mode = (path: string): number => statSync(path).mode & 0o777;

function write(home: string, name: string, text: string): string {
  const file = join(home, name);
  writeFileSync(file, text);
  return file;
}

/** The crisis answers file without its people: what a user with a profile and a client file would write. */
function bareCrisis(home: string, client: string, lang: 'en' | 'fr' = 'en'): string {
  const text = readFileSync(answers(`crisis-${lang}.yaml`), 'utf8')
    .split('\n')
    .filter((line) => !/^(client|contact|contact_email|contact_phone|register|signature):/.test(line))
    .join('\n');
  return write(home, `bare-${lang}.yaml`, `client: ${client}\n${text}`);
}

const emailOf = (home: string, stdout: string): string => readFileSync(record(home, savedId(stdout)).files.email ?? '', 'utf8');

describe('calmclient config', () => {
  it('sets, gets, lists and unsets the profile, in a private file, with the conventions of npm config', async () => {
    const home = tempDir();
    expect((await runInProcess(['config', 'set', 'name', 'Camille Martin'], { home })).code).toBe(0);
    expect((await runInProcess(['config', 'set', 'email', 'Camille <camille@example.com>'], { home })).code).toBe(0);
    expect((await runInProcess(['config', 'get', 'email'], { home })).stdout).toBe('camille@example.com\n');
    expect((await runInProcess(['config', 'get', 'phone'], { home })).stdout).toBe('');
    const list = await runInProcess(['config', 'list'], { home });
    expect(list.stdout).toBe('name=Camille Martin\nemail=camille@example.com\n');
    expect(JSON.parse((await runInProcess(['config', 'list', '--json'], { home })).stdout)).toEqual({ name: 'Camille Martin', email: 'camille@example.com' });
    expect(mode(join(home, 'config.json'))).toBe(0o600);
    expect((await runInProcess(['config', 'unset', 'email'], { home })).code).toBe(0);
    expect((await runInProcess(['config', 'get', 'email'], { home })).stdout).toBe('');
  });

  it('refuses an unknown key, a wrong address or language, with exit 2 and what is expected', async () => {
    const home = tempDir();
    const unknown = await runInProcess(['config', 'set', 'nmae', 'Camille'], { home });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown key "nmae": the keys are name, email, phone, signature, lang, out/);
    const address = await runInProcess(['config', 'set', 'email', 'camille at example'], { home });
    expect(address.code).toBe(2);
    expect(address.stderr).toMatch(/is not an email address/);
    expect((await runInProcess(['config', 'set', 'lang', 'de'], { home })).code).toBe(2);
    expect(existsSync(join(home, 'config.json'))).toBe(false);
  });

  it('uses the lang and out defaults when no flag is given', async () => {
    const home = tempDir();
    const out = tempDir();
    await runInProcess(['config', 'set', 'name', 'Camille Martin'], { home });
    await runInProcess(['config', 'set', 'lang', 'fr'], { home });
    await runInProcess(['config', 'set', 'out', out], { home });
    const result = await runInProcess(['start', '--answers', bareCrisis(home, 'Dupont & Fils')], { home });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Session .* enregistrée/);
    expect(record(home, savedId(result.stdout)).files.recap?.startsWith(out)).toBe(true);
    // A flag still wins.
    expect((await runInProcess(['start', '--answers', bareCrisis(home, 'Dupont & Fils'), '--lang', 'en'], { home })).stdout).toMatch(/Session .* saved/);
  });
});

describe('the profile signs', () => {
  it('stops a run from a file with neither a signature nor a profile, naming the file and the way out', async () => {
    const home = tempDir();
    const file = bareCrisis(home, 'Dupont & Fils');
    const result = await runInProcess(['start', '--answers', file], { home });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}: the email needs your signature and your profile has none`);
    expect(result.stderr).toContain('calmclient config set name');
    expect(existsSync(join(home, 'recaps'))).toBe(false);
  });

  it('takes the signature from the profile, and keeps one given in an answers file for the next runs', async () => {
    const home = tempDir();
    const first = await runInProcess(['start', '--answers', answers('crisis-en.yaml')], { home });
    expect(first.code).toBe(0);
    expect((await runInProcess(['config', 'get', 'signature'], { home })).stdout).toBe('Camille Martin\n');
    const second = await runInProcess(['start', '--answers', bareCrisis(home, 'Dupont & Fils')], { home });
    expect(second.code).toBe(0);
    expect(emailOf(home, second.stdout).trimEnd().endsWith('\nCamille Martin')).toBe(true);
  });
});

describe('the contact, remembered per client', () => {
  it('greets the contact, finds the client again whatever its case, and keeps the spelling first entered', async () => {
    const home = tempDir();
    await runInProcess(['config', 'set', 'name', 'Camille Martin'], { home });
    await runInProcess(['config', 'set', 'email', 'camille@example.com'], { home });
    const first = await runInProcess(['start', '--answers', answers('crisis-en.yaml')], { home });
    expect(emailOf(home, first.stdout)).toMatch(/^Subject: .*\n\nHello Priya,\n/);
    const client = JSON.parse(readFileSync(clientPath(home, 'Dupont & Fils'), 'utf8'));
    expect(client).toMatchObject({ name: 'Dupont & Fils', contact: { name: 'Priya', email: 'priya.shah@dupont-fils.example' } });
    expect(mode(join(home, 'clients'))).toBe(0o700);
    expect(mode(clientPath(home, 'Dupont & Fils'))).toBe(0o600);

    const again = await runInProcess(['start', '--answers', bareCrisis(home, 'DUPONT & fils')], { home });
    expect(again.code).toBe(0);
    const session = record(home, savedId(again.stdout));
    expect(session.client).toBe('Dupont & Fils');
    expect(emailOf(home, again.stdout)).toContain('Hello Priya,');
    const eml = await PostalMime.parse(readFileSync(String((session.files as { eml?: string }).eml), 'utf8'));
    expect(eml.from).toMatchObject({ name: 'Camille Martin', address: 'camille@example.com' });
    expect(eml.to?.[0]).toMatchObject({ name: 'Priya', address: 'priya.shah@dupont-fils.example' });
    const event = new ICAL.Component(ICAL.parse(readFileSync(String(session.files.calendar), 'utf8'))).getFirstSubcomponent('vevent');
    expect(String(event?.getFirstPropertyValue('contact'))).toBe('Priya, +44 20 7946 0958');
    expect(event?.getFirstSubcomponent('valarm')?.getFirstPropertyValue('action')).toBe('DISPLAY');
  });

  it('writes to a French client in the register remembered for them', async () => {
    const home = tempDir();
    const tu = write(home, 'tu.yaml', `${readFileSync(answers('crisis-fr.yaml'), 'utf8').replace('register: vous', 'register: tu')}`);
    const first = await runInProcess(['start', '--answers', tu, '--lang', 'fr'], { home });
    expect(first.code).toBe(0);
    expect(emailOf(home, first.stdout)).toMatch(/Je comprends ton agacement/);
    const again = await runInProcess(['start', '--answers', bareCrisis(home, 'société lefèvre', 'fr'), '--lang', 'fr'], { home });
    const text = emailOf(home, again.stdout);
    expect(text).toMatch(/^Objet\u00a0: .*\n\nBonjour Sophie,\n/);
    expect(text).toMatch(/tes remarques/);
    expect(text).not.toMatch(/\bvous\b/);
  });
});

describe('--open and --copy, with the platform\'s tools', () => {
  /** A folder of fake tools that write what they were given (arguments, then standard input) to `log`. */
  function fakeTools(names: string[]): { bin: string; log: string } {
    const bin = tempDir('calmclient-bin-');
    const log = join(bin, 'log');
    for (const name of names) {
      const tool = join(bin, name);
      writeFileSync(tool, `#!/bin/sh\necho "${name} $*" >> "${log}"\ncat >> "${log}"\n`);
      chmodSync(tool, 0o755);
    }
    return { bin, log };
  }

  const env = (bin: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ PATH: `${bin}${delimiter}/usr/bin${delimiter}/bin`, ...extra });

  it('opens the .eml draft with xdg-open, without a shell, and copies the text with xclip', async () => {
    const home = tempDir();
    const { bin, log } = fakeTools(['xdg-open', 'xclip']);
    mkdirSync(join(home, 'out'));
    const result = await runInProcess(['start', '--answers', answers('crisis-en.yaml'), '--open', '--copy', '--out', join(home, 'out')], {
      home,
      env: env(bin, { DISPLAY: ':0' }),
      input: '',
    });
    expect(result.code).toBe(0);
    const session = record(home, savedId(result.stdout));
    const logged = readFileSync(log, 'utf8');
    expect(logged).toContain(`xdg-open ${String((session.files as { eml?: string }).eml)}`);
    expect(logged).toContain('xclip -selection clipboard');
    expect(logged).toContain('Hello Priya,');
    expect(result.stderr + result.stdout).toContain('Opened in your mail client');
    expect(result.stdout + result.stderr).toContain('on the clipboard (xclip)');
  });

  it('says plainly when there is no opener or clipboard tool, with the path, and still succeeds', async () => {
    const home = tempDir();
    const { bin } = fakeTools([]);
    const result = await runInProcess(['start', '--answers', answers('crisis-en.yaml'), '--open', '--copy'], { home, env: env(bin) });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Cannot open the draft: xdg-open was not found\. Open it yourself: \S+\.eml/);
    expect(result.stderr).toMatch(/Cannot copy: no clipboard tool found \(wl-copy, xclip, xsel\)/);
  });
});
