#!/usr/bin/env node
// Entry point of the `egan` command: the compiled CLI (dist/, built by `npm install` in a clone, shipped in
// the package). For development without a build, `npm run egan:dev -- <args>` runs the TypeScript sources.
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('egan: not built (dist/cli/main.js is missing): run `npm run build` in the egan folder\n');
  process.exit(2);
}
await import(main.href);
