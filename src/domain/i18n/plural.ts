/**
 * An English count with its noun: counted(1, 'enterprise') is "1 enterprise", counted(0 or 2, …) "… enterprises"
 * (zero takes the plural in English). Chinese needs no plural form, so only the English catalogues call it.
 */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
