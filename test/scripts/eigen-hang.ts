/** Decomposes the Dirac-GAN Jacobian at lambda = 0 (the matrix that made ml-matrix loop forever) and prints its spectrum. */
import * as E from 'fp-ts/lib/Either.js';
import { linearized } from '../helpers/configs.ts';
import { parseConfig, buildModel, findEquilibrium, formatError } from '../../src/index.ts';
const c = parseConfig({ seed: 0, target: { kind: 'ring', samples: 64 }, particles: { n: 8 }, critic: { kind: 'linear' }, regularizer: { kind: 'grad2-fake', lambda: 0 } });
if (E.isLeft(c)) throw new Error('config');
const m = buildModel(c.right);
const eq = findEquilibrium(m);
if (E.isLeft(eq)) throw new Error(formatError(eq.left));
const lin = linearized(m, eq.right.u);
console.log(JSON.stringify({ zeroModes: lin.zeroModes, modes: lin.table.filter((r) => r.kind === 'mode').map((r) => [r.re, r.im]) }));
