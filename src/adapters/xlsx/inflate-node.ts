// The bounded inflater for Node (sfa): zlib stops at maxOutputLength, so a zip bomb never gets its gigabytes.
import { inflateRawSync } from 'node:zlib';
import type { BoundedInflate } from './zip-guard';

export const nodeInflater: BoundedInflate = async (compressed, maxBytes) => {
  try {
    return inflateRawSync(compressed, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) return null;
    throw e;
  }
};
