// Native charts in an .xlsx written by ExcelJS, which cannot write charts: a post-processing step adds, for
// each ChartSpec, a DrawingML chart part (xl/charts/chartN.xml, ECMA-376 Part 1 §21.2, schema dml-chart.xsd),
// one drawing part per sheet (xl/drawings/drawingN.xml, §20.5, dml-spreadsheetDrawing.xsd) with their
// relationships, the <drawing r:id> element in the worksheet (sml.xsd CT_Worksheet order) and the content
// types. Each series refers to its cells by formula; the values the layout knows are written as the chart's
// cache, so a viewer that does not recalculate still draws them (formula cells get no cache: Excel, WPS and
// LibreOffice fill it when they calculate on load).
import { relsXml, type XlsxPackage } from './package-parts';
import { rangeBounds, sheetRef, absCell, parseCell } from '../../workbook/a1';
import type { CellValue, ChartSpec, SheetSpec } from '../../workbook/types';

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
};
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

/** Characters XML 1.0 can carry: tab, line feed, carriage return and U+0020 up, less U+FFFE/U+FFFF and lone surrogates. */
const xmlChar = (ch: string): boolean => {
  const c = ch.codePointAt(0)!;
  if (c < 0x20) return c === 0x09 || c === 0x0a || c === 0x0d;
  return !(c === 0xfffe || c === 0xffff || (c >= 0xd800 && c <= 0xdfff));
};

/** XML text and attribute escaping; also drops characters XML 1.0 cannot carry. */
export function xmlEscape(s: string): string {
  return [...s].filter(xmlChar).join('').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A literal cell value of the layout at (col, row) of a sheet, or undefined for a formula or blank. */
export type CellLookup = (sheet: string, col: number, row: number) => CellValue | undefined;

/** Looks values up in the layout's blocks (the last block writing a cell wins, as when rendering). */
export function layoutLookup(sheets: readonly SheetSpec[]): CellLookup {
  const cells = new Map<string, CellValue>();
  for (const s of sheets)
    for (const b of s.blocks) {
      const p = parseCell(b.at);
      b.rows.forEach((row, i) =>
        row.forEach((v, j) => {
          const key = `${s.name}\u0001${p.col + j}\u0001${p.row + i}`;
          if (v !== null && typeof v === 'object') cells.delete(key);
          else cells.set(key, v);
        }),
      );
    }
  return (sheet, col, row) => cells.get(`${sheet}\u0001${col}\u0001${row}`) ?? undefined;
}

interface Series {
  catRef: string;
  valRef: string;
  cats: (string | undefined)[];
  vals: (number | undefined)[];
}

function seriesOf(c: ChartSpec, lookup: CellLookup): Series {
  const b = rangeBounds(c.source);
  const rows = Array.from({ length: b.r2 - b.r1 + 1 }, (_, i) => b.r1 + i);
  const ref = (col: number) => `${sheetRef(c.sheet)}${absCell(col, b.r1)}:${absCell(col, b.r2)}`;
  return {
    catRef: ref(b.c1),
    valRef: ref(b.c1 + 1),
    cats: rows.map((r) => {
      const v = lookup(c.sheet, b.c1, r);
      return v === undefined || v === null ? undefined : String(v);
    }),
    vals: rows.map((r) => {
      const v = lookup(c.sheet, b.c1 + 1, r);
      return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
    }),
  };
}

/** A cache only when every point is known; a partial cache would draw a wrong chart until recalculated. */
function strRef(f: string, cats: (string | undefined)[]): string {
  const cache = cats.every((x) => x !== undefined)
    ? `<c:strCache><c:ptCount val="${cats.length}"/>${cats.map((x, i) => `<c:pt idx="${i}"><c:v>${xmlEscape(x!)}</c:v></c:pt>`).join('')}</c:strCache>`
    : '';
  return `<c:strRef><c:f>${xmlEscape(f)}</c:f>${cache}</c:strRef>`;
}

function numRef(f: string, vals: (number | undefined)[]): string {
  const cache = vals.every((x) => x !== undefined)
    ? `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${vals.length}"/>${vals.map((x, i) => `<c:pt idx="${i}"><c:v>${x}</c:v></c:pt>`).join('')}</c:numCache>`
    : '';
  return `<c:numRef><c:f>${xmlEscape(f)}</c:f>${cache}</c:numRef>`;
}

const FILL = '2F5597';
const PIE_FILLS = ['2F5597', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47', '264478', '9E480E', '636363', '997300'];
const solid = (hex: string) => `<c:spPr><a:solidFill><a:srgbClr val="${hex}"/></a:solidFill></c:spPr>`;
const textProps = (size: number, bold = false) =>
  `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"${bold ? ' b="1"' : ''}><a:latin typeface="Arial"/><a:ea typeface="SimSun"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;

function dataLabels(show: { val: boolean; percent?: boolean }): string {
  return `<c:dLbls>${textProps(900)}<c:showLegendKey val="0"/><c:showVal val="${show.val ? 1 : 0}"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="${show.percent ? 1 : 0}"/><c:showBubbleSize val="0"/></c:dLbls>`;
}

/** Whole-number steps for counts (a count axis at 0.2, 0.4… reads wrong); undefined: the viewer decides. */
function countStep(vals: (number | undefined)[]): number | undefined {
  if (!vals.every((v) => v !== undefined && Number.isInteger(v))) return undefined;
  const max = Math.max(0, ...(vals as number[]));
  return Math.max(1, Math.ceil(max / 6));
}

function axes(catPos: 'b' | 'l', valPos: 'b' | 'l', reverseCats: boolean, step: number | undefined): string {
  return (
    `<c:catAx><c:axId val="101"/><c:scaling><c:orientation val="${reverseCats ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${catPos}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${textProps(900)}` +
    `<c:crossAx val="102"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="102"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="${valPos}"/>` +
    `<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${textProps(900)}` +
    `<c:crossAx val="101"/><c:crosses val="${reverseCats ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/>${step !== undefined ? `<c:majorUnit val="${step}"/>` : ''}</c:valAx>`
  );
}

/** The chart part of one ChartSpec (a single series). */
export function chartXml(c: ChartSpec, lookup: CellLookup): string {
  const s = seriesOf(c, lookup);
  const catVal = `<c:cat>${strRef(s.catRef, s.cats)}</c:cat><c:val>${numRef(s.valRef, s.vals)}</c:val>`;
  let plot: string;
  switch (c.type) {
    case 'bar':
    case 'column': {
      const bar = c.type === 'bar';
      plot =
        `<c:barChart><c:barDir val="${bar ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
        `<c:ser><c:idx val="0"/><c:order val="0"/>${solid(FILL)}<c:invertIfNegative val="0"/>${dataLabels({ val: true })}${catVal}</c:ser>` +
        `<c:gapWidth val="60"/><c:axId val="101"/><c:axId val="102"/></c:barChart>` +
        // Horizontal bars list the first category at the top, as the table beside them does.
        axes(bar ? 'l' : 'b', bar ? 'b' : 'l', bar, countStep(s.vals));
      break;
    }
    case 'pie': {
      const points = s.cats.map((_, i) => `<c:dPt><c:idx val="${i}"/><c:bubble3D val="0"/>${solid(PIE_FILLS[i % PIE_FILLS.length]!)}</c:dPt>`).join('');
      plot = `<c:pieChart><c:varyColors val="1"/><c:ser><c:idx val="0"/><c:order val="0"/>${points}${dataLabels({ val: true, percent: false })}${catVal}</c:ser><c:firstSliceAng val="0"/></c:pieChart>`;
      break;
    }
    case 'radar':
      plot =
        `<c:radarChart><c:radarStyle val="marker"/><c:varyColors val="0"/>` +
        `<c:ser><c:idx val="0"/><c:order val="0"/><c:spPr><a:ln w="22225"><a:solidFill><a:srgbClr val="${FILL}"/></a:solidFill></a:ln></c:spPr>` +
        `<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>${catVal}</c:ser><c:axId val="101"/><c:axId val="102"/></c:radarChart>` +
        `<c:catAx><c:axId val="101"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/>` +
        `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${textProps(800)}<c:crossAx val="102"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
        `<c:valAx><c:axId val="102"/><c:scaling><c:orientation val="minMax"/><c:max val="100"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>` +
        `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="cross"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${textProps(800)}<c:crossAx val="101"/><c:crosses val="autoZero"/><c:crossBetween val="between"/><c:majorUnit val="20"/></c:valAx>`;
      break;
  }
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="1200" b="1"><a:latin typeface="Arial"/><a:ea typeface="SimHei"/></a:rPr><a:t>${xmlEscape(c.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  const legend = c.type === 'pie' ? `<c:legend><c:legendPos val="r"/><c:overlay val="0"/>${textProps(900)}</c:legend>` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="6350"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>` +
    `${textProps(900)}</c:chartSpace>`
  );
}

/** The drawing part of one sheet: one anchored frame per chart, chart k referenced by rId k. */
export function drawingXml(charts: readonly ChartSpec[], firstId: number): string {
  const anchor = (c: ChartSpec, k: number) => {
    const from = parseCell(c.from);
    const to = parseCell(c.to);
    // Anchors count from 0; `to` is the cell the chart's bottom-right corner ends in, so it spans that cell.
    const pos = (tag: string, col: number, row: number) =>
      `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${pos('from', from.col - 1, from.row - 1)}${pos('to', to.col, to.row)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${firstId + k + 1}" name="${xmlEscape(`Chart ${firstId + k}`)}" descr="${xmlEscape(c.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="rId${k + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  };
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${charts.map(anchor).join('')}</xdr:wsDr>`;
}

/** Adds the charts' parts to an .xlsx package as ExcelJS wrote it (one drawing per sheet that has charts). */
export async function addChartParts(pkg: XlsxPackage, charts: readonly ChartSpec[], lookup: CellLookup): Promise<void> {
  const bySheet = new Map<string, ChartSpec[]>();
  for (const c of charts) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c]);
  let chartNo = 0;
  let drawingNo = 0;
  for (const [sheet, list] of bySheet) {
    drawingNo += 1;
    const drawingRels = list.map((c, k) => {
      chartNo += 1;
      pkg.addPart(`xl/charts/chart${chartNo}.xml`, chartXml(c, lookup), CT_CHART);
      return { id: `rId${k + 1}`, type: REL_CHART, target: `../charts/chart${chartNo}.xml` };
    });
    pkg.addPart(`xl/drawings/drawing${drawingNo}.xml`, drawingXml(list, chartNo - list.length + 1), CT_DRAWING);
    pkg.addPart(`xl/drawings/_rels/drawing${drawingNo}.xml.rels`, relsXml(drawingRels));
    const rid = await pkg.relateSheet(sheet, REL_DRAWING, `../drawings/drawing${drawingNo}.xml`);
    await pkg.insertInSheet(sheet, `<drawing r:id="${rid}"/>`, 'drawing');
  }
}
