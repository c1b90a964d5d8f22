// The layout's version, in a module of its own so that code which only needs the number (the pane's first
// screen, readers) does not load the layout builders.
/** Bump when an input moves or changes meaning; readers refuse layouts newer than they know. */
export const LAYOUT_VERSION = 2; // 2: the 申报书 sheets (附件5); version 1's names are unchanged
