/** Run the egan CLI as a real child process. */
import { spawnSync, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

export const egan = (args: string[], timeout = 120_000, env: NodeJS.ProcessEnv = process.env) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { encoding: 'utf8', timeout, env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
};

export const eganAsync = (args: string[]): ChildProcess => spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
