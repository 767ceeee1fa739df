#!/usr/bin/env node
// The `xxgk` executable. A committed file, so that npm links it even in a fresh clone where dist/ is not built yet;
// the command itself is the bundled dist/cli.cjs.
"use strict";
require("../dist/cli.cjs");
