/**
 * The run config of SPEC §7, validated with zod. Every field but `target`
 * and `particles.n` has a default; unknown fields and bad values are errors
 * that name the field path, the value and what was expected, in one line.
 *
 * Choices where the SPEC is silent (documented here and in the README):
 * - `target.dim` (default 2) sets d for `ring`/`grid`/`gaussian`; ring and
 *   grid modes lie in the first two coordinates, other coordinates carry noise only.
 * - `grid`: `side` k (K = k^2 modes, default 5), `spacing` (default 0.5), centred at 0.
 * - `ring` / `grid` samples are assigned to modes round-robin (sample m to
 *   mode m mod K), so the target is exactly balanced; positions are centre + std * N(0, I).
 * - `kernel.ntk`: `latentDim` (default 64) and `scale` (default 1); K is divided by
 *   latentDim so that g1 ~ scale.
 * - `solver.method` "rk4" / "euler" take `h`; adaptive methods take rtol/atol.
 */
import { z } from 'zod';
import * as E from 'fp-ts/lib/Either.js';
import '../ode/solvers/index.js';
export declare const ACTIVATIONS: readonly ["relu", "leaky_relu", "tanh", "sigmoid", "softplus", "sin"];
export type Activation = (typeof ACTIVATIONS)[number];
export declare const TargetSchema: z.ZodDiscriminatedUnion<[z.ZodObject<{
    kind: z.ZodLiteral<"ring">;
    modes: z.ZodDefault<z.ZodInt>;
    radius: z.ZodDefault<z.ZodNumber>;
    std: z.ZodDefault<z.ZodNumber>;
    samples: z.ZodDefault<z.ZodInt>;
    dim: z.ZodDefault<z.ZodInt>;
}, z.core.$strict>, z.ZodObject<{
    kind: z.ZodLiteral<"grid">;
    side: z.ZodDefault<z.ZodInt>;
    spacing: z.ZodDefault<z.ZodNumber>;
    std: z.ZodDefault<z.ZodNumber>;
    samples: z.ZodDefault<z.ZodInt>;
    dim: z.ZodDefault<z.ZodInt>;
}, z.core.$strict>, z.ZodObject<{
    kind: z.ZodLiteral<"gaussian">;
    mean: z.ZodDefault<z.ZodUnion<readonly [z.ZodNumber, z.ZodArray<z.ZodNumber>]>>;
    std: z.ZodDefault<z.ZodNumber>;
    samples: z.ZodDefault<z.ZodInt>;
    dim: z.ZodDefault<z.ZodInt>;
}, z.core.$strict>, z.ZodObject<{
    kind: z.ZodLiteral<"points">;
    points: z.ZodArray<z.ZodArray<z.ZodNumber>>;
    weights: z.ZodOptional<z.ZodArray<z.ZodNumber>>;
}, z.core.$strict>], "kind">;
export declare const ParticlesSchema: z.ZodObject<{
    n: z.ZodInt;
    init: z.ZodPrefault<z.ZodDiscriminatedUnion<[z.ZodObject<{
        kind: z.ZodLiteral<"gaussian">;
        mean: z.ZodDefault<z.ZodUnion<readonly [z.ZodNumber, z.ZodArray<z.ZodNumber>]>>;
        std: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>, z.ZodObject<{
        kind: z.ZodLiteral<"points">;
        points: z.ZodArray<z.ZodArray<z.ZodNumber>>;
    }, z.core.$strict>], "kind">>;
}, z.core.$strict>;
export declare const KernelSchema: z.ZodDiscriminatedUnion<[z.ZodObject<{
    kind: z.ZodLiteral<"two-point">;
    g1: z.ZodDefault<z.ZodNumber>;
    g2: z.ZodDefault<z.ZodNumber>;
}, z.core.$strict>, z.ZodObject<{
    kind: z.ZodLiteral<"matrix">;
    matrix: z.ZodArray<z.ZodArray<z.ZodNumber>>;
}, z.core.$strict>, z.ZodObject<{
    kind: z.ZodLiteral<"ntk">;
    latentDim: z.ZodDefault<z.ZodInt>;
    scale: z.ZodDefault<z.ZodNumber>;
}, z.core.$strict>], "kind">;
export declare const CriticSchema: z.ZodDiscriminatedUnion<[z.ZodObject<{
    kind: z.ZodLiteral<"mlp">;
    hidden: z.ZodDefault<z.ZodArray<z.ZodInt>>;
    activation: z.ZodDefault<z.ZodEnum<{
        relu: "relu";
        leaky_relu: "leaky_relu";
        tanh: "tanh";
        sigmoid: "sigmoid";
        softplus: "softplus";
        sin: "sin";
    }>>;
    beta: z.ZodDefault<z.ZodNumber>;
}, z.core.$strict>, z.ZodObject<{
    kind: z.ZodLiteral<"linear">;
}, z.core.$strict>], "kind">;
/**
 * The solver field: the methods and their defaults come from the solver registry (ode/solver.ts), so a
 * registered method is a valid config value. Error-controlled methods take rtol, atol and maxSteps,
 * fixed-step ones a step h and maxSteps.
 */
declare const solverSchemaFor: (adaptive: readonly string[], fixed: readonly string[]) => z.ZodDiscriminatedUnion<[z.ZodObject<{
    method: z.ZodEnum<{
        [x: string]: string;
    }>;
    rtol: z.ZodDefault<z.ZodNumber>;
    atol: z.ZodDefault<z.ZodNumber>;
    maxSteps: z.ZodDefault<z.ZodInt>;
}, z.core.$strict>, z.ZodObject<{
    method: z.ZodEnum<{
        [x: string]: string;
    }>;
    h: z.ZodNumber;
    maxSteps: z.ZodDefault<z.ZodInt>;
}, z.core.$strict>], "method">;
export declare const RegularizerSchema: z.ZodObject<{
    kind: z.ZodDefault<z.ZodEnum<{
        "grad2-fake": "grad2-fake";
        "grad2-real": "grad2-real";
        "gp-fake": "gp-fake";
    }>>;
    lambda: z.ZodDefault<z.ZodNumber>;
}, z.core.$strict>;
declare const configSchemaFor: (solver: ReturnType<typeof solverSchemaFor>) => z.ZodObject<{
    seed: z.ZodDefault<z.ZodInt>;
    target: z.ZodDiscriminatedUnion<[z.ZodObject<{
        kind: z.ZodLiteral<"ring">;
        modes: z.ZodDefault<z.ZodInt>;
        radius: z.ZodDefault<z.ZodNumber>;
        std: z.ZodDefault<z.ZodNumber>;
        samples: z.ZodDefault<z.ZodInt>;
        dim: z.ZodDefault<z.ZodInt>;
    }, z.core.$strict>, z.ZodObject<{
        kind: z.ZodLiteral<"grid">;
        side: z.ZodDefault<z.ZodInt>;
        spacing: z.ZodDefault<z.ZodNumber>;
        std: z.ZodDefault<z.ZodNumber>;
        samples: z.ZodDefault<z.ZodInt>;
        dim: z.ZodDefault<z.ZodInt>;
    }, z.core.$strict>, z.ZodObject<{
        kind: z.ZodLiteral<"gaussian">;
        mean: z.ZodDefault<z.ZodUnion<readonly [z.ZodNumber, z.ZodArray<z.ZodNumber>]>>;
        std: z.ZodDefault<z.ZodNumber>;
        samples: z.ZodDefault<z.ZodInt>;
        dim: z.ZodDefault<z.ZodInt>;
    }, z.core.$strict>, z.ZodObject<{
        kind: z.ZodLiteral<"points">;
        points: z.ZodArray<z.ZodArray<z.ZodNumber>>;
        weights: z.ZodOptional<z.ZodArray<z.ZodNumber>>;
    }, z.core.$strict>], "kind">;
    particles: z.ZodObject<{
        n: z.ZodInt;
        init: z.ZodPrefault<z.ZodDiscriminatedUnion<[z.ZodObject<{
            kind: z.ZodLiteral<"gaussian">;
            mean: z.ZodDefault<z.ZodUnion<readonly [z.ZodNumber, z.ZodArray<z.ZodNumber>]>>;
            std: z.ZodDefault<z.ZodNumber>;
        }, z.core.$strict>, z.ZodObject<{
            kind: z.ZodLiteral<"points">;
            points: z.ZodArray<z.ZodArray<z.ZodNumber>>;
        }, z.core.$strict>], "kind">>;
    }, z.core.$strict>;
    kernel: z.ZodPrefault<z.ZodDiscriminatedUnion<[z.ZodObject<{
        kind: z.ZodLiteral<"two-point">;
        g1: z.ZodDefault<z.ZodNumber>;
        g2: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>, z.ZodObject<{
        kind: z.ZodLiteral<"matrix">;
        matrix: z.ZodArray<z.ZodArray<z.ZodNumber>>;
    }, z.core.$strict>, z.ZodObject<{
        kind: z.ZodLiteral<"ntk">;
        latentDim: z.ZodDefault<z.ZodInt>;
        scale: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>], "kind">>;
    critic: z.ZodPrefault<z.ZodDiscriminatedUnion<[z.ZodObject<{
        kind: z.ZodLiteral<"mlp">;
        hidden: z.ZodDefault<z.ZodArray<z.ZodInt>>;
        activation: z.ZodDefault<z.ZodEnum<{
            relu: "relu";
            leaky_relu: "leaky_relu";
            tanh: "tanh";
            sigmoid: "sigmoid";
            softplus: "softplus";
            sin: "sin";
        }>>;
        beta: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>, z.ZodObject<{
        kind: z.ZodLiteral<"linear">;
    }, z.core.$strict>], "kind">>;
    theta: z.ZodOptional<z.ZodArray<z.ZodNumber>>;
    loss: z.ZodDefault<z.ZodEnum<{
        wgan: "wgan";
        nsgan: "nsgan";
    }>>;
    regularizer: z.ZodPrefault<z.ZodObject<{
        kind: z.ZodDefault<z.ZodEnum<{
            "grad2-fake": "grad2-fake";
            "grad2-real": "grad2-real";
            "gp-fake": "gp-fake";
        }>>;
        lambda: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>>;
    weightDecay: z.ZodDefault<z.ZodNumber>;
    etaG: z.ZodDefault<z.ZodNumber>;
    etaD: z.ZodDefault<z.ZodNumber>;
    t1: z.ZodDefault<z.ZodNumber>;
    solver: z.ZodPrefault<z.ZodDiscriminatedUnion<[z.ZodObject<{
        method: z.ZodEnum<{
            [x: string]: string;
        }>;
        rtol: z.ZodDefault<z.ZodNumber>;
        atol: z.ZodDefault<z.ZodNumber>;
        maxSteps: z.ZodDefault<z.ZodInt>;
    }, z.core.$strict>, z.ZodObject<{
        method: z.ZodEnum<{
            [x: string]: string;
        }>;
        h: z.ZodNumber;
        maxSteps: z.ZodDefault<z.ZodInt>;
    }, z.core.$strict>], "method">>;
    saveAt: z.ZodPrefault<z.ZodObject<{
        n: z.ZodDefault<z.ZodInt>;
    }, z.core.$strict>>;
}, z.core.$strict>;
/** A config with every default filled in. */
export type Config = z.infer<ReturnType<typeof configSchemaFor>>;
/** What a user may write: defaults optional. */
export type ConfigInput = z.input<ReturnType<typeof configSchemaFor>>;
/** The config schema (zod) for the solvers registered now: rebuilt when the solver registry changes. */
export declare const configSchema: () => ReturnType<typeof configSchemaFor>;
export interface ConfigError {
    readonly _tag: 'ConfigError';
    /** The field path, dot-separated ("particles.n", "kernel.matrix.3"); "(root)" for the whole config. */
    readonly path: string;
    readonly value: unknown;
    readonly expected: string;
}
export declare const formatConfigError: (e: ConfigError) => string;
/** The dimension d of output space implied by the target. */
export declare const targetDim: (t: Config["target"]) => number;
/** Number of critic parameters p for output dimension d (SPEC §1 layout). */
export declare const criticParamCount: (c: Config["critic"], d: number) => number;
/**
 * Validate a JSON value as a config, filling defaults.
 * @example
 * parseConfig({ target: { kind: 'ring' }, particles: { n: 64 } })  // Right(Config)
 * parseConfig({ target: { kind: 'ring' }, particles: { n: -1 } })  // Left({ path: 'particles.n', ... })
 */
export declare const parseConfig: (input: unknown) => E.Either<ConfigError, Config>;
export {};
//# sourceMappingURL=config.d.ts.map