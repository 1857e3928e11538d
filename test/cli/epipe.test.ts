/**
 * `egan … | head`: a reader that closes the pipe early is a normal end (exit 0, no stack trace), as for other
 * command-line tools; merge's long "missing cells" line used to die with "Unhandled 'error' event ... EPIPE".
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { BIN } from '../helpers/cli.ts';

describe('a closed stdout', () => {
  it('ends a long output (a root locus of 3,000 lines, written line by line) quietly with exit 0', async () => {
    const linear = new URL('../../examples/linear.json', import.meta.url).pathname;
    const child = spawn(process.execPath, [BIN, 'locus', linear, '--param', 'regularizer.lambda', '--from', '0', '--to', '1', '--steps', '3000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (b) => { err += b; });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(child.stdout.destroyed).toBe(true);
    expect(err).toBe('');
    expect(code).toBe(0);
  });
});
