import { formatConfigError } from "./model/config.js";
/** One line for people: what failed, and where (config field, parameter value, time). */
export const formatError = (e) => {
    switch (e._tag) {
        case 'ConfigError': return formatConfigError(e);
        case 'SolveFailure': return `${e.code}: ${e.message}`;
        case 'EquilibriumError':
        case 'LinearizationError': return e.at ? `${e.at.path} = ${e.at.value}: ${e.message}` : e.message;
        case 'ParameterError': return `${e.name}: ${e.message}`;
        case 'ThreadError':
        case 'SweepError': return e.message;
    }
};
//# sourceMappingURL=errors.js.map