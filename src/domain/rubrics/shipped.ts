// Data files the product ships, looked up by id without parsing: check.ts proves before anything ships (the
// build, and the tests) that parsing each one under its schema would give it back unchanged, so the CLI and
// the pane need no zod for them. One helper for every kind of shipped data (rubrics, application rubrics).

export interface Shipped<T> {
  /** What the data is, for the build check's messages ("rubric", "application rubric"). */
  readonly kind: string;
  /** The ids shipped, in the order given. */
  readonly ids: readonly string[];
  /** The data of this id, or undefined when none ships (a Map: an id such as `__proto__` finds nothing). */
  get(id: string): T | undefined;
  /** Every id with its data as imported, for the build check. */
  entries(): Iterable<[string, unknown]>;
}

export function shipped<T>(kind: string, entries: readonly [string, unknown][]): Shipped<T> {
  const byId = new Map<string, unknown>(entries);
  return {
    kind,
    ids: [...byId.keys()],
    get: (id) => byId.get(id) as T | undefined,
    entries: () => byId.entries(),
  };
}
