#!/usr/bin/env node
// Benchmark: `calmclient history` over many session records (default 5,000), in a temporary data dir.
// Usage: npm run build && node scripts/bench-history.mjs [count] [runs]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'calmclient.js');
const count = Number(process.argv[2] ?? 5000);
const runs = Number(process.argv[3] ?? 7);

const home = mkdtempSync(join(tmpdir(), 'calmclient-bench-'));
const env = { ...process.env, CALMCLIENT_HOME: home, NO_COLOR: '1', LANG: 'en_US.UTF-8' };
try {
  // One real session from the crisis playbook, then copies of it with other ids, clients, dates and statuses.
  const started = spawnSync(process.execPath, [bin, 'start', '--answers', join(root, 'tests/fixtures/answers/crisis-en.yaml')], {
    env,
    encoding: 'utf8',
  });
  if (started.status !== 0) throw new Error(`start failed: ${started.stderr}`);
  const id = /Session (\S+) saved/.exec(started.stdout)?.[1];
  const model = JSON.parse(readFileSync(join(home, 'sessions', `${id}.json`), 'utf8'));
  rmSync(join(home, 'sessions'), { recursive: true });
  mkdirSync(join(home, 'sessions'), { mode: 0o700 });
  const statuses = ['open', 'resolved', 'escalated', 'lost'];
  for (let i = 0; i < count; i++) {
    const day = new Date(Date.UTC(2020, 0, 1 + (i % 2000), 9, i % 60));
    const record = {
      ...model,
      id: `bench-${String(i).padStart(5, '0')}`,
      client: `Client ${i % 400}`,
      status: statuses[i % statuses.length],
      createdAt: day.toISOString(),
      updatedAt: day.toISOString(),
    };
    writeFileSync(join(home, 'sessions', `${record.id}.json`), JSON.stringify(record, null, 2));
  }

  const time = (args) => {
    const times = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      const result = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      times.push(performance.now() - start);
      if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
    }
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1] };
  };
  const report = (label, { median, min, max }) =>
    console.log(`${label.padEnd(34)} median ${median.toFixed(0).padStart(5)} ms   (min ${min.toFixed(0)}, max ${max.toFixed(0)}, ${runs} runs)`);

  console.log(`${count} session records, Node ${process.version}`);
  report('calmclient --version (start-up)', time(['--version']));
  report('calmclient history', time(['history']));
  report('calmclient history --json', time(['history', '--json']));
  report('calmclient history --status open', time(['history', '--status', 'open']));
  report('calmclient lessons --client "Client 7"', time(['lessons', '--client', 'Client 7']));
} finally {
  rmSync(home, { recursive: true, force: true });
}
