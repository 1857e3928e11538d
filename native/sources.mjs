/**
 * The native kernel's sources and the hash that ties a build to them: build.mjs
 * records it in build/build.json, and src/model/native.ts uses a build only
 * while the sources still hash the same (a `git pull` that changes them makes
 * the old build stale until `npm run native` or `npm install` rebuilds it).
 * Plain JavaScript: build.mjs runs under plain node at install time.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
export const NATIVE_SOURCES = ['oneLayer.h', 'oneLayer.c', 'team.h', 'team.c', 'binding.c'];

/** sha256 over the sources' names and contents. */
export const sourceHash = () => {
  const h = createHash('sha256');
  for (const f of NATIVE_SOURCES) h.update(f).update('\0').update(readFileSync(join(NATIVE_DIR, f))).update('\0');
  return h.digest('hex');
};
