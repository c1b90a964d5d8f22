// The printable 《江苏省先进级智能工厂申报书》, laid out as 附件5 prints it: the cover page, 填报说明, the tables of
// part 一 (申报单位, 工厂, 建设成效), 真实性承诺 and 相关附件, the narrative parts 二 to 七, 附1-1 for each claimed
// scenario, 附1-2 per instance and the lists 附1-3 to 附1-7. Choice fields print every option with ☑ or □, as
// the annex's boxes. Everything comes from the application rubric and the assessment; nothing is typed here.
import { AlignmentType, Document, Packer, Paragraph, TextRun, type FileChild } from 'docx';
import type { Assessment } from '../../domain/assessment/types';
import type { AppField, AppSection, ApplicationRubric, FormSection, TableSection } from '../../domain/application/rubric';
import type { AttachmentsValue, FormValue, OutcomesValue, PledgeValue, TableRow } from '../../domain/application/types';
import type { Rubric } from '../../domain/rubric/schema';
import { TIER_IDS } from '../../domain/rubric/schema';
import { fmt2 } from '../../domain/i18n/texts';
import { evaluate, tierRank } from '../../domain/scoring/evaluate';
import { body, FONT, heading1, heading2, note, officialSection, sealAndDate, SIZE, table, title, type CellSpec } from './official';

const ON = '☑';
const OFF = '□';

/** Every option with its box ticked or not, e.g. 「□中央企业 □地方国企 ☑民营 □三资」. */
const boxes = (options: readonly string[], chosen: unknown) => options.map((o) => `${o === chosen ? ON : OFF}${o}`).join(' ');

function section<K extends AppSection['kind']>(app: ApplicationRubric, key: string, kind: K): Extract<AppSection, { kind: K }> {
  const s = app.sections.find((x) => x.key === key && x.kind === kind);
  if (!s) throw new Error(`the application rubric has no ${kind} section ${key}`);
  return s as Extract<AppSection, { kind: K }>;
}

export interface ApplicationDocumentInput {
  app: ApplicationRubric;
  rubric: Rubric;
  assessment: Assessment;
}

/** The 申报书 as a docx Document. */
export function applicationDocument({ app, rubric, assessment: a }: ApplicationDocumentInput): Document {
  const A = a.application ?? {};
  const p = a.profile ?? {};
  const e = evaluate(rubric, a);
  const form = (key: string) => (A[key] ?? {}) as FormValue;
  const tierLabel = (t: string | null) => (t === null ? '' : (rubric.tiers.find((x) => x.id === t)?.label.zh ?? ''));
  /** The value of a field as the document prints it. */
  const shown = (s: FormSection, f: AppField): string => {
    const v = form(s.key)[f.key];
    if (f.kind === 'auto' && f.auto) {
      if ('profile' in f.auto) return String((p as Record<string, unknown>)[f.auto.profile] ?? '');
      switch (f.auto.computed) {
        case 'size':
          return e.enterpriseSize ? boxes(['大型企业', '中型企业', '小型企业', '微型企业'], `${e.enterpriseSize}企业`) : '';
        case 'composite':
          return e.composite === null ? '' : `${fmt2(e.composite)} 分`;
        case 'tier':
          return boxes([...rubric.tiers.map((t) => t.label.zh), '未评'], e.tier ? tierLabel(e.tier) : '未评');
        case 'maturity':
          return boxes(['一级', '二级', '三级', '四级', '五级'], a.maturityLevel ? ['一级', '二级', '三级', '四级', '五级'][a.maturityLevel - 1] : undefined);
      }
    }
    if (f.kind === 'choice') return boxes(app.choices[f.choices!]!, v);
    if (f.kind === 'yesNo') return v === undefined ? `${OFF}是 ${OFF}否` : boxes(['是', '否'], v ? '是' : '否');
    if (typeof v === 'number') return f.kind === 'number' || f.kind === 'percent' ? fmt2(v) : String(v);
    return v === undefined ? '' : String(v);
  };
  const footnote = (s: string, f: string) => app.footnotes.find((n) => n.section === s && n.field === f)?.text;

  const out: FileChild[] = [];
  // Cover.
  const cover = section(app, app.cover.section, 'form');
  out.push(new Paragraph({ spacing: { before: 1600 } }), title(app.title.zh, 1600));
  for (const f of cover.fields) {
    out.push(
      new Paragraph({
        indent: { left: 1400 },
        spacing: { before: 200, after: 200 },
        children: [
          new TextRun({ text: `${f.label.zh}：`, font: FONT.heiti, size: SIZE.san }),
          new TextRun({ text: shown(cover, f), font: FONT.fangsong, size: SIZE.san, underline: {} }),
        ],
      }),
    );
  }
  out.push(
    new Paragraph({
      spacing: { before: 2400 },
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: app.cover.compiler, font: FONT.songti, size: SIZE.san })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: app.cover.year, font: FONT.songti, size: SIZE.san })] }),
  );

  // 填报说明: the numbered pages start here, the cover has none.
  const coverPage = out.splice(0, out.length);
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: '填报说明', font: FONT.heiti, size: SIZE.xiaoEr })],
    }),
  );
  for (const line of app.instructions) out.push(body(line));

  // 一、(一) 申报单位基本信息: the basic and ratings fields, the three years, projects, 企业简介.
  out.push(heading1('一、申报主体和工厂基本信息', true), heading2('（一）申报单位基本信息'));
  const asShown = (v: unknown) => (v === true ? '是' : v === false ? '否' : String(v ?? ''));
  /** A conditional field (项目名称 when 是) is printed only when its condition holds. */
  const asked = (s: FormSection, f: AppField) => !f.when || asShown(form(s.key)[f.when.field]) === f.when.equals;
  const rowsOf = (s: FormSection): (string | CellSpec)[][] =>
    s.fields.filter((f) => asked(s, f)).map((f) => [{ text: f.label.zh, bold: true }, { text: shown(s, f) }]);
  const basic = section(app, 'basic', 'form');
  const ratings = section(app, 'ratings', 'form');
  const finance = section(app, 'finance', 'yearly');
  const fv = (A[finance.key] ?? {}) as Record<string, FormValue>;
  const financeRows: (string | CellSpec)[][] = [
    [{ text: '近三年发展情况', bold: true }, ...finance.years.map((y) => ({ text: `${y} 年`, bold: true, center: true }))],
    ...finance.metrics.map((m) => [
      { text: m.label.zh, bold: true },
      ...finance.years.map((y) => ({ text: typeof fv[String(y)]?.[m.key] === 'number' ? fmt2(fv[String(y)]![m.key] as number) : '', center: true })),
    ]),
  ];
  out.push(table(rowsOf(basic), [35, 65]), table(financeRows, [34, 22, 22, 22]), table(rowsOf(ratings), [35, 65]));
  const projects = section(app, 'provincialProjects', 'table');
  const projectRows = (A[projects.key] ?? []) as TableRow[];
  if (projectRows.length)
    out.push(table([[{ text: projects.title.zh, bold: true, span: 2 }], ...projectRows.map((r) => [String(r.year ?? ''), String(r.name ?? '')])], [20, 80]));
  out.push(table([[{ text: '企业简介', bold: true, center: true }, { text: String(form('intro').text ?? '') }]], [15, 85]));
  for (const [s, f] of [
    ['basic', 'enterpriseType'],
    ['ratings', 'noMajorAccident'],
  ] as const) {
    const n = footnote(s, f);
    if (n) out.push(note(`注：${n}`));
  }

  // (二) 先进级智能工厂基本信息.
  out.push(heading2('（二）先进级智能工厂基本信息'));
  const fvF = form('factory');
  const suppliers = (A.suppliers ?? []) as TableRow[];
  const supplierText =
    fvF.supplierMode === '其他'
      ? `${OFF}自建 ${ON}其他：${suppliers.map((s) => [s.name, s.contact, s.phone].filter(Boolean).join('，')).join('；')}`
      : boxes(['自建', '其他'], fvF.supplierMode);
  out.push(
    table(
      [
        [{ text: '先进级智能工厂具体名称', bold: true }, String(p.factoryName ?? '')],
        [{ text: '工厂系统建设方案供应商名称', bold: true }, supplierText],
        [{ text: '建设起止日期（须已建设完成）', bold: true }, [fvF.startDate, fvF.endDate].filter(Boolean).join(' 至 ')],
        [{ text: '建设总投资（万元）', bold: true }, typeof fvF.investment === 'number' ? fmt2(fvF.investment) : ''],
        [{ text: '工厂简述', bold: true, center: true }, String(fvF.summary ?? '')],
      ],
      [30, 70],
    ),
  );

  // 工厂整体建设成效.
  const outcomes = section(app, 'outcomes', 'outcomes');
  const ov = (A[outcomes.key] ?? {}) as OutcomesValue;
  const rate = (dir: 'up' | 'down', before?: number, after?: number) =>
    before === undefined || after === undefined || before === 0 ? '' : `${fmt2(((dir === 'up' ? after - before : before - after) / Math.abs(before)) * 100)}%`;
  const num = (x?: number) => (x === undefined ? '' : String(x));
  out.push(heading2('工厂整体建设成效'));
  out.push(
    table(
      [
        ['指标', '建设前', '建成后', '变化率'].map((t) => ({ text: t, bold: true, center: true })),
        ...outcomes.indicators.map((i) => [
          `${i.label.zh}（${i.unit}）`,
          { text: num(ov[i.key]?.before), center: true },
          { text: num(ov[i.key]?.after), center: true },
          { text: rate(i.direction, ov[i.key]?.before, ov[i.key]?.after), center: true },
        ]),
        ...(ov.custom ?? []).map((c) => [
          `${c.label}${c.unit ? `（${c.unit}）` : ''}`,
          { text: num(c.before), center: true },
          { text: num(c.after), center: true },
          { text: rate(c.direction, c.before, c.after), center: true },
        ]),
      ],
      [52, 16, 16, 16],
    ),
  );

  // 真实性承诺 and 相关附件上传.
  const pledge = section(app, 'pledge', 'pledge');
  const pv = (A[pledge.key] ?? {}) as PledgeValue;
  out.push(heading1(pledge.title.zh, true));
  pledge.statements.forEach((s, i) => out.push(body(`${i + 1}. ${s.zh}`)));
  out.push(...sealAndDate(pledge.sealLabel.zh, pv.date));
  const att = section(app, 'attachments', 'attachments');
  const av = (A[att.key] ?? {}) as AttachmentsValue;
  out.push(heading2(att.title.zh));
  att.items.forEach((it, i) =>
    out.push(body(`${i + 1}. ${av[it.key]?.provided ? ON : OFF} ${it.label.zh}${av[it.key]?.file ? `：${av[it.key]!.file}` : ''}`, { size: SIZE.si })),
  );

  // 二 to 七.
  const narrative = section(app, 'narrative', 'form');
  const nv = form('narrative');
  narrative.fields.forEach((f, i) => {
    if (f.heading) out.push(heading1(f.heading.zh, i === 0));
    const top = /^[一二三四五六七八九十]+、/.test(f.label.zh);
    out.push(top ? heading1(f.label.zh, i === 0) : heading2(f.label.zh));
    const text = String(nv[f.key] ?? '');
    if (text) text.split(/\n+/).forEach((para) => out.push(body(para)));
    else out.push(body('（无）'));
  });

  // 附1-1: one table per claimed scenario.
  const inst = section(app, 'instances', 'instances');
  const minRank = TIER_IDS.indexOf(inst.minTier) + 1;
  const claimed = rubric.scenarios.filter((s) => tierRank(a.scenarios?.[s.id] ?? 'none') >= minRank);
  const iv = (A[inst.key] ?? {}) as Record<string, FormValue>;
  const segLabel = (id: string | null) => (id === null ? '多环节模式创新' : (rubric.segments.find((s) => s.id === id)?.label.zh ?? id));
  out.push(
    heading1('附 1-1', true),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [new TextRun({ text: '每个场景实例描述', font: FONT.songti, size: SIZE.xiaoEr, bold: true })],
    }),
  );
  for (const s of claimed) {
    const v = iv[s.id] ?? {};
    out.push(
      table(
        [
          [{ text: '环节名称', bold: true }, segLabel(s.segment)],
          [{ text: '场景名称', bold: true }, s.name.zh],
          ...inst.fields.map((f) => [{ text: f.label.zh, bold: true }, String(v[f.key] ?? '')]),
        ],
        [30, 70],
      ),
      new Paragraph({ spacing: { after: 200 } }),
    );
  }

  // 附1-2: per instance, its rows of each resource table.
  const resources = app.sections.filter((x): x is TableSection => x.kind === 'table' && x.perScenario);
  out.push(
    heading1('附 1-2', true),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [
        new TextRun({ text: '每个场景实例采用的关键装备、软件、工艺、技术、数据模型、人才技能需求等情况', font: FONT.songti, size: SIZE.xiaoSan, bold: true }),
      ],
    }),
  );
  for (const s of claimed) {
    const rowsFor = (t: TableSection) => ((A[t.key] ?? []) as TableRow[]).filter((r) => String(r.scenario) === s.id);
    if (!resources.some((t) => rowsFor(t).length)) continue;
    out.push(heading2(`场景实例名称：${String(iv[s.id]?.name ?? s.name.zh)}`));
    for (const t of resources) {
      const rows = rowsFor(t);
      if (!rows.length) continue;
      out.push(
        table([t.columns.map((c) => ({ text: c.label.zh, bold: true, center: true })), ...rows.map((r) => t.columns.map((c) => cellText(r[c.key])))]),
        new Paragraph({ spacing: { after: 120 } }),
      );
    }
  }

  // 附1-3 to 附1-7.
  for (const t of app.sections.filter((x): x is TableSection => x.kind === 'table' && x.sheet === 'lists')) {
    const [no, ...rest] = t.title.zh.split(' ');
    out.push(
      heading1(no!.replace(/附1-/, '附 1-'), true),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 200 },
        children: [new TextRun({ text: rest.join(' '), font: FONT.songti, size: SIZE.xiaoSan, bold: true })],
      }),
    );
    const rows = (A[t.key] ?? []) as TableRow[];
    out.push(
      table([
        [{ text: '序号', bold: true, center: true }, ...t.columns.map((c) => ({ text: c.label.zh, bold: true, center: true }))],
        ...(rows.length ? rows : [{}]).map((r, i) => [{ text: rows.length ? String(i + 1) : '', center: true }, ...t.columns.map((c) => cellText(r[c.key]))]),
      ]),
    );
  }

  return new Document({
    creator: '智能工厂自评助手 (smart-factory-assess)',
    title: app.title.zh,
    styles: { default: { document: { run: { font: FONT.fangsong, size: SIZE.xiaoSi } } } },
    sections: [officialSection(coverPage, { pageNumbers: false }), officialSection(out, { startAt: 1 })],
  });
}

const cellText = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'number' ? String(v) : v === true ? '是' : v === false ? '否' : String(v));

/** The 申报书 as .docx bytes. */
export async function writeApplicationDocx(input: ApplicationDocumentInput): Promise<Buffer> {
  return Packer.toBuffer(applicationDocument(input));
}

/** The 申报书 as a Blob (the pane saves it from the browser). */
export async function applicationDocxBlob(input: ApplicationDocumentInput): Promise<Blob> {
  return Packer.toBlob(applicationDocument(input));
}
