#!/usr/bin/env node
'use strict';
// The compiled CLI lives in lib/ (built by `npm ci` through the `prepare` script).
require('../lib/cli/main.js').main();
