/**
 * The free identifiers of a function's source text: names it uses that are neither its own (parameters,
 * locals, inner functions) nor globals of ES2022. Found by TypeScript's checker on the source as JavaScript
 * ("Cannot find name" diagnostics), so a factory that specialise() recompiles from its source can be checked
 * to be self-contained, with the offending name in the message.
 */
import ts from 'typescript';

export const freeIdentifiers = (f: (...args: never[]) => unknown): string[] => {
  const name = 'factory.js';
  // __name is the identity specialise passes in (tsx/esbuild's keepNames wrapper).
  const text = `const __name = (f) => f;\nexport const factory = (${f.toString()});\n`;
  const options: ts.CompilerOptions = { allowJs: true, checkJs: true, noEmit: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts'], types: [], noLib: false };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (file, lang, ...rest) => (file === name ? ts.createSourceFile(file, text, lang) : read(file, lang, ...rest));
  host.fileExists = ((exists) => (file: string) => file === name || exists(file))(host.fileExists.bind(host));
  const program = ts.createProgram([name], options, host);
  const out = new Set<string>();
  for (const d of program.getSemanticDiagnostics(program.getSourceFile(name))) {
    if (d.code !== 2304 && d.code !== 2552) continue; // Cannot find name 'x'. (Did you mean 'y'?)
    const m = /Cannot find name '([^']+)'/.exec(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    if (m) out.add(m[1]);
  }
  return [...out].sort();
};
