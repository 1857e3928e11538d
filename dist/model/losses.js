export const sigmoid = (x) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
/** log sig(x), stable for large |x|. */
const logSigmoid = (x) => (x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x)));
export const WGAN = {
    kind: 'wgan',
    realCoef: () => 1,
    fakeCoef: () => -1,
    particleWeight: () => 1,
    realValue: (D) => D,
    fakeValue: (D) => -D,
};
export const NSGAN = {
    kind: 'nsgan',
    realCoef: (D) => 1 - sigmoid(D),
    fakeCoef: (D) => -sigmoid(D),
    particleWeight: (D) => 1 - sigmoid(D),
    realValue: (D) => logSigmoid(D),
    fakeValue: (D) => logSigmoid(-D),
};
export const lossOf = (kind) => (kind === 'wgan' ? WGAN : NSGAN);
//# sourceMappingURL=losses.js.map