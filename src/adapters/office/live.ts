// Live re-scoring: our sheets' onChanged and onCalculated events, debounced, call one refresh. Hosts where a
// dropdown pick raises no event are covered by the pane's 重新读取 button, whose tooltip says so.
export const LIVE_SHEETS_CHANGED = ['企业信息', '数字化转型自评', '场景自评', '推荐汇总表'];
export const LIVE_SHEETS_CALCULATED = ['评估结果'];

/** Calls `fn` once, `ms` after the last of a burst of calls. */
export function debounce(fn: () => void, ms: number): { (): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const d = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      fn();
    }, ms);
  };
  d.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return d;
}

interface Removable {
  remove(): void;
}

/** Registers the handler on our sheets (in one sync) and returns a function that unregisters it. */
export async function subscribeToChanges(context: Excel.RequestContext, handler: () => void): Promise<() => Promise<void>> {
  const sheets = context.workbook.worksheets;
  const results: Removable[] = [];
  const onEvent = async () => handler();
  for (const name of LIVE_SHEETS_CHANGED) results.push(sheets.getItem(name).onChanged.add(onEvent));
  for (const name of LIVE_SHEETS_CALCULATED) results.push(sheets.getItem(name).onCalculated.add(onEvent));
  await context.sync();
  return async () => {
    for (const r of results) r.remove();
    await context.sync();
  };
}
