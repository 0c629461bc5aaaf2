#!/usr/bin/env node
import module from 'node:module';

// Node 22.1+ keeps the compiled code between runs (a no-op before), so set it up before loading any.
module.enableCompileCache?.();
const { main } = await import('../dist/cli.js');
main(process.argv);
