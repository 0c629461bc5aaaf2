#!/usr/bin/env node
/**
 * `npm run bench`: how long calmclient takes to answer, against the floor of starting Node itself
 * (`node -e 0`), on this machine, in one run. Prints medians and ratios to the floor and writes
 * docs/benchmarks.md. Runs the built CLI (npm run bench builds first).
 *
 *   node scripts/bench.mjs [--runs N]     (default 30 runs of each, after 3 warm-up runs)
 *
 * The commands run round-robin, one run of each per round, so that a busy moment on the machine
 * weighs on all of them alike. A command the CLI does not have yet is reported "not available".
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'calmclient.js');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 30;
const warmups = 3;
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a positive whole number');

const work = mkdtempSync(join(tmpdir(), 'calmclient-bench-'));
// One data dir for the runs that need no other: the code cache (src/launch.ts) stays there, as with a user.
const baseEnv = { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', CALMCLIENT_HOME: join(work, 'home') };
delete baseEnv.FORCE_COLOR;

/** A reply draft of 200 lines, the size of a long e-mail thread with the quoted part. */
function writeDraft() {
  const paragraphs = [
    'Hello Mr Dupont,',
    'Thank you for your call this morning, and for telling me plainly what went wrong.',
    'You are right: the payment module failed its review on Friday and I did not warn you at once.',
    'Here is what I will do: fix the module, put the site online, then walk your team through it.',
    'All of this will be done by Thursday 19 November at noon.',
    'In the meantime, a read-only preview link is ready for your board meeting.',
    'I will call you on Friday 20 November at 10:00 to check that everything is on track.',
    '> On Monday, you wrote: the site was supposed to go live and it is still not online.',
    '> My team has been waiting all week and I look like a fool in front of the board.',
    'Best regards,',
  ];
  const lines = Array.from({ length: 200 }, (_, i) => paragraphs[i % paragraphs.length]);
  const file = join(work, 'draft.md');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** 5,000 session records in the format of src/store/sessions.ts (SessionRecord, version 1). */
function writeSessions(count) {
  const home = join(work, 'history-home');
  const dir = join(home, 'sessions');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const clients = ['Dupont & Fils', 'Société Générale d’Études', 'Atelier Martin', 'Northwind', 'Contoso', 'Café Lumière', 'Blue Harbour'];
  const statuses = ['open', 'resolved', 'escalated', 'lost', 'open', 'resolved'];
  const kinds = ['crisis', 'crisis', 'crisis', 'prevention', 'followup'];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < count; i++) {
    const client = clients[i % clients.length];
    const created = new Date(start + i * 3_600_000 * 5);
    const day = created.toISOString().slice(0, 10);
    const slug = client.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    const id = `${day}-${slug}-${i.toString(16).padStart(4, '0')}`;
    const nextContact = new Date(created.getTime() + 4 * 86_400_000).toISOString().slice(0, 10);
    const record = {
      version: 1,
      id,
      kind: kinds[i % kinds.length],
      status: statuses[i % statuses.length],
      client,
      lang: i % 3 === 0 ? 'fr' : 'en',
      playbook: { id: 'crisis', source: join(root, 'playbooks', 'en', 'crisis.yaml') },
      createdAt: created.toISOString(),
      updatedAt: created.toISOString(),
      answers: { tone: 'angry', gap: 'delay', fault: 'mine', solution: 'Fix the payment module and put the site online.', deadline: nextContact },
      promise: { what: 'Fix the payment module and put the site online.', by: nextContact },
      nextContact,
      lesson: 'Plan a buffer day before any launch.',
      files: { recap: join(home, 'recaps', `${day}-${slug}-recap.md`), email: join(home, 'recaps', `${day}-${slug}-email.md`) },
    };
    writeFileSync(join(dir, `${id}.json`), `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
  }
  return home;
}

/** `prepare` gives each run what it needs of its own: `{ env, args }`, added to the case's. */
function calmclient(args, prepare = () => ({})) {
  return { command: process.execPath, args: [bin, ...args], prepare };
}

const draft = writeDraft();
const historyHome = writeSessions(5000);
let startRun = 0;
const answers = join(root, 'tests', 'fixtures', 'answers', 'crisis-en.yaml');

let coldRun = 0;
const cases = [
  { name: 'node -e 0 (floor)', command: process.execPath, args: ['-e', '0'], prepare: () => ({}) },
  {
    name: 'calmclient --version, first run (no code cache yet)',
    // A data dir of its own each time, so V8's code cache (src/launch.ts) is made anew.
    ...calmclient(['--version'], () => ({ env: { CALMCLIENT_HOME: join(work, `cold-${coldRun++}`) } })),
  },
  { name: 'calmclient --version', target: 1.3, ...calmclient(['--version']) },
  { name: 'calmclient --help', target: 1.3, ...calmclient(['--help']) },
  {
    name: 'calmclient start --answers crisis-en.yaml',
    target: 2,
    // A fresh folder for every run's recap and drafts, so that none is named `-2`; one data dir, as a user has.
    ...calmclient(['start', '--answers', answers], () => {
      const out = join(work, `start-${startRun++}`);
      mkdirSync(out);
      return { args: ['--out', out] };
    }),
  },
  { name: 'calmclient check (200-line draft)', requires: 'check', ...calmclient(['check', draft]) },
  {
    name: 'calmclient history (5,000 records)',
    target: 3,
    requires: 'history',
    ...calmclient(['history'], () => ({ env: { CALMCLIENT_HOME: historyHome } })),
  },
];

/** A command exists when `NAME --help` shows its own usage (for an unknown one, the program's). */
function available(name) {
  const probe = spawnSync(process.execPath, [bin, name, '--help'], { env: baseEnv, encoding: 'utf8' });
  return probe.status === 0 && probe.stdout.startsWith(`Usage: calmclient ${name} `);
}

function runOnce(benchCase) {
  const { env: ownEnv = {}, args: ownArgs = [] } = benchCase.prepare();
  const env = { ...baseEnv, ...ownEnv };
  const begin = process.hrtime.bigint();
  const result = spawnSync(benchCase.command, [...benchCase.args, ...ownArgs], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = Number(process.hrtime.bigint() - begin) / 1e6;
  // `check` exits 1 when it has findings: that is an answer, not a failure.
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${benchCase.name} failed (exit ${result.status}): ${result.stderr.toString().trim()}`);
  }
  return elapsed;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

try {
  const active = cases.filter((benchCase) => benchCase.requires === undefined || available(benchCase.requires));
  const times = new Map(active.map((benchCase) => [benchCase, []]));
  for (let round = 0; round < warmups + runs; round++) {
    for (const benchCase of active) {
      const elapsed = runOnce(benchCase);
      if (round >= warmups) times.get(benchCase).push(elapsed);
    }
  }
  const floor = median(times.get(cases[0]));
  const rows = cases.map((benchCase) => {
    const measured = times.get(benchCase);
    if (!measured) return { name: benchCase.name, median: 'not available', ratio: '', target: benchCase.target ? `≤ ${benchCase.target}x` : '', verdict: '' };
    const value = median(measured);
    const ratio = value / floor;
    const verdict = benchCase.target === undefined ? '' : ratio <= benchCase.target ? 'ok' : 'over';
    return {
      name: benchCase.name,
      median: `${value.toFixed(1)} ms`,
      ratio: benchCase === cases[0] ? '1.00x' : `${ratio.toFixed(2)}x`,
      target: benchCase.target ? `≤ ${benchCase.target}x` : '',
      verdict,
    };
  });

  const header = ['command', 'median', 'ratio to floor', 'target', ''];
  const table = [header, ...rows.map((row) => [row.name, row.median, row.ratio, row.target, row.verdict])];
  const widths = header.map((_, column) => Math.max(...table.map((row) => row[column].length)));
  for (const row of table) console.log(row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd());
  // Other work on the machine slows every command, not all by the same amount: say how busy it was.
  const load = loadavg()[0]?.toFixed(2) ?? 'unknown';
  console.log(`\nload average: ${load}`);

  const cpu = cpus();
  const markdown = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (scripts/bench.mjs): wall-clock time from spawning the process to its exit,',
    `median of ${runs} runs after ${warmups} warm-up runs, the commands taking turns. The floor is \`node -e 0\`,`,
    'the time Node takes to start and stop with nothing to do; each ratio is a median over the floor\'s median.',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} with Node ${process.version} on ${process.platform}/${process.arch},`,
    `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, load average ${load} at the end of the run.`,
    '',
    '| command | median | ratio to floor | target |',
    '| --- | ---: | ---: | --- |',
    ...rows.map((row) => `| ${row.name} | ${row.median} | ${row.ratio} | ${row.target}${row.verdict ? ` (${row.verdict})` : ''} |`),
    '',
    'What the cases do:',
    '',
    '- `--version`, first run: with a data dir of its own, so without the code cache that every other',
    '  case finds (src/launch.ts): what the very first run after an install or an upgrade costs.',
    '- `start --answers`: the full scripted crisis (tests/fixtures/answers/crisis-en.yaml), reading the',
    '  playbook, rendering the recap, the markdown draft, the `.eml` and the `.ics`, checking the draft,',
    '  and writing them (into a fresh `--out` folder) with the session record.',
    '- `check`: a 200-line reply draft.',
    '- `history`: 5,000 session records (src/store/sessions.ts format) in a temporary `CALMCLIENT_HOME`.',
    '',
    '"not available" means the CLI measured had no such command yet.',
    '',
    'Where the time goes, and what keeps it short:',
    '',
    '- Node itself: the floor. A command adds the reading of calmclient\'s code, its own work, and the',
    '  writes. The code is one bundle (dist/calmclient.cjs) whose modules run when a command first',
    '  needs them, so `--help` runs neither yaml, zod nor the prompt library (tests/e2e/package.test.ts',
    '  checks it with V8\'s coverage). Its compiled form comes from V8\'s code cache (src/launch.ts);',
    '  the first run after an install or an upgrade compiles it and writes the cache: the "first run" line.',
    '- `start`: yaml reads the answers file, Mustache renders the documents, four files and the record',
    '  are written with fsync, then the e-mail draft is checked: only the reply patterns whose words all',
    '  appear in it are compiled, straight to machine code.',
    '- `history`: reading 5,000 files is about 40 ms on its own. Each record is checked by code compiled',
    '  from its zod schema at build time (src/store/session-record-check.js), only what the table shows',
    '  is kept of it, and the table is written at once.',
    '',
  ].join('\n');
  const output = join(root, 'docs', 'benchmarks.md');
  writeFileSync(output, markdown);
  console.log(`\nwritten: ${relative(root, output)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
