// Errors as Office.js raises them: an object whose `code` is one of Excel.ErrorCodes, with `debugInfo`.
// https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling
// (codes: https://learn.microsoft.com/javascript/api/excel/excel.errorcodes)
export type SimErrorCode =
  | 'AccessDenied'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidOperationInCellEditMode'
  | 'InvalidReference'
  | 'ItemAlreadyExists'
  | 'ItemNotFound'
  | 'PropertyNotLoaded'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded';

export class SimError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: SimErrorCode,
    message: string,
    errorLocation?: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, errorLocation };
  }
}

/** Kept for the callers that test for it by class. */
export class PropertyNotLoadedError extends SimError {
  constructor(prop: string) {
    super('PropertyNotLoaded', `${prop} was read before load() and sync()`);
  }
}
