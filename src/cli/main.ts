/**
 * The `egan` command line. Every command validates its input and reports bad input as one line naming what
 * was wrong (exit 2), a solve failure with its status (exit 1), an interruption with 130; never a stack
 * trace for a user error. A command's module is loaded only when that command runs, so that start-up
 * (`egan --help`, `egan info`) costs little more than Node itself.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { EXIT, UsageError } from './exit.ts';
import { WorkerCrash } from '../experiments/crash.ts';

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const program = new Command();
program
  .name('egan')
  .description('Effective dynamics of GAN training: integrate, linearize and analyse training as an ODE over generator particles and critic parameters (Durr, Mroueh, Tu, Wang, Phys. Rev. X 13, 041004, 2023; the model: docs/model.md)')
  .version(version, '-V, --version', 'print the version')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

let action: Promise<number> | undefined;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const act = <A extends any[]>(f: (...a: A) => Promise<number>) => (...a: A) => { action = f(...a); };

/** The registered solver methods (loaded only when a help text asks for them). */
const solverHelp = async () => {
  const { solverEntries } = await import('../ode/solver.ts');
  await import('../ode/solvers/index.ts');
  return `\nSolver methods (config field solver.method):\n${solverEntries().map((e) => `  ${e.name.padEnd(8)} ${e.description}${e.adaptive ? '' : ' (needs solver.h)'}`).join('\n')}\n`;
};
let solverText = '';

program.command('run')
  .description('integrate one training run and print its status, stats and metrics')
  .argument('<config>', 'config JSON file')
  .option('--json', 'print { status, t, stats, final, metrics, warnings } as JSON')
  .option('--out <dir>', 'write trajectory (CSV, JSON), final state, metrics and the resolved config')
  .option('--threads <k>', 'threads for each right-hand side call (same numbers for any k; pays off for large N)', '1')
  .option('--on-crawl <what>', 'when an error-controlled solver crawls (relu kinks, stiffness): "warn" (go on) or "stop" (status crawl, exit 1)', 'warn')
  .option('--resume', 'go on from the checkpoint an interrupted or killed run left in --out DIR (fixed-step rk4 or euler; same numbers as an uninterrupted run)')
  .option('--checkpoint-every <s>', 'seconds of wall time between the checkpoints a fixed-step run writes into --out DIR', '60')
  .addHelpText('after', () => solverText)
  .action(act((file: string, opts: { json?: boolean; out?: string; threads?: string; onCrawl?: string; resume?: boolean; checkpointEvery?: string }) => import('./run.ts').then((m) => m.runCommand(file, opts))));

program.command('damp')
  .description('linearize at the equilibrium and print the damping table')
  .argument('<config>', 'config JSON file')
  .option('--json', 'print { modes, alpha, ... } as JSON')
  .option('--zero-tol <x>', 'relative tolerance below which |s| counts as a zero mode', String(1e-7))
  .option('--all', 'list zero modes too')
  .option('--out <dir>', 'also write damp.json, damp.csv (every mode) and damp.svg (the spectrum) into DIR')
  .action(act((file: string, o: { json?: boolean; zeroTol?: string; all?: boolean; out?: string }) => import('./analysis.ts').then((m) => m.dampCommand(file, o))));

program.command('critical')
  .description('the parameter value of fastest decay (argmin alpha) and where the least-damped pair turns real (zeta = 1)')
  .argument('<config>', 'config JSON file')
  .requiredOption('--param <path>', 'config field path, e.g. regularizer.lambda, etaD, kernel.g2')
  .requiredOption('--lo <a>', 'lower end of the scan')
  .requiredOption('--hi <b>', 'upper end of the scan')
  .option('--modes <set>', '"all" non-zero modes or the "collective" (rigid-translation) modes; default all for a linear critic, collective otherwise')
  .option('--grid <n>', 'scan points before refinement', '25')
  .option('--zero-tol <x>', 'relative zero-mode tolerance', String(1e-7))
  .option('--json', 'print JSON')
  .option('--out <dir>', 'also write critical.json, critical.csv (the scan) and critical.svg (alpha over the parameter) into DIR')
  .action(act((file: string, o: { param: string; lo: string; hi: string; json?: boolean; modes?: string; zeroTol?: string; grid?: string; out?: string }) => import('./analysis.ts').then((m) => m.criticalCommand(file, o))));

program.command('locus')
  .description('eigenvalues along a parameter, each branch followed by eigenvector overlap')
  .argument('<config>', 'config JSON file')
  .requiredOption('--param <path>', 'config field path')
  .requiredOption('--from <a>', 'first value')
  .requiredOption('--to <b>', 'last value')
  .requiredOption('--steps <n>', 'number of values (>= 2)')
  .option('--zero-tol <x>', 'relative zero-mode tolerance', String(1e-7))
  .option('--json', 'print JSON')
  .option('--out <dir>', 'also write locus.json, locus.csv (branch, value, re, im) and locus.svg (the branches in the complex plane) into DIR')
  .action(act((file: string, o: { param: string; from: string; to: string; steps: string; json?: boolean; zeroTol?: string; out?: string }) => import('./analysis.ts').then((m) => m.locusCommand(file, o))));

program.command('sweep')
  .description('run every cell of a sweep on a pool of worker threads; results.jsonl is appended as cells finish')
  .argument('<sweep>', 'sweep JSON file: { base, axes, rules?, seed?, seedMode?, tauEps? }')
  .option('--workers <k>', 'worker threads (default: the number of cores)')
  .option('--shard <i/n>', 'run only the i-th of n disjoint parts (cells with index % n = i - 1)')
  .option('--resume', 'skip the cells already in DIR/results.jsonl; cells stopped on the way go on from their checkpoints')
  .option('--out <dir>', 'output folder', 'out/sweep')
  .option('--on-crawl <what>', 'a cell whose error-controlled solver crawls: "warn" (it runs on) or "stop" (recorded with status crawl at once)', 'warn')
  .option('--checkpoint-every <s>', 'seconds of wall time between the checkpoints of a running fixed-step cell (DIR/.egan-checkpoints)', '60')
  .action(act((file: string, o: { workers?: string; shard?: string; resume?: boolean; out?: string; onCrawl?: string; checkpointEvery?: string }) => import('./sweep.ts').then((m) => m.sweepCommand(file, o))));

program.command('merge')
  .description('join the results of sweep shards, checking for missing and duplicated cells')
  .argument('<dirs...>', 'shard output folders')
  .requiredOption('--out <dir>', 'folder for the merged results')
  .option('--sweep <file>', 'the sweep spec, to list missing cells')
  .action(act((dirs: string[], o: { out: string; sweep?: string }) => import('./sweep.ts').then((m) => m.mergeCommand(dirs, o))));

program.command('phase')
  .description("the mode-collapse phase diagram (metrics over g2/g1 x etaD/etaG, a panel per activation) of a sweep's results")
  .argument('<dir>', 'the --out folder of egan sweep or egan merge (sweep.resolved.json, results.jsonl)')
  .option('--out <file>', 'SVG file to write (default: DIR/phase.svg)')
  .option('--metric <names>', 'metrics to draw, comma-separated (default: modesCoveredFraction,collapseScore for rings; digitsHit,entropyGap for point-cloud targets)')
  .action(act((dir: string, o: { out?: string; metric?: string }) => import('./phase.ts').then((m) => m.phaseCommand(dir, o))));

program.command('plot')
  .description("one SVG of a run: its particles at the first, middle and last saved time over the target, and its metrics over time")
  .argument('<dir>', 'the --out folder of egan run (config.resolved.json, trajectory.json, metrics.csv)')
  .option('--out <file>', 'SVG file to write (default: DIR/run.svg)')
  .action(act((dir: string, o: { out?: string }) => import('./plot.ts').then((m) => m.plotCommand(dir, o))));

program.command('eval')
  .description('the metrics of a particle cloud from a file (.npy, .npy.gz, CSV, JSON, an egan run\'s final.json) against the target of a config')
  .argument('<particles>', 'file of points, one per row')
  .requiredOption('--target <config>', 'config file whose target (and seed) the particles are measured against')
  .option('--json', 'print JSON')
  .action(act((file: string, o: { target: string; json?: boolean }) => import('./eval.ts').then((m) => m.evalCommand(file, o))));

program.command('ntk')
  .description("the empirical NTK of a config's generator at initialization: two-point fit, residual, spectrum, and their change with width")
  .argument('<config>', 'config JSON file with a generator')
  .option('--widths <list>', 'hidden widths to compare, comma-separated (every hidden layer at that width)')
  .option('--json', 'print JSON')
  .action(act((file: string, o: { json?: boolean; widths?: string }) => import('./ntk.ts').then((m) => m.ntkCommand(file, o))));

program.command('compare')
  .description('a real generator against the effective model with its empirical NTK and with the two-point fit, from the same start')
  .argument('<config>', 'config JSON file with a generator')
  .option('--json', 'print JSON')
  .option('--out <dir>', 'write compare.json, compare.csv and compare.svg')
  .action(act((file: string, o: { json?: boolean; out?: string }) => import('./compare.ts').then((m) => m.compareCommand(file, o))));

program.command('schema')
  .description('the config reference: its JSON Schema (default) or, with --markdown, the tables of docs/config.md')
  .option('--markdown', 'print the Markdown reference')
  .action(act((o: { markdown?: boolean }) => import('./schema.ts').then((m) => m.schemaCommand(o))));

program.command('info')
  .description('the machine, Node and whether the native kernel is in use (and why not): speed only, the numbers are the same')
  .option('--json', 'print JSON')
  .action(act((o: { json?: boolean }) => import('./info.ts').then((m) => m.infoCommand(o))));

program.command('report')
  .description('run the default analyses and write an HTML report with SVG plots and the data as CSV/JSON')
  .option('--out <dir>', 'output folder', 'out')
  .option('--quick', 'a small, fast version (for tests)')
  .option('--full', 'the full mode-collapse grid and horizon (long)')
  .option('--workers <k>', 'worker threads for the phase diagram (default: the number of cores)')
  .action(act((o: { out?: string; quick?: boolean; full?: boolean; workers?: string }) => import('./report.ts').then((m) => m.reportCommand(o))));

const main = async (): Promise<number> => {
  try {
    const args = process.argv.slice(2);
    if (args.includes('--help') || args.includes('-h') || args[0] === 'help') solverText = await solverHelp();
    await program.parseAsync(process.argv);
    return action ? await action : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    if (e instanceof UsageError) { process.stderr.write(`egan: ${e.message}\n`); return EXIT.badInput; }
    if (e instanceof WorkerCrash) { process.stderr.write(`egan: ${e.message}\n`); return EXIT.internal; }
    process.stderr.write(`egan: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.internal;
  }
};

// A reader that stops early (`egan … | head`) is a normal end: exit 0, nothing more printed.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
}

main().then((code) => { process.exitCode = code; });
