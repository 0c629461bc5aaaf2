import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import { SHELLS } from '../../src/types.js';
import { completionScript, describeProgram, type CommandSpec } from '../../src/commands/completion.js';
import { tempDir } from '../helpers.js';

const program = buildProgram('en', () => undefined);
const spec = describeProgram(program);
const allCommands = (command: CommandSpec): CommandSpec[] => [command, ...command.subcommands.flatMap(allCommands)];
/** The subcommands of `calmclient WORDS…`, in the program's order. */
const namesUnder = (words: string[]): string[] =>
  allCommands(spec)
    .find((command) => command.path.slice(1).join(' ') === words.join(' '))
    ?.subcommands.map((sub) => sub.path.at(-1) ?? '') ?? [];
const installed = (shell: string): boolean => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
const dir = tempDir();
/** The shells write their own files (fish its history folder) under HOME: keep them in the test's folder. */
const shellEnv = { ...process.env, HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data'), XDG_CACHE_HOME: join(dir, 'cache') };

function scriptFile(shell: string): string {
  const file = join(dir, `calmclient.${shell}`);
  writeFileSync(file, completionScript(shell as (typeof SHELLS)[number], program));
  return file;
}

describe('calmclient completion', () => {
  it('describes the whole program: every command and every option', () => {
    const paths = allCommands(spec).map((command) => command.path.join(' '));
    expect(paths).toEqual(expect.arrayContaining(['calmclient start', 'calmclient playbooks list', 'calmclient playbooks new', 'calmclient completion']));
    const start = allCommands(spec).find((command) => command.path.join(' ') === 'calmclient start');
    expect(start?.options.find((option) => option.long === '--format')?.choices).toEqual(['md', 'eml', 'both']);
    expect(start?.options.map((option) => option.long)).toContain('--quiet');
  });

  it.each(SHELLS)('writes a %s script that names every command and every long option', (shell) => {
    const script = completionScript(shell, program);
    for (const command of allCommands(spec)) {
      expect(script, command.path.join(' ')).toContain(command.path.at(-1));
      for (const option of command.options) if (option.long) expect(script, `${command.path.join(' ')} ${option.long}`).toContain(option.long.slice(2));
    }
  });

  it('writes a bash script that passes bash -n and completes commands, options and option values', () => {
    const file = scriptFile('bash');
    expect(spawnSync('bash', ['-n', file], { env: shellEnv }).status).toBe(0);
    const complete = (...words: string[]): string => {
      const driver = `source ${file}; COMP_WORDS=(${words.map((word) => `'${word}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _calmclient; echo "\${COMPREPLY[*]}"`;
      return spawnSync('bash', ['-c', driver], { encoding: 'utf8', env: shellEnv }).stdout.trim();
    };
    expect(complete('calmclient', '')).toBe(namesUnder([]).join(' '));
    expect(complete('calmclient', 'playbooks', '')).toBe(namesUnder(['playbooks']).join(' '));
    expect(complete('calmclient', 'start', '--fo')).toBe('--format');
    expect(complete('calmclient', 'start', '--format', '')).toBe('md eml both');
    // An option's value is skipped: "new" here is a client's name, not the `playbooks new` command.
    expect(complete('calmclient', 'start', '--client', 'new', '--q')).toBe('--quiet');
    expect(complete('calmclient', 'completion', '')).toBe('bash zsh fish');
  });

  it.skipIf(!installed('zsh'))('writes a zsh script that passes zsh -n and registers itself with compdef', () => {
    const file = scriptFile('zsh');
    expect(spawnSync('zsh', ['-n', file], { env: shellEnv }).status).toBe(0);
    const loaded = spawnSync('zsh', ['-f', '-c', `autoload -U compinit; compinit -u -d ${join(dir, 'zcompdump')}; source ${file}; print -r -- $_comps[calmclient]`], {
      encoding: 'utf8',
      env: shellEnv,
    });
    expect(loaded.stdout.trim()).toBe('_calmclient');
  });

  it.skipIf(!installed('fish'))('writes a fish script that passes fish -n and completes commands and option values', () => {
    const file = scriptFile('fish');
    expect(spawnSync('fish', ['-n', file], { env: shellEnv }).status).toBe(0);
    const complete = (line: string): string[] =>
      spawnSync('fish', ['--no-config', '-c', `source ${file}; complete -C '${line}'`], { encoding: 'utf8', env: shellEnv })
        .stdout.trim()
        .split('\n')
        .map((entry) => entry.split('\t')[0] ?? '');
    expect(complete('calmclient ').sort()).toEqual(namesUnder([]).sort());
    expect(complete('calmclient playbooks ').sort()).toEqual(namesUnder(['playbooks']).sort());
    expect(complete('calmclient start --format ').sort()).toEqual(['both', 'eml', 'md']);
  });
});
