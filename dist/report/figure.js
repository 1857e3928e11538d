export const fmt = (x, digits = 4) => (Math.abs(x) >= 1e-3 && Math.abs(x) < 1e4 ? x.toPrecision(digits) : x.toExponential(digits - 1));
//# sourceMappingURL=figure.js.map