/**
 * `node dist/model/nativeVerifyMain.js MODULE` (or with tsx on the sources): run by native/build.mjs on a
 * freshly compiled native kernel. Prints one line; exit 0 when it equals the JavaScript kernel bit for bit,
 * 1 otherwise (the build is then not recorded as usable), 2 without a module path.
 */
import * as E from 'fp-ts/lib/Either.js';
import { verifyNative } from './nativeVerify.ts';

const file = process.argv[2];
if (!file) { console.log('usage: nativeVerifyMain MODULE'); process.exit(2); }
const r = verifyNative(file);
console.log(`verify: ${E.isLeft(r) ? r.left : r.right}`);
process.exitCode = E.isLeft(r) ? 1 : 0;
