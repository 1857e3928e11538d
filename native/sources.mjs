/**
 * The native kernel's sources and the hash that ties a build to them: build.mjs
 * records it in build/build.json, and src/model/native.ts uses a build only
 * while the sources still hash the same (a `git pull` that changes them makes
 * the old build stale until `npm run native` or `npm install` rebuilds it).
 * It also decides whether a recorded build is usable here (buildProblem), for both.
 * Plain JavaScript: build.mjs runs under plain node at install time.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { arch, cpus, platform } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** This folder (native/). */
export const NATIVE_DIR = fileURLToPath(new URL('.', import.meta.url));
/** The compiled module and its build record. */
export const NATIVE_BUILD = join(NATIVE_DIR, 'build');
export const NATIVE_MODULE = join(NATIVE_BUILD, 'egan.node');
export const NATIVE_RECORD = join(NATIVE_BUILD, 'build.json');
/** The version of the interface binding.c exports (its EGAN_NATIVE_ABI). */
export const NATIVE_ABI = 3;
/** The files a build is made from, in the order they are hashed. */
export const NATIVE_SOURCES = ['oneLayer.h', 'oneLayer.c', 'vec.h', 'tiles.h', 'tiles.c', 'team.h', 'team.c', 'binding.c'];

/** sha256 over the sources' names and contents. */
export const sourceHash = () => {
  const h = createHash('sha256');
  for (const f of NATIVE_SOURCES) h.update(f).update('\0').update(readFileSync(join(NATIVE_DIR, f))).update('\0');
  return h.digest('hex');
};

/**
 * GCC/Clang's predefined ISA macros, the /proc/cpuinfo flag each one needs and the compiler option (-m<name>)
 * that turns it on. A build records the features its flags enabled (-march=native enables the build
 * machine's); the loader refuses it on a CPU that lacks one, whatever its model string says (a VM may hide
 * AVX-512 under the same model name).
 */
const FEATURE_FLAGS = {
  __SSE3__: ['pni', 'sse3'], __SSSE3__: ['ssse3', 'ssse3'], __SSE4_1__: ['sse4_1', 'sse4.1'], __SSE4_2__: ['sse4_2', 'sse4.2'],
  __SSE4A__: ['sse4a', 'sse4a'], __AVX__: ['avx', 'avx'], __AVX2__: ['avx2', 'avx2'], __FMA__: ['fma', 'fma'],
  __FMA4__: ['fma4', 'fma4'], __XOP__: ['xop', 'xop'], __F16C__: ['f16c', 'f16c'], __BMI__: ['bmi1', 'bmi'],
  __BMI2__: ['bmi2', 'bmi2'], __POPCNT__: ['popcnt', 'popcnt'], __LZCNT__: ['abm', 'lzcnt'], __ABM__: ['abm', 'abm'],
  __MOVBE__: ['movbe', 'movbe'], __SHA__: ['sha_ni', 'sha'], __AES__: ['aes', 'aes'], __PCLMUL__: ['pclmulqdq', 'pclmul'],
  __VAES__: ['vaes', 'vaes'], __VPCLMULQDQ__: ['vpclmulqdq', 'vpclmulqdq'], __GFNI__: ['gfni', 'gfni'], __ADX__: ['adx', 'adx'],
  __RDRND__: ['rdrand', 'rdrnd'], __RDSEED__: ['rdseed', 'rdseed'], __AVXVNNI__: ['avx_vnni', 'avxvnni'],
  __AVX512F__: ['avx512f', 'avx512f'], __AVX512DQ__: ['avx512dq', 'avx512dq'], __AVX512CD__: ['avx512cd', 'avx512cd'],
  __AVX512BW__: ['avx512bw', 'avx512bw'], __AVX512VL__: ['avx512vl', 'avx512vl'], __AVX512IFMA__: ['avx512ifma', 'avx512ifma'],
  __AVX512VBMI__: ['avx512vbmi', 'avx512vbmi'], __AVX512VBMI2__: ['avx512_vbmi2', 'avx512vbmi2'],
  __AVX512VNNI__: ['avx512_vnni', 'avx512vnni'], __AVX512BITALG__: ['avx512_bitalg', 'avx512bitalg'],
  __AVX512VPOPCNTDQ__: ['avx512_vpopcntdq', 'avx512vpopcntdq'], __AVX512BF16__: ['avx512_bf16', 'avx512bf16'],
  __AVX512FP16__: ['avx512_fp16', 'avx512fp16'],
};

/** The ISA macros `cc` predefines with the -m options among `flags`, or undefined when it cannot say. */
const isaMacros = (cc, flags) => {
  const r = spawnSync(cc, [...flags.filter((f) => f.startsWith('-m')), '-dM', '-E', '-x', 'c', '-'], { input: '', encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  return new Set(r.stdout.split('\n').map((l) => l.split(' ')[1]).filter(Boolean));
};

/** The CPU flags a build made by `cc` with `flags` relies on (from the compiler's predefined macros). */
export const targetFeatures = (cc, flags) => {
  const macros = isaMacros(cc, flags);
  if (!macros) return [];
  return [...new Set(Object.entries(FEATURE_FLAGS).filter(([m]) => macros.has(m)).map(([, [f]]) => f))].sort();
};

/**
 * The options (-mno-<name>) that turn off what `flags` enable but this CPU's /proc/cpuinfo does not list, so
 * that a build relies only on features the loader will find here. -march=native can assume more than the
 * operating system reports: seen on a VM of an AMD EPYC (family 26), where GCC 12 took -march=znver3, which
 * implies LZCNT (abm) and SSE4A, while the guest's cpuinfo lists neither; the build passed its bit-for-bit
 * check and the loader then refused it on the very machine that built it. [] where cpuinfo cannot be read.
 */
export const unlistedFeatureOptions = (cc, flags) => {
  const have = cpuFlags();
  const macros = have && isaMacros(cc, flags);
  if (!macros) return [];
  return [...new Set(Object.entries(FEATURE_FLAGS).filter(([m, [f]]) => macros.has(m) && !have.has(f)).map(([, [, opt]]) => `-mno-${opt}`))];
};

/** This CPU's flags (Linux, from /proc/cpuinfo), or undefined where they cannot be read. */
export const cpuFlags = () => {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => /^(flags|Features)\s*:/.test(l));
    return line ? new Set(line.split(':')[1].trim().split(/\s+/)) : undefined;
  } catch {
    return undefined;
  }
};

/** The machine a build is tied to. */
export const machine = () => ({ cpu: cpus()[0]?.model ?? '?', arch: arch(), platform: platform() });

/**
 * Why a build's record (build/build.json) makes it unusable on this machine with these sources, or undefined
 * when it is usable: the interface version, the sources' hash, platform and architecture, the bit-for-bit
 * check, and the CPU features it was compiled for (where /proc/cpuinfo tells this CPU's; elsewhere the CPU
 * model must be the build machine's).
 */
export const buildProblem = (record) => {
  if (record.abi !== NATIVE_ABI) return `built for interface version ${record.abi}, this egan needs ${NATIVE_ABI}`;
  if (record.sourceHash !== sourceHash()) return 'out of date (native/ changed since it was built)';
  const here = machine();
  if (record.arch !== here.arch || record.platform !== here.platform) return `built for ${record.platform}-${record.arch}, this is ${here.platform}-${here.arch}`;
  if (record.verified !== true) return 'its numbers were not verified against the JavaScript kernel';
  const flags = cpuFlags();
  if (flags && Array.isArray(record.features)) {
    const missing = record.features.filter((f) => !flags.has(f));
    if (missing.length) return `built for CPU features this CPU lacks (${missing.join(', ')}; built on ${record.cpu})`;
  } else if (record.cpu !== here.cpu) return `built on another CPU (${record.cpu})`;
  return undefined;
};
