#!/usr/bin/env node
'use strict';
// `--version` answered before the bundle is read (hyperfine, median of 40, Node 22 / 24 / 20:
// 38.4 / 54.5 / 122.0 → 28.8 / 40.7 / 86.1 ms), by a CommonJS file (bin/package.json), which Node
// starts without its ES module loader (fastest of 40: 30.8 / 28.6 / 69.7 → 25.1 / 27.6 / 61.8 ms).
if (process.argv.length === 3 && (process.argv[2] === '--version' || process.argv[2] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  const { enableCompileCache } = require('node:module');
  // Node 22+ keeps compiled code in <tmp>/node-compile-cache, made by a recursive mkdir that never
  // returns on a pseudo file system (TMPDIR=/proc/…): its first level is made here, or no cache.
  if (enableCompileCache && !process.env.NODE_DISABLE_COMPILE_CACHE && makesCacheFolder()) enableCompileCache();
  require('../dist/calmclient.cjs').main(process.argv);
}

function makesCacheFolder() {
  try {
    require('node:fs').mkdirSync(require('node:path').join(require('node:os').tmpdir(), 'node-compile-cache'));
  } catch (error) {
    return error.code === 'EEXIST';
  }
  return true;
}
