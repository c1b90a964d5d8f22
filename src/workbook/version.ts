// The layout's version, in a module of its own so that code which only needs the number (the pane's first
// screen, readers) does not load the layout builders.
/** Bump when an input moves or changes meaning; readers refuse layouts newer than they know. */
// 2: the 申报书 sheets (附件5); version 1's names are unchanged. 3: 企业信息's 直接认定类别 (SFA_RECOGNITION), below
// every earlier input, so nothing else moved: an older reader refuses a workbook it would read without it.
export const LAYOUT_VERSION = 3;
