/**
 * `egan schema [--markdown]`: the config's JSON Schema (for editors and validators: every field with its type,
 * bounds, default and meaning), or the same as the Markdown tables of docs/config.md.
 */
import { configJsonSchema, configReference } from '../model/configReference.ts';
import { EXIT } from './io.ts';

export const schemaCommand = async (opts: { markdown?: boolean }): Promise<number> => {
  process.stdout.write(opts.markdown ? configReference() : JSON.stringify(configJsonSchema(), null, 2) + '\n');
  return EXIT.ok;
};
