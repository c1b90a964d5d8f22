// The order of profile fields on 企业信息 (and in the SFA_PROFILE name), apart from the sheet's builder: the
// readers need the order, not the builder (the pane's first chunk reads a workbook and never builds one).
import { PROFILE_NUMBER_KEYS, PROFILE_TEXT_KEYS, type ProfileKey } from '../domain/assessment/types';

export const PROFILE_LAYOUT: readonly ProfileKey[] = [
  ...PROFILE_TEXT_KEYS.filter((k) => k !== 'fillDate'),
  ...PROFILE_NUMBER_KEYS,
  'fillDate', // last: it dates the form rather than describing the enterprise
];
