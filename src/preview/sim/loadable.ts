// Load before read: a proxy's properties are readable only after load() and the sync that ran it; an
// *OrNullObject proxy's isNullObject after the next sync, without a load.
// https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#load
// https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties
import { PropertyNotLoadedError } from './errors';

/** "values, address" / ["values"] / undefined (all scalar properties) → the names asked for. */
export function propsOf(props: string | string[] | undefined, all: readonly string[]): string[] {
  if (props === undefined) return [...all];
  const list = (Array.isArray(props) ? props : props.split(',')).map((p) => p.trim()).filter(Boolean);
  return list.length ? list : [...all];
}

export class Loadable {
  protected loaded = new Map<string, unknown>();
  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new PropertyNotLoadedError(prop);
    return this.loaded.get(prop) as T;
  }
  /** Set by the sync that settles this proxy. */
  settle(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }
}
