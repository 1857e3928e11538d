/**
 * Headline result: the mode-collapse phase diagram over g2/g1 and etaD/etaG, per activation.
 * `npx tsx analyses/modeCollapse.ts [--quick] [--full]` prints the numbers and writes the figures under out/analyses/modeCollapse.
 */
import { modeCollapseFigure } from '../src/index.ts';
import { runHeadline } from './headline.ts';

await runHeadline('modeCollapse', modeCollapseFigure);
