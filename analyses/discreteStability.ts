/**
 * Headline result: the largest stable gradient-descent step, simultaneous and alternating, against lambda.
 * `npx tsx analyses/discreteStability.ts [--quick] [--full]` prints the numbers and writes the figures under out/analyses/discreteStability.
 */
import { discreteStabilityFigure } from '../src/index.ts';
import { runHeadline } from './headline.ts';

await runHeadline('discreteStability', discreteStabilityFigure);
