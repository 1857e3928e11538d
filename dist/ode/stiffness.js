export const makeStiffnessMonitor = () => ({ stiff: 0, nonStiff: 0, needed: 15 });
/** Feed one accepted step's ratio; returns true when the problem has just been declared stiff. */
export const observeStiffness = (m, ratio, boundary) => {
    if (!(ratio === ratio))
        return false;
    if (ratio > 0.985 * boundary) {
        m.nonStiff = 0;
        m.stiff++;
        if (m.stiff >= m.needed) {
            m.stiff = 0;
            return true;
        }
    }
    else {
        m.nonStiff++;
        if (m.nonStiff >= 6)
            m.stiff = 0;
    }
    return false;
};
//# sourceMappingURL=stiffness.js.map