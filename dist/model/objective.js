import { criticWork, evalCritic } from "./critic.js";
export const criticObjective = (m, u) => {
    const { N, d, shape } = m;
    const to = N * d;
    const w = criticWork(shape);
    let fake = 0, real = 0, R = 0, gsum = 0, gmax = 0, dsum = 0;
    for (let i = 0; i < N; i++) {
        evalCritic(shape, u, to, u, i * d, w);
        fake += m.loss.fakeValue(w.D) / N;
        dsum += w.D / N;
        const gn = Math.hypot(...w.g);
        gsum += gn / N;
        gmax = Math.max(gmax, gn);
        if (m.regularizer.onFake)
            R += m.regularizer.value(w.g, 0, d) / N;
    }
    for (let j = 0; j < m.targetWeights.length; j++) {
        evalCritic(shape, u, to, m.targetPoints, j * d, w);
        real += m.loss.realValue(w.D) * m.targetWeights[j];
        if (!m.regularizer.onFake)
            R += m.regularizer.value(w.g, 0, d) * m.targetWeights[j];
    }
    let th2 = 0;
    for (let k = to; k < u.length; k++)
        th2 += u[k] * u[k];
    const V = real + fake;
    return { V, R, J: V - m.lambda * R - 0.5 * m.weightDecay * th2, gradNormMean: gsum, gradNormMax: gmax, meanDFake: dsum };
};
/** D at a point x (length d), for plots and tests. */
export const criticAt = (m, u, x) => {
    const w = criticWork(m.shape);
    evalCritic(m.shape, u, m.N * m.d, x, 0, w);
    return { D: w.D, g: w.g.slice() };
};
//# sourceMappingURL=objective.js.map