/**
 * Options of `solve`: the method, tolerances, step limits, what to save,
 * events, and hooks for progress and interruption.
 */

export type AdaptiveMethod = 'dopri5' | 'dop853' | 'odex' | 'rodas4' | 'auto';
export type FixedMethod = 'rk4' | 'euler';
export type Method = AdaptiveMethod | FixedMethod;

export const ADAPTIVE_METHODS: readonly AdaptiveMethod[] = ['dopri5', 'dop853', 'odex', 'rodas4', 'auto'];
export const FIXED_METHODS: readonly FixedMethod[] = ['rk4', 'euler'];

/** Which times to save. `steps` saves every accepted step's end point. */
export type SaveAt =
  | { readonly times: readonly number[] }
  | { readonly n: number }
  | { readonly steps: true };

export type EventDirection = 'up' | 'down' | 'both';

/**
 * An event: the solver reports each zero crossing of g(t, u) in the chosen
 * direction, located on the dense output. With `terminal`, the solve stops
 * there. `samples` > 1 checks g at that many interior points of each step as
 * well, so that an excursion that starts and ends inside one step is found
 * (SPEC §5: an endpoint sign test alone misses such crossings).
 */
export interface EventSpec {
  readonly g: (t: number, u: Float64Array) => number;
  readonly direction?: EventDirection;
  readonly terminal?: boolean;
  readonly name?: string;
  readonly samples?: number;
}

export interface SolveOptions {
  readonly method?: Method;
  /** Relative tolerance (adaptive methods). Default 1e-6. */
  readonly rtol?: number;
  /** Absolute tolerance, scalar or per component. Default 1e-9. */
  readonly atol?: number | Float64Array | readonly number[];
  /** Fixed step of rk4/euler; the last step is shortened to land on t1. */
  readonly h?: number;
  /** Initial step; chosen automatically (Hairer's algorithm) when absent. */
  readonly h0?: number;
  /** Largest step magnitude. Default |t1 - t0|. */
  readonly hmax?: number;
  /** Most steps (accepted + rejected). Default 1e6. */
  readonly maxSteps?: number;
  readonly saveAt?: SaveAt;
  /** Keep a dense interpolant (memory grows with the number of steps). */
  readonly dense?: boolean;
  readonly events?: readonly EventSpec[];
  /** Checked once per step; when `aborted` turns true the solve stops with `interrupted`. */
  readonly signal?: { readonly aborted: boolean };
  /** Called with the current time, at most every `progressEvery` steps. */
  readonly onProgress?: (t: number) => void;
  readonly progressEvery?: number;
  /** Run Hairer's stiffness test in explicit methods (default true). */
  readonly detectStiffness?: boolean;
}

export const DEFAULT_RTOL = 1e-6;
export const DEFAULT_ATOL = 1e-9;
export const DEFAULT_MAX_STEPS = 1_000_000;
