/**
 * Regression: ml-matrix's eigen-decomposition looped forever on the
 * Dirac-GAN Jacobian at lambda = 0. Run in a child process with a time limit
 * (a synchronous infinite loop cannot be stopped from inside a test).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

describe('eigen-decomposition does not hang', () => {
  it('the lambda = 0 Dirac-GAN Jacobian: 15 zero modes and the pair +-i omega_0 = +-i sqrt(1/8)', () => {
    const script = fileURLToPath(new URL('../scripts/eigen-hang.ts', import.meta.url));
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 30_000 });
    expect(r.signal, 'the decomposition hung').toBeNull();
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(out.zeroModes).toBe(15);
    const w0 = Math.sqrt(1 / 8);
    expect(out.modes).toHaveLength(4);
    for (const [re, im] of out.modes) {
      expect(Math.abs(re)).toBeLessThan(1e-12);
      expect(Math.abs(Math.abs(im) - w0)).toBeLessThan(1e-12);
    }
  });
});
