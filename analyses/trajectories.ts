/**
 * Headline result: integrated runs under-, critically and over-damped, against the closed form.
 * `npx tsx analyses/trajectories.ts [--quick] [--full]` prints the numbers and writes the figures under out/analyses/trajectories.
 */
import { trajectoriesFigure } from '../src/index.ts';
import { runHeadline } from './headline.ts';

await runHeadline('trajectories', trajectoriesFigure);
