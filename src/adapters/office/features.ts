// What the host supports, from Office.context.requirements.isSetSupported, so the pane can say what is
// unavailable instead of failing.
export interface HostFeatures {
  /** ExcelApi 1.8: data validation, enableEvents, names with ranges — the minimum the add-in needs. */
  core: boolean;
  /** ExcelApi 1.9: page layout (print setup) and suspendScreenUpdatingUntilNextSync. */
  pageLayout: boolean;
  /** ExcelApi 1.7: charts (radar chart of the indicators). */
  charts: boolean;
}

export type IsSetSupported = (name: string, version: string) => boolean;

export function detectFeatures(isSetSupported: IsSetSupported): HostFeatures {
  return {
    core: isSetSupported('ExcelApi', '1.8'),
    pageLayout: isSetSupported('ExcelApi', '1.9'),
    charts: isSetSupported('ExcelApi', '1.7'),
  };
}
