/**
 * `egan info [--json]`: what this installation runs on. The machine and Node
 * version, and whether the native kernel (src/model/native.ts) is in use:
 * its compiler, flags and build date, or why not and how to build it. The
 * native kernel gives the same numbers as the JavaScript one, so this tells
 * speed, never results.
 */
import { cpus } from 'node:os';
import { readFileSync } from 'node:fs';
import { NATIVE_COVERS as COVERS, nativeStatus } from '../model/native.ts';
import { cpuFlags } from '../../native/sources.mjs';
import { EXIT } from './exit.ts';

/**
 * The CPU's vector extensions that set egan's speed (where /proc/cpuinfo tells them; undefined elsewhere): a
 * speed figure is only comparable between machines that agree on these.
 */
const simd = (): { avx512: boolean; avx2: boolean; fma: boolean } | undefined => {
  const f = cpuFlags();
  return f ? { avx512: f.has('avx512f'), avx2: f.has('avx2'), fma: f.has('fma') } : undefined;
};

export const infoCommand = async (opts: { json?: boolean }): Promise<number> => {
  const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  const s = nativeStatus();
  const vec = simd();
  const machine = { cores: cpus().length, cpu: cpus()[0]?.model ?? '?', node: process.version, ...(vec ? { simd: vec } : {}) };
  const native = s.available
    ? { inUse: true, covers: COVERS, cc: s.build.cc, flags: s.build.flags, built: s.build.date, verified: s.build.verified, vectorWidth: s.addon.vectorWidth }
    : { inUse: false, reason: s.reason, covers: COVERS };
  if (opts.json) {
    process.stdout.write(JSON.stringify({ version, machine, native }) + '\n');
    return EXIT.ok;
  }
  const ext = vec ? `; ${vec.avx512 ? 'AVX-512' : 'no AVX-512'}, ${vec.avx2 ? 'AVX2' : 'no AVX2'}, ${vec.fma ? 'FMA' : 'no FMA'}` : '';
  const lines = [`egan ${version}, Node ${machine.node}, ${machine.cores} cores (${machine.cpu}${ext})`];
  if (s.available) {
    lines.push(`native kernel: in use (${s.build.cc} ${s.build.flags.join(' ')}; vectors of ${s.addon.vectorWidth} doubles; built ${s.build.date}; verified equal to the JavaScript kernel bit for bit)`);
    lines.push(`  covers ${COVERS}; other models run the JavaScript kernel`);
  } else {
    lines.push(`native kernel: not in use: ${s.reason}`);
    lines.push(`  egan runs its JavaScript kernel (the same numbers, slower); the native one covers ${COVERS}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
  return EXIT.ok;
};
