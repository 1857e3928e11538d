export {};
//# sourceMappingURL=nativeVerifyMain.d.ts.map