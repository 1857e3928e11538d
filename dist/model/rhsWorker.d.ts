export {};
//# sourceMappingURL=rhsWorker.d.ts.map