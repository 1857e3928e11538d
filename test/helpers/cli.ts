/** Run the egan CLI as a real child process, compiled, as users run it (bin/egan.js; dist/ is built by globalSetup.ts). */
import { spawnSync, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/egan.js', import.meta.url));

export const egan = (args: string[], timeout = 120_000, env: NodeJS.ProcessEnv = process.env) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout, env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
};

export const eganAsync = (args: string[]): ChildProcess => spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
