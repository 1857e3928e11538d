/**
 * Headline result: critical damping with a linear critic (alpha(lambda) peaks at lambda_c = sqrt(etaG gbar / etaD); tau_eps V-shaped).
 * `npx tsx analyses/criticalDamping.ts [--quick] [--full]` prints the numbers and writes the figures under out/analyses/criticalDamping.
 */
import { criticalDampingFigure } from '../src/index.ts';
import { runHeadline } from './headline.ts';

await runHeadline('criticalDamping', criticalDampingFigure);
