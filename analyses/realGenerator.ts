/**
 * Does the effective model predict a real generator network? Real one-hidden-layer generators of growing
 * width against the effective model with their empirical NTK and its two-point fit, and mode collapse of
 * real generators whose bias scale sets g2/g1 against the effective two-point model.
 * `npx tsx analyses/realGenerator.ts [--quick] [--full]` prints the numbers and writes the figures under out/analyses/realGenerator.
 */
import { realGeneratorFigure } from '../src/index.ts';
import { runHeadline } from './headline.ts';

await runHeadline('realGenerator', realGeneratorFigure);
