/**
 * The `egan` command line. Every command validates its input and reports bad input as one line naming what
 * was wrong (exit 2), a solve failure with its status (exit 1), an interruption with 130; never a stack
 * trace for a user error. A command's module is loaded only when that command runs, so that start-up
 * (`egan --help`, `egan info`) costs little more than Node itself.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { EXIT, UsageError } from "./exit.js";
import { WorkerCrash } from "../experiments/crash.js";
const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
const program = new Command();
program
    .name('egan')
    .description('Effective dynamics of GAN training: integrate, linearize and analyse training as an ODE over generator particles and critic parameters (Durr, Mroueh, Tu, Wang, Phys. Rev. X 13, 041004, 2023; the model: docs/model.md)')
    .version(version, '-V, --version', 'print the version')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
let action;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const act = (f) => (...a) => { action = f(...a); };
/** The registered solver methods (loaded only when a help text asks for them). */
const solverHelp = async () => {
    const { solverEntries } = await import("../ode/solver.js");
    await import("../ode/solvers/index.js");
    return `\nSolver methods (config field solver.method):\n${solverEntries().map((e) => `  ${e.name.padEnd(8)} ${e.description}${e.adaptive ? '' : ' (needs solver.h)'}`).join('\n')}\n`;
};
let solverText = '';
program.command('run')
    .description('integrate one training run and print its status, stats and metrics')
    .argument('<config>', 'config JSON file')
    .option('--json', 'print { status, t, stats, final, metrics, warnings } as JSON')
    .option('--out <dir>', 'write trajectory (CSV, JSON), final state, metrics and the resolved config')
    .option('--threads <k>', 'threads for each right-hand side call (same numbers for any k; pays off for large N)', '1')
    .addHelpText('after', () => solverText)
    .action(act((file, opts) => import("./run.js").then((m) => m.runCommand(file, opts))));
program.command('damp')
    .description('linearize at the equilibrium and print the damping table')
    .argument('<config>', 'config JSON file')
    .option('--json', 'print { modes, alpha, ... } as JSON')
    .option('--zero-tol <x>', 'relative tolerance below which |s| counts as a zero mode', String(1e-7))
    .option('--all', 'list zero modes too')
    .action(act((file, o) => import("./analysis.js").then((m) => m.dampCommand(file, o))));
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
    .action(act((file, o) => import("./analysis.js").then((m) => m.criticalCommand(file, o))));
program.command('locus')
    .description('eigenvalues along a parameter, each branch followed by eigenvector overlap')
    .argument('<config>', 'config JSON file')
    .requiredOption('--param <path>', 'config field path')
    .requiredOption('--from <a>', 'first value')
    .requiredOption('--to <b>', 'last value')
    .requiredOption('--steps <n>', 'number of values (>= 2)')
    .option('--zero-tol <x>', 'relative zero-mode tolerance', String(1e-7))
    .option('--json', 'print JSON')
    .action(act((file, o) => import("./analysis.js").then((m) => m.locusCommand(file, o))));
program.command('sweep')
    .description('run every cell of a sweep on a pool of worker threads; results.jsonl is appended as cells finish')
    .argument('<sweep>', 'sweep JSON file: { base, axes, rules?, seed?, seedMode?, tauEps? }')
    .option('--workers <k>', 'worker threads (default: the number of cores)')
    .option('--shard <i/n>', 'run only the i-th of n disjoint parts (cells with index % n = i - 1)')
    .option('--resume', 'skip the cells already in DIR/results.jsonl')
    .option('--out <dir>', 'output folder', 'out/sweep')
    .action(act((file, o) => import("./sweep.js").then((m) => m.sweepCommand(file, o))));
program.command('merge')
    .description('join the results of sweep shards, checking for missing and duplicated cells')
    .argument('<dirs...>', 'shard output folders')
    .requiredOption('--out <dir>', 'folder for the merged results')
    .option('--sweep <file>', 'the sweep spec, to list missing cells')
    .action(act((dirs, o) => import("./sweep.js").then((m) => m.mergeCommand(dirs, o))));
program.command('phase')
    .description("the mode-collapse phase diagram (modes covered / K and collapse score over g2/g1 x etaD, a panel per activation) of a sweep's results")
    .argument('<dir>', 'the --out folder of egan sweep or egan merge (sweep.resolved.json, results.jsonl)')
    .option('--out <file>', 'SVG file to write (default: DIR/phase.svg)')
    .action(act((dir, o) => import("./phase.js").then((m) => m.phaseCommand(dir, o))));
program.command('info')
    .description('the machine, Node and whether the native kernel is in use (and why not): speed only, the numbers are the same')
    .option('--json', 'print JSON')
    .action(act((o) => import("./info.js").then((m) => m.infoCommand(o))));
program.command('report')
    .description('run the default analyses and write an HTML report with SVG plots and the data as CSV/JSON')
    .option('--out <dir>', 'output folder', 'out')
    .option('--quick', 'a small, fast version (for tests)')
    .option('--full', 'the full mode-collapse grid and horizon (long)')
    .option('--workers <k>', 'worker threads for the phase diagram (default: the number of cores)')
    .action(act((o) => import("./report.js").then((m) => m.reportCommand(o))));
const main = async () => {
    try {
        const args = process.argv.slice(2);
        if (args.includes('--help') || args.includes('-h') || args[0] === 'help')
            solverText = await solverHelp();
        await program.parseAsync(process.argv);
        return action ? await action : EXIT.ok;
    }
    catch (e) {
        if (e instanceof CommanderError)
            return e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
        if (e instanceof UsageError) {
            process.stderr.write(`egan: ${e.message}\n`);
            return EXIT.badInput;
        }
        if (e instanceof WorkerCrash) {
            process.stderr.write(`egan: ${e.message}\n`);
            return EXIT.internal;
        }
        process.stderr.write(`egan: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
        return EXIT.internal;
    }
};
main().then((code) => { process.exitCode = code; });
//# sourceMappingURL=main.js.map