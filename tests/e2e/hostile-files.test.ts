import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cliEnv, FIXTURES, ROOT, runCli, runInProcess, tempDir, writeDraft } from '../helpers.js';

const crisisAnswers = join(FIXTURES, 'answers', 'crisis-en.yaml');

// Spawned: a file read without end, or a FIFO opened for reading, would block a command run in the
// test's own process, and the worker with it; a process of its own is stopped at runCli's timeout.
describe('endless and special files (issue 13, item 10)', () => {
  it.runIf(existsSync('/dev/zero'))('refuses `check /dev/zero` and `start --answers /dev/zero` at once', () => {
    const home = tempDir();
    const check = runCli(['check', '/dev/zero'], { home });
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('/dev/zero is not a regular file (a device): refused');
    const start = runCli(['start', '--answers', '/dev/zero'], { home });
    expect(start.code).toBe(2);
    expect(start.stderr).toContain('/dev/zero is not a regular file (a device): refused');
  });

  it('refuses `--answers <(yes)` (a pipe that never ends) at once', () => {
    const home = tempDir();
    const result = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" start --answers <(yes)`], {
      cwd: ROOT,
      env: cliEnv(home),
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/\/dev\/fd\/\d+ is not a regular file \(a pipe\): refused/);
  });

  it('refuses a FIFO given as a draft or a rules file, without waiting for a writer', () => {
    const dir = tempDir();
    const fifo = join(dir, 'draft.md');
    execFileSync('mkfifo', [fifo]);
    const draft = runCli(['check', fifo], { home: dir });
    expect(draft.code).toBe(2);
    expect(draft.stderr).toContain('is not a regular file (a pipe)');
    writeFileSync(join(dir, 'reply.md'), 'Hello, it will be done on Friday.\n');
    const rules = runCli(['check', join(dir, 'reply.md'), '--rules', fifo], { home: dir });
    expect(rules.code).toBe(2);
    expect(rules.stderr).toContain('is not a regular file (a pipe)');
  });

  it('lists the sessions when sessions/ holds a FIFO and a link to /dev/zero, naming both and reading neither', () => {
    const home = tempDir();
    writeDraft(home, { id: '2026-01-01-dupont-0001' });
    execFileSync('mkfifo', [join(home, 'sessions', '2026-01-01-fifo-0002.json')]);
    if (existsSync('/dev/zero')) symlinkSync('/dev/zero', join(home, 'sessions', '2026-01-01-zero-0003.json'));
    const started = Date.now();
    const result = runCli(['history'], { home });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2026-01-01-dupont-0001');
    expect(result.stderr).toMatch(/2026-01-01-fifo-0002\.json: not a regular file \(a pipe\); skipped without reading it\./);
    if (existsSync('/dev/zero')) expect(result.stderr).toMatch(/2026-01-01-zero-0003\.json: not a regular file \(a device\); skipped/);
  });
});

describe('playbook templates from a shared playbook (issue 13, item 9)', () => {
  const dir = join(tempDir(), 'shared');
  mkdirSync(dir);
  const playbook = readFileSync(join(ROOT, 'playbooks', 'en', 'crisis.yaml'), 'utf8').replace(/templates:[\s\S]*$/, '');
  const body = 'templates:\n  recap:\n    file: ../../../../../../../../etc/passwd\n  email:\n    subject: "Hi {{client}}"\n    body:\n      file: /etc/hostname\n';
  writeFileSync(join(dir, 'stolen.yaml'), `${playbook}${body}`);

  it('`playbooks validate` reports each template outside the playbook\'s folder, located, exit 2', async () => {
    const result = await runInProcess(['playbooks', 'validate', join(dir, 'stolen.yaml')], { home: tempDir() });
    expect(result.code).toBe(2);
    const lines = playbook.split('\n').length;
    expect(result.stderr).toContain(`stolen.yaml:${lines + 2}:11: template file "../../../../../../../../etc/passwd": a template must sit in the playbook's folder or below it`);
    expect(result.stderr).toContain(`stolen.yaml:${lines + 6}:13: template file "/etc/hostname": name it relative to the playbook's folder (an absolute path is refused)`);
  });

  it('`start --playbook` refuses it before the first question, and writes nothing', async () => {
    const home = tempDir();
    const out = tempDir();
    const result = await runInProcess(['start', '--playbook', join(dir, 'stolen.yaml'), '--answers', crisisAnswers, '--out', out], { home });
    expect(result.code).toBe(2);
    expect(readdirSync(out)).toEqual([]);
    expect(result.stdout).not.toContain('root:');
  });
});

describe('control characters in answers files and playbooks (issue 13, item 13)', () => {
  it('refuses a "\\0" escape in an answers file, located, and writes no document', async () => {
    const dir = tempDir();
    const file = join(dir, 'answers.yaml');
    writeFileSync(file, readFileSync(crisisAnswers, 'utf8').replace('signature: Camille Martin', 'signature: "Camille\\0Martin"'));
    const out = tempDir();
    const result = await runInProcess(['start', '--answers', file, '--out', out], { home: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/answers\.yaml:\d+:12: a control character \(\^@, U\+0000\) in this text: refused/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('so every email calmclient writes passes its own check', async () => {
    const home = tempDir();
    const out = tempDir();
    expect((await runInProcess(['start', '--answers', crisisAnswers, '--out', out, '--format', 'md'], { home })).code).toBe(0);
    const email = readdirSync(out).find((name) => name.endsWith('-email.md')) ?? '';
    const text = readFileSync(join(out, email), 'utf8');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
    expect([0, 1]).toContain((await runInProcess(['check', join(out, email)], { home })).code);
  });
});
