#!/usr/bin/env node
/**
 * `npm run bench`: how long calmclient takes to answer on Node 20, 22 and 24, each against the floor
 * of starting that same Node (`node -e 0`), on this machine, in one run. Prints the medians, their
 * ratios to the floor and the targets, and writes docs/benchmarks.md. Runs the built CLI (npm run
 * bench builds first). Node 22 and 24 come from the npm registry (scripts/install-node.sh); the
 * Node running this script stands for its own major version.
 *
 *   node scripts/bench.mjs [--runs N] [--bin FILE]...
 *
 * --runs: runs of each case on each Node (default 30, after 3 warm-up runs).
 * --bin: the bin/calmclient.js to measure instead of this one's; given several times (a checkout of
 *   an older commit, and this one), they take turns in the same rounds, one table each. With --bin,
 *   docs/benchmarks.md is left alone.
 *
 * Every round runs each case once on each Node, so that a busy moment on the machine weighs on all
 * of them alike. Each Node gets its own temporary data dir and temporary folder (where Node keeps
 * its compile cache), kept from one run to the next as a user's are.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { benchCheck, benchCheckTable, draft200Lines } from './bench-check.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: options } = parseArgs({ options: { runs: { type: 'string', default: '30' }, bin: { type: 'string', multiple: true } } });
const runs = Number(options.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a positive whole number');
const bins = options.bin === undefined ? [join(root, 'bin', 'calmclient.js')] : options.bin.map((file) => resolve(file));
const warmups = 3;

/** The targets of issue 12, as ratios to the floor, by Node major version. */
const TARGETS = {
  version: { 20: 1.5, 22: 1.2, 24: 1.2 },
  help: { 20: 1.5, 22: 1.5, 24: 1.5 },
  start: { 20: 2.5, 22: 2.5, 24: 2.5 },
  history: { 20: 3, 22: 3, 24: 3 },
};

/** docs/benchmarks.md below the table. */
const EXPLANATION = [
  'What the cases do:',
  '',
  '- every case, and the floor, runs without NODE_EXTRA_CA_CERTS, which Node 20 reads as it starts',
  '  (about 58 ms of CPU for a system\'s certificate bundle): set, it swelled Node 20\'s floor and',
  '  flattered its ratios (the earlier tables in this file\'s history were measured so).',
  '- first run: `--version` with an empty temporary folder, so without the compile cache Node 22 and 24',
  '  keep there: what the first run after an install or an upgrade costs (on Node 20, every run is one).',
  '- `start --answers`: the full scripted crisis (tests/fixtures/answers/crisis-en.yaml): the answers file',
  '  read with yaml, the recap, the e-mail draft, the `.eml` and the `.ics` rendered, the draft checked,',
  '  everything written (with fsync) into a fresh `--out` folder, and the session record saved.',
  '- `check`: a 200-line reply draft.',
  '- `history`: 5,000 session records in a temporary `CALMCLIENT_HOME`, kept from run to run as a',
  '  user\'s are: the first (warm-up) run reads every record and checks it against the zod schema',
  '  (src/store/session-schema.ts), and writes the summary index (src/store/session-index.ts); the',
  '  runs measured find every record unchanged, stat each file and take its summary from the index.',
  '',
  'Where the time goes (`node --cpu-prof --cpu-prof-interval 100 --cpu-prof-dir prof bin/calmclient.js ARGS`,',
  'on a build made with `PROFILE_BUILD=1` for readable names, a few runs summed; gains are A/B in one',
  'hyperfine run, medians, and are also in the comment of the code that won them):',
  '',
  '- Every command but `--version` reads dist/calmclient.cjs: Node 20 compiles it at each start, Node 22',
  '  and 24 read its compiled code back from their compile cache, in time that grows with the file,',
  '  about 2 ms per 100 KiB on Node 22 here. It was all of calmclient, 858 KiB. yaml and franc-min, a',
  '  third of it, are now files of their own in dist/vendor/, read by the commands that use them',
  '  (`--help` 51.5 → 46.5 ms on Node 22); zod (112 KiB) stays in the bundle: as a file of its own it',
  '  loses its tree shaking (466 KiB with all its locales). Then the command line (src/cli.ts,',
  '  commander, the help texts) became a bundle of its own, 71 KiB, and the commands another,',
  '  dist/app.cjs (src/app.ts), read once a command runs: `--help` 59.9 → 43.8 ms on Node 22,',
  '  65.1 → 50.1 on Node 24, 145.4 → 107.2 on Node 20; a command reads both, at no measurable cost.',
  '  cli.ts loads app.cjs with `require`: through `import()`, Node\'s ES module loader first scanned',
  '  the whole file for its exports (47 ms of `start --answers`).',
  '- `--version`: bin/calmclient.js answers it from package.json before the bundle is read (Node',
  '  22 / 24 / 20: 38.4 / 54.5 / 122.0 → 28.8 / 40.7 / 86.1 ms), and is CommonJS (bin/package.json):',
  '  an ES module entry starts Node\'s ES module loader first (fastest runs 30.8 / 28.6 / 69.7 →',
  '  25.1 / 27.6 / 61.8 ms; nothing measurable on Node 24).',
  '- `--help`: the command line\'s bundle (above), then commander\'s own code (the parse, the layout of',
  '  the help), run once and cold. commander loads node:child_process (and with it net and dgram) for',
  '  subcommands calmclient does not have: the profile shows about 4 ms, but a build without it saved',
  '  1 ms of CPU on Node 22 (stdout loads stream anyway), not worth patching commander. The command',
  '  tree registers the options, examples and action of the commands the command line names only (the',
  '  overview takes `[options]` from the table): CPU time 51.2 → 48.9 ms on Node 22. The bundles are',
  '  built without esbuild\'s keepNames, which gave every function its name back as its module loaded:',
  '  45.1 → 43.1 ms.',
  '- `start --answers`: spread thin. Without the reply check, about 100 ms on Node 22, 3.5 times',
  '  the floor. In its CPU profile (profiler time included), in order: yaml loading (5 ms) and',
  '  reading the answers file (15 ms), the modules of the command and their first run (a function is',
  '  compiled as it is first called, and most run once), Mustache parsing the templates (6 ms; parsed',
  '  at build time into dist/playbooks.json instead, 3.6 ms of CPU saved, but the package went past',
  '  600 kB), the writes (six fsyncs: the session record before the files it',
  '  names, the four files, the record again; none twice: cheap on an idle disk, up to a fifth of the',
  '  run when other work writes), the two dates read, the command tree and garbage collection. The',
  '  run initialises only the modules it uses (no Inquirer, no zod, no playbook loader).',
  '  The reply check of the e-mail is the rest, about 60 ms on Node 22: reading the rules, and',
  '  the search run for the first time (interpreted: the search is linear, 20,000 state visits for',
  '  the crisis e-mail). The automata are 16-bit numbers in dist/reply-rules.<lang>.bin, searched as',
  '  they are read: as base-36 text made into objects they took 50–90 ms to be ready, 13–20 ms now,',
  '  and the first check of the crisis e-mail, rules read included, went from 109 to 67 ms of CPU',
  '  (141 to 74 ms in French; src/check/compiled.ts).',
  '- `history`: with the summary index, 5,000 `stat`s, parsing the index (1.8 MB of JSON) and the',
  '  table of 5,000 rows; the index alone took it from 510 to 229 ms on Node 22 (276 → 189 ms on',
  '  Node 24, 555 → 370 ms on Node 20), and measuring each table cell once, without string-width',
  '  where every character takes one column, about 40 ms more each. The first run after records',
  '  were added or changed reads those records (all of them, the first time ever).',
  '',
];

/** Node 20, 22 and 24: the one running this script for its own major, the others installed. */
function nodes() {
  const own = Number(process.versions.node.split('.')[0]);
  const missing = [20, 22, 24].filter((major) => major !== own);
  const installed = execFileSync('bash', [join(root, 'scripts', 'install-node.sh'), ...missing.map(String)], { encoding: 'utf8' })
    .trim()
    .split('\n');
  const paths = new Map(missing.map((major, i) => [major, installed[i]]));
  if ([20, 22, 24].includes(own)) paths.set(own, process.execPath);
  return [...paths]
    .sort(([a], [b]) => a - b)
    .map(([major, path]) => ({ major, path, version: execFileSync(path, ['--version'], { encoding: 'utf8' }).trim() }));
}

const work = mkdtempSync(join(tmpdir(), 'calmclient-bench-'));

/**
 * What every run gets: no colours, English, and nothing of the caller's Node settings. Node 20
 * reads the certificates of NODE_EXTRA_CA_CERTS as it starts, about 58 ms of CPU for the system's
 * bundle, which swelled the floor and flattered every ratio on Node 20 (22 and 24 read them when
 * TLS needs them).
 */
function baseEnv() {
  const env = { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8' };
  for (const name of ['FORCE_COLOR', 'LC_ALL', 'LC_MESSAGES', 'CALMCLIENT_LANG', 'NODE_OPTIONS', 'NODE_COMPILE_CACHE', 'NODE_DISABLE_COMPILE_CACHE', 'NODE_EXTRA_CA_CERTS']) delete env[name];
  return env;
}

/** The 200-line reply draft of bench-check.mjs, for `check`'s start-up. */
function writeDraft() {
  const file = join(work, 'draft.md');
  writeFileSync(file, draft200Lines());
  return file;
}

/** 5,000 session records in the format of src/store/session-schema.ts (version 1). */
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

const draft = writeDraft();
const historyHome = writeSessions(5000);
/** The scripted crisis of the calmclient measured: an older checkout has the answers its playbook asks for. */
const answersFor = (bin) => {
  const own = join(dirname(bin), '..', 'tests', 'fixtures', 'answers', 'crisis-en.yaml');
  return existsSync(own) ? own : join(root, 'tests', 'fixtures', 'answers', 'crisis-en.yaml');
};
let fresh = 0;
/** A new empty folder in the bench's temporary folder. */
const freshDir = (prefix) => {
  const dir = join(work, `run-${fresh++}-${prefix}`);
  mkdirSync(dir);
  return dir;
};

/**
 * The cases, in the order they run in each round: the arguments given to Node for one calmclient
 * (`bin`), and what one run needs in its environment beyond its own data dir and temporary folder.
 */
const floor = { id: 'floor', name: '`node -e 0` (the floor)', args: () => ['-e', '0'] };
const cases = [
  {
    id: 'first',
    name: '`--version`, first run after an install',
    // An empty temporary folder and data dir each time: no compile cache yet (nor, before, a code cache).
    args: (bin) => [bin, '--version'],
    env: () => ({ TMPDIR: freshDir('tmp'), CALMCLIENT_HOME: freshDir('home') }),
  },
  { id: 'version', name: '`--version`', args: (bin) => [bin, '--version'] },
  { id: 'help', name: '`--help`', args: (bin) => [bin, '--help'] },
  {
    id: 'start',
    name: '`start --answers crisis-en.yaml` (a scripted crisis)',
    // A fresh --out each run, so that no recap is named `-2`.
    args: (bin) => [bin, 'start', '--answers', answersFor(bin), '--out', freshDir('out')],
  },
  { id: 'check', name: '`check` of a 200-line draft', args: (bin) => [bin, 'check', draft] },
  { id: 'history', name: '`history` over 5,000 records', args: (bin) => [bin, 'history'], env: () => ({ CALMCLIENT_HOME: historyHome }) },
];

/**
 * CPU time (user + system) of each run too, from GNU time where there is one: other work on a
 * shared machine stretches the wall-clock time of a run much more than its CPU time.
 */
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** One run of a case, on one Node, for one calmclient (`target`: its bin and its own folders): `{ wall, cpu }` in ms. */
function runOnce(node, target, benchCase) {
  const env = { ...target.env, ...benchCase.env?.() };
  const args = [node.path, ...benchCase.args(target.bin)];
  const begin = process.hrtime.bigint();
  const result = TIME
    ? spawnSync(TIME, ['-f', '%U %S', ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] })
    : spawnSync(args[0], args.slice(1), { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const wall = Number(process.hrtime.bigint() - begin) / 1e6;
  // `check` exits 1 when it has findings: that is an answer, not a failure.
  if (result.status !== 0 && !(benchCase.id === 'check' && result.status === 1)) {
    throw new Error(`${benchCase.name} failed on Node ${node.version} (exit ${result.status}): ${result.stderr.toString().trim()}`);
  }
  const [user, system] = TIME ? (result.stderr.toString().trim().split('\n').at(-1) ?? '').split(' ').map(Number) : [];
  return { wall, cpu: user === undefined || system === undefined ? undefined : (user + system) * 1000 };
}

/** GNU time gives CPU time in hundredths of a second: their mean over the runs, not their median. */
const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

try {
  let folders = 0;
  /** Per Node: the floor's times, and per calmclient its own data dir and temporary folder, kept from run to run, and its times by case. */
  const measured = nodes().map((node) => ({
    ...node,
    floor: [],
    targets: bins.map((bin) => {
      const home = join(work, `calmclient-${folders}-home`);
      const temp = join(work, `calmclient-${folders++}-tmp`);
      mkdirSync(home);
      mkdirSync(temp);
      return { bin, env: { ...baseEnv(), CALMCLIENT_HOME: home, TMPDIR: temp }, times: new Map(cases.map((c) => [c.id, []])) };
    }),
  }));
  console.log(`${runs} runs of each case after ${warmups} warm-up runs, on ${measured.map((node) => `Node ${node.version}`).join(', ')}`);
  for (let round = 0; round < warmups + runs; round++) {
    for (const node of measured) {
      const floorSample = runOnce(node, { bin: '', env: baseEnv() }, floor);
      if (round >= warmups) node.floor.push(floorSample);
      for (const benchCase of cases) {
        for (const target of node.targets) {
          const sample = runOnce(node, target, benchCase);
          if (round >= warmups) target.times.get(benchCase.id).push(sample);
        }
      }
    }
  }

  const cellText = (cell) => {
    const cpu = cell.cpuRatio === undefined || Number.isNaN(cell.cpuRatio) ? '' : `, CPU ${cell.cpuRatio.toFixed(2)}x`;
    const verdict = cell.target === undefined ? '' : ` (≤ ${cell.target}x ${cell.ok ? 'ok' : 'OVER'})`;
    return `${cell.value.toFixed(1)} ms${cell.ratio === undefined ? '' : ` ${cell.ratio.toFixed(2)}x`}${cpu}${verdict}`;
  };
  const wallOf = (samples) => median(samples.map((sample) => sample.wall));
  const cpuOf = (samples) => (TIME ? mean(samples.map((sample) => sample.cpu ?? Number.NaN)) : undefined);
  /** For one calmclient: per case, per Node, `{ value, ratio, cpuRatio, target, ok }`, the floor first. */
  const resultsOf = (index) => [
    { benchCase: floor, cells: measured.map((node) => ({ value: wallOf(node.floor) })) },
    ...cases.map((benchCase) => ({
      benchCase,
      cells: measured.map((node) => {
        const samples = node.targets[index].times.get(benchCase.id);
        const value = wallOf(samples);
        const ratio = value / wallOf(node.floor);
        const cpu = cpuOf(samples);
        const cpuRatio = cpu === undefined ? undefined : cpu / cpuOf(node.floor);
        const target = TARGETS[benchCase.id]?.[node.major];
        return { value, ratio, cpuRatio, target, ok: target === undefined ? undefined : ratio <= target };
      }),
    })),
  ];
  const header = ['command', ...measured.map((node) => `Node ${node.version}`)];
  const tables = bins.map((bin, index) => {
    const results = resultsOf(index);
    const rows = [header, ...results.map(({ benchCase, cells }) => [benchCase.name.replaceAll('`', ''), ...cells.map(cellText)])];
    const widths = header.map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    console.log(`\ncalmclient: ${relative(process.cwd(), bin) || bin}`);
    for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column])).join('   ').trimEnd());
    const over = results.flatMap(({ cells }) => cells).filter((cell) => cell.ok === false).length;
    console.log(over === 0 ? 'every target met' : `${over} target(s) missed`);
    return results;
  });
  // Other work on the machine slows every command, not all by the same amount: say how busy it was.
  const load = loadavg()[0]?.toFixed(2) ?? 'unknown';
  console.log(`\nload average: ${load}`);

  if (options.bin === undefined) {
    // The reply checker's own cases (hostile and large drafts, hostile rules), on this Node.
    const checkRows = benchCheck({ runs: 5 });
    console.log(`\ncheck on hostile and large inputs (Node ${process.version}):\n${benchCheckTable(checkRows)}`);
    const cpu = cpus();
    const markdown = [
      '# Benchmarks',
      '',
      'Written by `npm run bench` (scripts/bench.mjs): wall-clock time from spawning the process to its exit,',
      `median of ${runs} runs after ${warmups} warm-up runs. Each round runs every case once on each Node, so`,
      'that a busy moment weighs on all alike. The floor is `node -e 0` of the same Node, the time it takes to',
      'start and stop with nothing to do; each ratio is a median over that floor\'s median; the targets are issue 12\'s,',
      'judged on that ratio. "CPU" is the same ratio for the mean CPU time (user + system, from GNU time), which',
      'other work on a shared machine inflates much less than the wall-clock time.',
      '',
      `Measured ${new Date().toISOString().slice(0, 10)} on ${process.platform}/${process.arch}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'},`,
      `load average ${load} at the end of the run.`,
      '',
      `| command | ${measured.map((node) => `Node ${node.version}`).join(' | ')} |`,
      `| --- | ${measured.map(() => '---:').join(' | ')} |`,
      ...tables[0].map(({ benchCase, cells }) => `| ${benchCase.name} | ${cells.map(cellText).join(' | ')} |`),
      '',
      ...EXPLANATION,
      `\`check\` on hostile and large inputs (scripts/bench-check.mjs), on Node ${process.version}, median of 5 runs:`,
      '',
      benchCheckTable(checkRows),
      '',
    ].join('\n');
    const output = join(root, 'docs', 'benchmarks.md');
    writeFileSync(output, markdown);
    console.log(`written: ${relative(root, output)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
