/**
 * Headline result: critical damping with an MLP critic (collective modes), against the linear prediction.
 * `npx tsx analyses/mlpCritical.ts [--quick] [--full]` prints the numbers and writes the figures under out/analyses/mlpCritical.
 */
import { mlpCriticalFigure } from '../src/index.ts';
import { runHeadline } from './headline.ts';

await runHeadline('mlpCritical', mlpCriticalFigure);
