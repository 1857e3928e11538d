/**
 * A fresh compilation of a self-contained function: `specialise(f)` evaluates
 * f's source text again (new Function), so the copy and every closure it
 * creates get their own compiled code. V8 specialises code to the one closure
 * instance it has seen (captured constants and arrays become constants of the
 * machine code), which stops once a second instance exists; a fresh copy per
 * model keeps that for every model (the technique of code-generating
 * libraries such as ajv). f must refer to nothing but its parameters and
 * globals; the copy computes exactly what f computes. Where the source cannot
 * be evaluated (a transform that breaks it, a runtime without eval), f itself
 * is returned.
 */
export const specialise = <F extends (...args: never[]) => unknown>(f: F): F => {
  try {
    // tsx (esbuild keepNames) wraps inner functions in __name(fn, "name"): an identity stands in for it.
    const g: unknown = new Function('__name', `"use strict"; return (${f.toString()});`)((fn: unknown) => fn);
    return typeof g === 'function' ? (g as F) : f;
  } catch {
    return f;
  }
};
