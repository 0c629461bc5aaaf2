#!/usr/bin/env node
import { createRequire } from 'node:module';

// The launcher and the bundle are CommonJS: see src/launch.ts for why.
const require = createRequire(import.meta.url);
require('../dist/launch.cjs').launch(require.resolve('../dist/calmclient.cjs'), process.argv);
