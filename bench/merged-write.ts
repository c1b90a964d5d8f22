// The pane's merged write for 1,000 incomplete workbooks on the strict simulated host: every request under
// Excel on the web's 5 MB, as it counts them.
import { mergeSummary, type MergeInput, type Assessment } from '../src/domain';
import type { Rubric } from '../src/domain/rubric/schema';
import { buildMergedWorkbook, DETAILS_SHEET } from '../src/workbook/merged-summary';
import { writeMergedSheets } from '../src/adapters/office/merged';
import { SimContext } from '../src/preview/sim/context';
import { SimWorkbook } from '../src/preview/sim/model';

/** A workbook a firm sent back with only its profile filled: every indicator and scenario is a finding. */
function incomplete(i: number): Assessment {
  return { profile: { enterpriseName: `江苏省第${i}号智能制造示范企业有限公司`, factoryName: `第${i}号数字化车间` } } as unknown as Assessment;
}

export async function mergedWriteBench(rubric: Rubric, kB: (n: number) => string): Promise<void> {
  const inputs: MergeInput[] = Array.from({ length: 1000 }, (_, i) => ({
    file: `各区县报送/第${i}号企业/智能工厂自评表（未填完）.xlsx`,
    modified: 1_700_000_000_000 + i,
    rubric,
    assessment: incomplete(i),
  }));
  const built = buildMergedWorkbook(
    rubric,
    mergeSummary([], inputs, { lang: 'zh' }),
    { unit: '南京市工业和信息化局', contact: '李四', phone: '025-12345678' },
    'zh',
  );
  const details = built.sheets.find((s) => s.name === DETAILS_SHEET)!;
  const cells = details.blocks.reduce((n, b) => n + b.rows.reduce((m, r) => m + r.length, 0), 0);
  const ctx = new SimContext(new SimWorkbook());
  const t0 = process.hrtime.bigint();
  const { syncs } = await writeMergedSheets(ctx as unknown as Excel.RequestContext, built, { core: true, pageLayout: true, charts: true });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const over = ctx.requests.filter((r) => r > ctx.limits.requestBytes).length;
  console.log(
    `merged write (pane):  1,000 incomplete files, ${DETAILS_SHEET} ${cells} cells; ${syncs} syncs, requests ${ctx.requests.map(kB).join(' + ')} (limit ${kB(ctx.limits.requestBytes)}, ${over} over), ${ms.toFixed(0)} ms on the simulated host`,
  );
}
