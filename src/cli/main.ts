/**
 * The `egan` command line (SPEC §7). Every command validates its input and
 * reports bad input as one line naming what was wrong (exit 2), a solve
 * failure with its status (exit 1), an interruption with 130; never a stack
 * trace for a user error.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, UsageError } from './io.ts';
import { runCommand } from './run.ts';
import { criticalCommand, dampCommand, locusCommand } from './analysis.ts';
import { mergeCommand, sweepCommand } from './sweep.ts';
import { WorkerCrash } from '../experiments/pool.ts';

const program = new Command();
program
  .name('egan')
  .description('Effective dynamics of GAN training: integrate, linearize and analyse training as an ODE (SPEC: Durr, Mroueh, Tu, Wang, PRX 13, 041004, 2023)')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s) });

let action: Promise<number> | undefined;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const act = <A extends any[]>(f: (...a: A) => Promise<number>) => (...a: A) => { action = f(...a); };

program.command('run')
  .description('integrate one training run and print its status, stats and metrics')
  .argument('<config>', 'config JSON file (SPEC §7)')
  .option('--json', 'print the SPEC §7 JSON object')
  .option('--out <dir>', 'write trajectory (CSV, JSON), final state, metrics and the resolved config')
  .option('--threads <k>', 'threads for each right-hand side call (same numbers for any k; pays off for large N)', '1')
  .action(act((file: string, opts: { json?: boolean; out?: string; threads?: string }) => runCommand(file, opts)));

program.command('damp')
  .description('linearize at the equilibrium and print the damping table (SPEC §4)')
  .argument('<config>', 'config JSON file')
  .option('--json', 'print { modes, alpha, ... } as JSON')
  .option('--zero-tol <x>', 'relative tolerance below which |s| counts as a zero mode', String(1e-7))
  .option('--all', 'list zero modes too')
  .action(act((file: string, o: { json?: boolean; zeroTol?: string; all?: boolean }) => dampCommand(file, o)));

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
  .action(act((file: string, o: { param: string; lo: string; hi: string; json?: boolean; modes?: string; zeroTol?: string; grid?: string }) => criticalCommand(file, o)));

program.command('locus')
  .description('eigenvalues along a parameter, each branch followed by eigenvector overlap')
  .argument('<config>', 'config JSON file')
  .requiredOption('--param <path>', 'config field path')
  .requiredOption('--from <a>', 'first value')
  .requiredOption('--to <b>', 'last value')
  .requiredOption('--steps <n>', 'number of values (>= 2)')
  .option('--zero-tol <x>', 'relative zero-mode tolerance', String(1e-7))
  .option('--json', 'print JSON')
  .action(act((file: string, o: { param: string; from: string; to: string; steps: string; json?: boolean; zeroTol?: string }) => locusCommand(file, o)));

program.command('sweep')
  .description('run every cell of a sweep on a pool of worker threads; results.jsonl is appended as cells finish')
  .argument('<sweep>', 'sweep JSON file: { base, axes, rules?, seed?, seedMode?, tauEps? }')
  .option('--workers <k>', 'worker threads (default: the number of cores)')
  .option('--shard <i/n>', 'run only the i-th of n disjoint parts (cells with index % n = i - 1)')
  .option('--resume', 'skip the cells already in DIR/results.jsonl')
  .option('--out <dir>', 'output folder', 'out/sweep')
  .action(act((file: string, o: { workers?: string; shard?: string; resume?: boolean; out?: string }) => sweepCommand(file, o)));

program.command('merge')
  .description('join the results of sweep shards, checking for missing and duplicated cells')
  .argument('<dirs...>', 'shard output folders')
  .requiredOption('--out <dir>', 'folder for the merged results')
  .option('--sweep <file>', 'the sweep spec, to list missing cells')
  .action(act((dirs: string[], o: { out: string; sweep?: string }) => mergeCommand(dirs, o)));

program.command('phase')
  .description('the SPEC §6.3 phase diagram (modes covered / K and collapse score over g2/g1 x etaD, a panel per activation) of a sweep\'s results')
  .argument('<dir>', 'the --out folder of egan sweep or egan merge (sweep.resolved.json, results.jsonl)')
  .option('--out <file>', 'SVG file to write (default: DIR/phase.svg)')
  .action(act((dir: string, o: { out?: string }) => import('./phase.ts').then((m) => m.phaseCommand(dir, o))));

program.command('info')
  .description('the machine, Node and whether the native kernel is in use (and why not): speed only, the numbers are the same')
  .option('--json', 'print JSON')
  .action(act((o: { json?: boolean }) => import('./info.ts').then((m) => m.infoCommand(o))));

program.command('report')
  .description('run the default analyses (SPEC §6) and write an HTML report with SVG plots and the data as CSV/JSON')
  .option('--out <dir>', 'output folder', 'out')
  .option('--quick', 'a small, fast version (for tests)')
  .option('--full', 'the full SPEC §6.3 grid and horizon (long)')
  .option('--workers <k>', 'worker threads for the phase diagram (default: the number of cores)')
  .action(act((o: { out?: string; quick?: boolean; full?: boolean; workers?: string }) => import('./report.ts').then((m) => m.reportCommand(o))));

const main = async (): Promise<number> => {
  try {
    await program.parseAsync(process.argv);
    return action ? await action : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    if (e instanceof UsageError) { process.stderr.write(`egan: ${e.message}\n`); return EXIT.badInput; }
    if (e instanceof WorkerCrash) { process.stderr.write(`egan: ${e.message}\n`); return 70; }
    process.stderr.write(`egan: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 70;
  }
};

main().then((code) => { process.exitCode = code; });
