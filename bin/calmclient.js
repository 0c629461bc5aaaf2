#!/usr/bin/env node
'use strict';
// The launcher and the bundle are CommonJS, and so is this file (bin/package.json): see src/launch.ts.
require('../dist/launch.cjs').launch(require.resolve('../dist/calmclient.cjs'), process.argv);
