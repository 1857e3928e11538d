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
 *
 * Every copy's source ends in its own comment: V8 caches `new Function` by
 * source text and gives identical source the same feedback, so without it
 * every model after the first in a process shared one unspecialised code
 * again (measured on models built in sequence, relu MLP [64], 512 samples:
 * N = 16,384 at 30-34 ms per call instead of 15 ms, N = 1,024 at 2.3 ms
 * instead of 1.2 ms; a sweep builds one model per cell).
 */
let copies = 0;
export const specialise = (f) => {
    try {
        // tsx (esbuild keepNames) wraps inner functions in __name(fn, "name"): an identity stands in for it.
        const g = new Function('__name', `"use strict"; return (${f.toString()}); // copy ${++copies}`)((fn) => fn);
        return typeof g === 'function' ? g : f;
    }
    catch {
        return f;
    }
};
//# sourceMappingURL=specialise.js.map