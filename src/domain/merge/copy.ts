// Per-enterprise records are copied by assignment, never spread into a new literal. Once a spread's site has seen
// many shapes, V8 gives each object it makes a hidden class of its own: a 20,000-enterprise merge then held
// ~40,000 extra maps and descriptor arrays (~15 MB; a heap snapshot of `sfa merge` as it writes). Assigned in the
// same order, the copies share a few.

/** A copy of `o` with the fields of `patch` set (in `o`'s key order, then the new keys). */
export function copyWith<T extends object, P extends object>(o: T, patch: P): Omit<T, keyof P> & P {
  return Object.assign(Object.assign({}, o), patch);
}
