import * as React from 'react';
import { Divider, makeStyles, MessageBar, MessageBarBody, Spinner, Tab, TabList } from '@fluentui/react-components';
import type { Lang } from '../domain';
import { cachedLayout } from '../workbook/layout';
import { cellForPath } from '../workbook/paths';
import { SheetNameClashError } from '../adapters/office/inject';
import type { ExcelActions } from './excel-host';
import { paneStrings } from './strings';
import { useWorkbook } from './use-workbook';
import { StartScreen } from './components/StartScreen';
import { ScoreHeader } from './components/ScoreHeader';
import { TierConditions } from './components/TierConditions';
import { GapList } from './components/GapList';
import { IssueList, type PaneIssue } from './components/IssueList';
import { Radar } from './components/Radar';
import { CoverageStrip } from './components/CoverageStrip';
import { BureauMergeNote } from './components/BureauMergeNote';
import { LoadBoundary } from './components/LoadBoundary';
import { ApplicationPanel } from './components/ApplicationPanel';
import { checkApplication } from '../domain/application/checks';
import { getApplicationRubric } from '../domain/rubrics/applications';

// The bureau merge (its panel, the merge engine, the workbook reader) loads only when a bureau opens it; the
// what-if and summary tabs (and the form controls only they use) when first opened.
const MergePanel = React.lazy(() => import('./components/MergePanel').then((m) => ({ default: m.MergePanel })));
const WhatIfPanel = React.lazy(() => import('./components/WhatIfPanel').then((m) => ({ default: m.WhatIfPanel })));
const SummaryPanel = React.lazy(() => import('./components/SummaryPanel').then((m) => ({ default: m.SummaryPanel })));

const useStyles = makeStyles({
  root: { padding: '12px', display: 'flex', flexDirection: 'column', gap: '12px', maxWidth: '560px', minWidth: '280px' },
});

type TabId = 'overview' | 'whatif' | 'summary' | 'application';

export function App({ actions, lang }: { actions: ExcelActions; lang: Lang }) {
  const styles = useStyles();
  const s = paneStrings(lang);
  const wb = useWorkbook(actions, lang);
  const [tab, setTab] = React.useState<TabId>('overview');
  const [notice, setNotice] = React.useState<{ intent: 'error' | 'success' | 'warning'; text: string } | null>(null);
  const [merging, setMerging] = React.useState(false);

  const attempt = async (fn: () => Promise<unknown>, success?: string) => {
    try {
      await fn();
      setNotice(success ? { intent: 'success', text: success } : null);
    } catch (e) {
      setNotice({ intent: 'error', text: e instanceof SheetNameClashError ? s.clash(e.sheets.join('、')) : s.failed((e as Error).message) });
    }
    await wb.refresh();
  };

  const banner = notice && (
    <MessageBar intent={notice.intent} role="status">
      <MessageBarBody>{notice.text}</MessageBarBody>
    </MessageBar>
  );
  const body = (() => {
    if (!actions.features.core) return <StartScreen title={s.appTitle} body={s.unsupported} />;
    const st = wb.state;
    if (!st) return <Spinner label={wb.error ? s.failed(wb.error) : s.loading} />;
    // A bureau's merged summary opens on its merge panel; a blank workbook offers both starts.
    if (st.layoutVersion === null && (st.mergedSummary || merging))
      return (
        <LoadBoundary message={s.failed}>
          <React.Suspense fallback={<Spinner label={s.loading} />}>
            <MergePanel host={actions} strings={s} lang={lang} onWritten={wb.refresh} onBack={st.mergedSummary ? undefined : () => setMerging(false)} />
          </React.Suspense>
        </LoadBoundary>
      );
    if (st.layoutVersion === null)
      return (
        <>
          <StartScreen title={s.insertTitle} body={s.insertBody} action={s.insertButton} busyLabel={s.inserting} onAction={() => attempt(() => actions.insert())} />
          <Divider />
          <StartScreen title={s.merge.title} body={s.merge.startBody} action={s.merge.button} onAction={async () => setMerging(true)} secondary />
        </>
      );
    if (st.layoutVersion > actions.layoutVersion) return <StartScreen title={s.newerTitle} body={s.newerBody(st.layoutVersion)} />;
    if (st.layoutVersion < actions.layoutVersion)
      return (
        <StartScreen
          title={s.upgradeTitle}
          body={s.upgradeBody(st.layoutVersion, actions.layoutVersion)}
          action={s.upgradeButton}
          busyLabel={s.inserting}
          onAction={() => attempt(() => actions.insert())}
        />
      );
    if (!wb.scored) return <StartScreen title={s.appTitle} body={s.unknownRubric(st.rubricId ?? '?')} />;
    const { rubric, report, gap, sweep, assessment } = wb.scored;
    const layout = cachedLayout(rubric, lang);
    const locate = (path: string) => cellForPath(layout, rubric, path);
    const issues = (list: readonly { path: string; message: string }[], severity: PaneIssue['severity']): PaneIssue[] =>
      list.map((i) => ({ path: i.path, message: i.message, severity, ...locate(i.path) }));
    // Unreadable cells of the 申报书 are listed on its tab, not with the self-assessment's errors.
    const isApp = (path: string) => path.startsWith('application.');
    const readIssue = (p: (typeof st.problems)[number]): PaneIssue => ({ path: p.path, message: p.message, sheet: p.sheet, cell: p.cell, severity: 'error' });
    const errors: PaneIssue[] = [...st.problems.filter((p) => !isApp(p.path)).map(readIssue), ...issues(report.errors, 'error')];
    const app = getApplicationRubric(rubric.id);
    const appReport = app ? checkApplication(app, rubric, st.assessment!, { lang, today: new Date().toISOString().slice(0, 10) }) : null;
    const warnings = issues(report.warnings, 'warning');
    const sheetKeys = new Map(layout.sheets.map((x) => [x.name, x.key]));
    const sheetLabel = (name: string) => {
      const k = sheetKeys.get(name);
      return k === 'profile' || k === 'indicators' || k === 'scenarios' ? s.sheetNames[k] : name;
    };
    return (
      <>
        <ScoreHeader rubric={rubric} report={report} strings={s} lang={lang} onRefresh={() => void wb.refresh()} />
        {wb.whatIf.length > 0 && (
          <MessageBar intent="warning">
            <MessageBarBody>{s.pendingChanges(wb.whatIf.length)}</MessageBarBody>
          </MessageBar>
        )}
        <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)}>
          <Tab value="overview">{s.tabs.overview}</Tab>
          <Tab value="whatif">{s.tabs.whatif}</Tab>
          <Tab value="summary">{s.tabs.summary}</Tab>
          {appReport && <Tab value="application">{s.tabs.application}</Tab>}
        </TabList>
        {tab === 'overview' && (
          <>
            <GapList rubric={rubric} gap={gap} strings={s} lang={lang} />
            <Divider />
            <IssueList issues={errors} strings={s} title={errors.length ? s.errorsTitle(errors.length) : s.noErrors} sheetLabel={sheetLabel} onSelect={(sh, c) => void attempt(() => actions.selectCell(sh, c))} />
            <TierConditions rubric={rubric} report={report} strings={s} lang={lang} />
            <CoverageStrip rubric={rubric} report={report} title={s.coverageTitle} lang={lang} />
            <Radar rubric={rubric} assessment={assessment} title={s.radarTitle} lang={lang} />
            {warnings.length > 0 && <IssueList issues={warnings} strings={s} title={s.warningsTitle(warnings.length)} sheetLabel={sheetLabel} onSelect={(sh, c) => void attempt(() => actions.selectCell(sh, c))} />}
          </>
        )}
        <LoadBoundary message={s.failed}>
          <React.Suspense fallback={<Spinner label={s.loading} />}>
          {tab === 'whatif' && (
            <WhatIfPanel
              rubric={rubric}
              base={st.assessment!}
              changes={wb.whatIf}
              sweep={sweep}
              strings={s}
              lang={lang}
              onChange={wb.setWhatIf}
              onApply={() =>
                void attempt(async () => {
                  await actions.applyChanges(rubric, wb.whatIf);
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
            onSave={async () => {
              try {
                setNotice({ intent: 'success', text: s.application.saved(await actions.saveApplication(rubric, st.assessment!)) });
              } catch (e) {
                setNotice({ intent: 'error', text: s.failed((e as Error).message) });
              }
            }}
          />
        )}
        {tab === 'summary' && (
            <>
              <SummaryPanel strings={s} onFill={(h) => attempt(() => actions.fillSummary(h), s.filled)} />
              <Divider />
              <BureauMergeNote strings={s} />
            </>
          )}
          </React.Suspense>
        </LoadBoundary>
      </>
    );
  })();
  return (
    <main className={styles.root} lang={lang === 'zh' ? 'zh-CN' : 'en-US'}>
      {!actions.features.pageLayout && actions.features.core && (
        <MessageBar intent="info">
          <MessageBarBody>{s.noPageLayout}</MessageBarBody>
        </MessageBar>
      )}
      {banner}
      {body}
    </main>
  );
}
