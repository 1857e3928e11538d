/**
 * `egan info`: says whether the native kernel is in use, as nativeStatus() decides, and why not when it is
 * turned off; exit 0 either way.
 */
import { describe, expect, it } from 'vitest';
import { nativeStatus } from '../../src/index.ts';
import { egan } from '../helpers/cli.ts';
import { cpuFlags } from '../../native/sources.mjs';

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

  it('names the CPU\'s vector extensions and the native kernel\'s vector width (8 doubles only for an AVX-512 build)', () => {
    const o = JSON.parse(egan(['info', '--json']).stdout) as { machine: { simd?: { avx512: boolean; avx2: boolean; fma: boolean } }; native: { inUse: boolean; vectorWidth?: number } };
    const flags = cpuFlags();
    if (flags) expect(o.machine.simd).toEqual({ avx512: flags.has('avx512f'), avx2: flags.has('avx2'), fma: flags.has('fma') });
    else expect(o.machine.simd).toBeUndefined();
    const s = nativeStatus();
    if (s.available) expect(o.native.vectorWidth).toBe(s.build.features?.includes('avx512f') ? 8 : 4);
    const text = egan(['info']).stdout.split('\n');
    if (flags) expect(text[0]).toMatch(new RegExp(`\\((.*); ${flags.has('avx512f') ? 'AVX-512' : 'no AVX-512'}, ${flags.has('avx2') ? 'AVX2' : 'no AVX2'}, ${flags.has('fma') ? 'FMA' : 'no FMA'}\\)$`));
    if (s.available) expect(text[1]).toContain(`; vectors of ${o.native.vectorWidth} doubles; `);
  });

  it('names the reason when it is off (EGAN_NATIVE=0), in words and in JSON', () => {
    const env = { ...process.env, EGAN_NATIVE: '0' };
    const text = egan(['info'], 120_000, env);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/native kernel: not in use: turned off by EGAN_NATIVE=0\n  egan runs its JavaScript kernel \(the same numbers, slower\)/);
    expect(JSON.parse(egan(['info', '--json'], 120_000, env).stdout).native).toMatchObject({ inUse: false, reason: 'turned off by EGAN_NATIVE=0' });
  });
});
