// The dashboard of an assessment workbook: score and tier, tabs for the overview, what-if and summary. It is
// loaded (with the engine's scoring and the workbook layout) once the pane sees an assessment workbook, so
// the first screen carries none of it.
import * as React from 'react';
import { Divider, MessageBar, MessageBarBody, Spinner, Tab, TabList } from '@fluentui/react-components';
import type { Assessment, Lang, Rubric } from '../../domain';
import type { WorkbookState } from '../../adapters/office/read';
import { cachedLayout } from '../../workbook/layout';
import { cellForPath } from '../../workbook/paths';
import type { ExcelActions } from '../excel-host';
import type { PaneStrings } from '../strings';
import type { WorkbookModel } from '../use-workbook';
import { useScored } from '../use-scored';
import { ScoreHeader } from './ScoreHeader';
import { TierConditions } from './TierConditions';
import { GapList } from './GapList';
import { IssueList, type PaneIssue } from './IssueList';
import { Radar } from './Radar';
import { CoverageStrip } from './CoverageStrip';
import { BureauMergeNote } from './BureauMergeNote';
import { LoadBoundary } from './LoadBoundary';
import { checkApplication } from '../../domain/application/checks';
import { getApplicationRubric } from '../../domain/rubrics/applications';

// The what-if and summary tabs (and the form controls only they use) load when first opened.
const WhatIfPanel = React.lazy(() => import('./WhatIfPanel').then((m) => ({ default: m.WhatIfPanel })));
const SummaryPanel = React.lazy(() => import('./SummaryPanel').then((m) => ({ default: m.SummaryPanel })));

const RecognitionField = React.lazy(() => import('./RecognitionField').then((m) => ({ default: m.RecognitionField })));
const ApplicationPanel = React.lazy(() => import('./ApplicationPanel').then((m) => ({ default: m.ApplicationPanel })));

type TabId = 'overview' | 'whatif' | 'summary' | 'application';

export interface AssessmentViewProps {
  actions: ExcelActions;
  /** The workbook as read, with its assessment. */
  st: WorkbookState & { assessment: Assessment };
  rubric: Rubric;
  wb: WorkbookModel;
  strings: PaneStrings;
  lang: Lang;
  /** Runs a host action and shows its outcome in the pane's banner. */
  attempt(fn: () => Promise<unknown>, success?: string): Promise<void>;
}

export function AssessmentView({ actions, st, rubric, wb, strings: s, lang, attempt }: AssessmentViewProps) {
  const [tab, setTab] = React.useState<TabId>('overview');
  const { report, gap, sweep, assessment } = useScored(rubric, st.assessment, wb.whatIf, lang);
  const layout = cachedLayout(rubric, lang);
  const locate = (path: string) => cellForPath(layout, rubric, path);
  const issues = (list: readonly { path: string; message: string }[], severity: PaneIssue['severity']): PaneIssue[] =>
    list.map((i) => ({ path: i.path, message: i.message, severity, ...locate(i.path) }));
  // Unreadable cells of the 申报书 are listed on its tab, not with the self-assessment's errors.
  const isApp = (path: string) => path.startsWith('application.');
  const readIssue = (p: (typeof st.problems)[number]): PaneIssue => ({ path: p.path, message: p.message, sheet: p.sheet, cell: p.cell, severity: 'error' });
  const errors: PaneIssue[] = [...st.problems.filter((p) => !isApp(p.path)).map(readIssue), ...issues(report.errors, 'error')];
  const app = getApplicationRubric(rubric.id);
  const appReport = React.useMemo(
    () => (app ? checkApplication(app, rubric, st.assessment, { lang, today: new Date().toISOString().slice(0, 10) }) : null),
    [app, rubric, st.assessment, lang],
  );
  const warnings = issues(report.warnings, 'warning');
  const sheetKeys = new Map(layout.sheets.map((x) => [x.name, x.key]));
  const sheetLabel = (name: string) => {
    const k = sheetKeys.get(name);
    return k === 'profile' || k === 'indicators' || k === 'scenarios' ? s.sheetNames[k] : name;
  };
  return (
    <>
      <ScoreHeader rubric={rubric} report={report} strings={s} lang={lang} onRefresh={() => void wb.refresh()} live={wb.live} />
      {wb.whatIf.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{s.pendingChanges(wb.whatIf.length)}</MessageBarBody>
        </MessageBar>
      )}
      {/* The four tabs wrap onto a second row where a 320 px pane cannot hold them in English. */}
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} style={{ flexWrap: 'wrap' }}>
        <Tab value="overview">{s.tabs.overview}</Tab>
        <Tab value="whatif">{s.tabs.whatif}</Tab>
        <Tab value="summary">{s.tabs.summary}</Tab>
        {appReport && <Tab value="application">{s.tabs.application}</Tab>}
      </TabList>
      {tab === 'overview' && (
        <>
          <GapList rubric={rubric} gap={gap} strings={s} lang={lang} />
          <Divider />
          <IssueList
            issues={errors}
            strings={s}
            title={errors.length ? s.errorsTitle(errors.length) : s.noErrors}
            sheetLabel={sheetLabel}
            onSelect={(sh, c) => void attempt(() => actions.selectCell(sh, c))}
          />
          <TierConditions rubric={rubric} report={report} strings={s} lang={lang} />
          <CoverageStrip rubric={rubric} report={report} title={s.coverageTitle} lang={lang} />
          <Radar rubric={rubric} assessment={assessment} title={s.radarTitle} lang={lang} />
          {warnings.length > 0 && (
            <IssueList
              issues={warnings}
              strings={s}
              title={s.warningsTitle(warnings.length, report.warnings.filter((w) => w.code === 'required').length)}
              sheetLabel={sheetLabel}
              onSelect={(sh, c) => void attempt(() => actions.selectCell(sh, c))}
            />
          )}
        </>
      )}
      <LoadBoundary message={s.failed}>
        <React.Suspense fallback={<Spinner label={s.loading} />}>
          {tab === 'whatif' && (
            <WhatIfPanel
              rubric={rubric}
              base={st.assessment}
              changes={wb.whatIf}
              sweep={sweep}
              strings={s}
              lang={lang}
              onChange={wb.setWhatIf}
              onApply={() =>
                void attempt(async () => {
                  await actions.applyChanges(rubric, st.assessment, wb.whatIf);
                  wb.setWhatIf([]);
                })
              }
              onRevert={() => wb.setWhatIf([])}
            />
          )}
          {tab === 'application' && appReport && (
            <ApplicationPanel
              report={appReport}
              errors={[...st.problems.filter((p) => isApp(p.path)).map(readIssue), ...issues(appReport.errors, 'error')]}
              warnings={issues(appReport.warnings, 'warning')}
              strings={s}
              sheetLabel={sheetLabel}
              onSelect={(sh, c) => void attempt(() => actions.selectCell(sh, c))}
              onSave={() => attempt(() => actions.saveApplication(rubric, st.assessment), s.application.saved)}
              empty={st.assessment.application === undefined}
            />
          )}
          {tab === 'summary' && (
            <>
              <SummaryPanel strings={s} onFill={(h) => attempt(() => actions.fillSummary(h), s.filled)} />
              <Divider />
              <RecognitionField
                rubric={rubric}
                value={st.assessment.profile?.recognition}
                strings={s}
                lang={lang}
                onChange={(id) => attempt(() => actions.setRecognition(rubric, id), s.recognition.saved)}
              />
              <Divider />
              <BureauMergeNote strings={s} />
            </>
          )}
        </React.Suspense>
      </LoadBoundary>
    </>
  );
}
