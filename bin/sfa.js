#!/usr/bin/env node
'use strict';
// The CLI is bundled into lib/ by scripts/build-cli.js (run by `npm ci` through the `prepare` script).
require('../lib/sfa.js').main();
