// Request and response size as Excel on the web counts it: every queued call costs its own envelope (the
// action and the object path it acts on) plus the UTF-8 JSON of its arguments; the limit is 5 MB per
// request and per response.
// https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins
// https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices
// ("The payload size of a request combines the number of API calls, the number of objects, such as Range
// objects, and the length of the value to set or get.")

export interface RequestLimits {
  /** Bytes per request and per response (default: Excel on the web's 5 MB). */
  requestBytes: number;
  /** Envelope bytes of one call and its object path, besides its arguments. */
  callOverheadBytes: number;
}

export const WEB_LIMITS: RequestLimits = { requestBytes: 5 * 1024 * 1024, callOverheadBytes: 200 };

/** UTF-8 length of a string (no TextEncoder: the jsdom test environment has none). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) ((n += 4), i++);
    else n += 3;
  }
  return n;
}

/** Bytes one call adds to its request. */
export function callBytes(args: unknown, limits: RequestLimits): number {
  return limits.callOverheadBytes + (args === undefined ? 0 : utf8Length(JSON.stringify(args)));
}
