// Excel's limits on a data validation's texts ([MS-OI29500] 2.1.613: error ≤ 224 characters, prompt ≤ 255,
// titles ≤ 32; https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oi29500/0114969a-4859-443e-ae3e-0c1fdebfcc64).
// The layout's texts fit (test/adapters/xlsx/validation-text-limits.test.ts); both writers clip to these only as
// a backstop, so a host never refuses or "repairs" a rule.
export const VALIDATION_TEXT_LIMITS = { error: 224, prompt: 255, title: 32 } as const;
