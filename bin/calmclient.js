#!/usr/bin/env node
import module from 'node:module';

// Node 22 and later keep the compiled code of the modules they load between runs, when asked.
module.enableCompileCache?.();
await module.createRequire(import.meta.url)('../dist/calmclient.cjs').main(process.argv);
