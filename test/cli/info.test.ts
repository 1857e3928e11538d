/**
 * `egan info`: says whether the native kernel is in use, as nativeStatus() decides, and why not when it is
 * turned off; exit 0 either way.
 */
import { describe, expect, it } from 'vitest';
import { nativeStatus } from '../../src/index.ts';
import { egan } from '../helpers/cli.ts';

describe('egan info', () => {
  it('--json reports the native kernel as this process sees it', () => {
    const r = egan(['info', '--json']);
    expect(r.status).toBe(0);
    const o = JSON.parse(r.stdout) as { version: string; machine: { cores: number; node: string }; native: { inUse: boolean; reason?: string; flags?: string[] } };
    expect(o.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(o.machine.node).toBe(process.version);
    const s = nativeStatus();
    expect(o.native.inUse).toBe(s.available);
    if (s.available) expect(o.native.flags).toContain('-ffp-contract=off');
    else expect(o.native.reason).toBe(s.reason);
  });

  it('names the reason when it is off (EGAN_NATIVE=0), in words and in JSON', () => {
    const env = { ...process.env, EGAN_NATIVE: '0' };
    const text = egan(['info'], 120_000, env);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/native kernel: not in use: turned off by EGAN_NATIVE=0\n  egan runs its JavaScript kernel \(the same numbers, slower\)/);
    expect(JSON.parse(egan(['info', '--json'], 120_000, env).stdout).native).toMatchObject({ inUse: false, reason: 'turned off by EGAN_NATIVE=0' });
  });
});
