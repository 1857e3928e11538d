/**
 * The `egan` command line (SPEC §7). Every command validates its input and
 * reports bad input as one line naming what was wrong (exit 2), a solve
 * failure with its status (exit 1), an interruption with 130; never a stack
 * trace for a user error.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, UsageError } from './io.ts';
import { runCommand } from './run.ts';

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
  .action(act((file: string, opts: { json?: boolean; out?: string }) => runCommand(file, opts)));

const main = async (): Promise<number> => {
  try {
    await program.parseAsync(process.argv);
    return action ? await action : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    if (e instanceof UsageError) { process.stderr.write(`egan: ${e.message}\n`); return EXIT.badInput; }
    process.stderr.write(`egan: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 70;
  }
};

main().then((code) => { process.exitCode = code; });
