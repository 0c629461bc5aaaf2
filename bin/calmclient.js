#!/usr/bin/env node
import module from 'node:module';

// Node 22 and later keep the compiled code of the modules they load between runs, when asked.
module.enableCompileCache?.();
const { main } = await import('../dist/calmclient.js');
await main(process.argv);
