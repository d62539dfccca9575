// Process entry for the bundled CLI (build/cli.js).

import { runCli } from './main.js';
import { processIo } from './process-io.js';

process.exitCode = await runCli(process.argv.slice(2), processIo());
