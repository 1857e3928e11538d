/**
 * RODAS4: a 6-stage, L-stable, stiffly accurate Rosenbrock method of order
 * 4 with an embedded order-3 solution and a 3rd-order dense output.
 *
 * Source: E. Hairer, G. Wanner, "Solving Ordinary Differential Equations II:
 * Stiff and Differential-Algebraic Problems", 2nd ed., Springer 1996, §IV.7,
 * Table 7.2, in the transformed form of rodas.f (subroutine ROCOE, METH = 1):
 *   (I/(h gamma) - J) k_i = f(t + c_i h, u + sum_j a_ij k_j) + sum_j (C_ij / h) k_j + h d_i f_t,
 *   u_new = u + sum_j a_6j k_j + k_6  (stiffly accurate), error estimate = k_6.
 * Dense output: u(t + s h) = (1 - s) u + s (u_new + (1 - s)(H2.k + s H3.k)).
 */
export const RODAS4 = {
    gamma: 0.25,
    c: [0, 0.386, 0.21, 0.63, 1, 1],
    d: [0.25, -0.1043, 0.1035, -0.0362000000000000023, 0, 0],
    /** a[i][j], j < i, for the stage arguments (row 5 is the argument of stage 6). */
    a: [
        [],
        [1.544],
        [0.9466785280815826, 0.2557011698983284],
        [3.314825187068521, 2.896124015972201, 0.9986419139977817],
        [1.221224509226641, 6.019134481288629, 12.53708332932087, -0.687886036105895],
        [1.221224509226641, 6.019134481288629, 12.53708332932087, -0.687886036105895, 1],
    ],
    /** C[i][j], j < i. */
    C: [
        [],
        [-5.6688],
        [-2.430093356833875, -0.2063599157091915],
        [-0.1073529058151375, -9.594562251023355, -20.47028614809616],
        [7.496443313967647, -10.24680431464352, -33.99990352819905, 11.7089089320616],
        [8.083246795921522, -7.981132988064893, -31.52159432874371, 16.31930543123136, -6.058818238834054],
    ],
    /** Dense-output weights on k_1..k_5. */
    h2: [10.12623508344586, -7.487995877610167, -34.80091861555747, -7.992771707568823, 1.025137723295662],
    h3: [-0.6762803392801253, 6.087714651680015, 16.43084320892478, 24.76722511418386, -6.594389125716872],
};
//# sourceMappingURL=rodas4.js.map