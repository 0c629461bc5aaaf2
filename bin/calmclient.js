#!/usr/bin/env node
'use strict';
// CommonJS (bin/package.json), and `--version` answered before the bundle is read: see docs/benchmarks.md.
if (process.argv.length === 3 && (process.argv[2] === '--version' || process.argv[2] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  require('node:module').enableCompileCache?.();
  require('../dist/calmclient.cjs').main(process.argv);
}
