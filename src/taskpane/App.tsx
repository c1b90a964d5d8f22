import * as React from 'react';
import { Divider, makeStyles, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import type { Lang } from '../domain/i18n/lang';
import { getRubric } from '../domain/rubrics';
import { SheetNameClashError } from '../adapters/office/errors';
import type { ExcelActions } from './excel-host';
import { paneStrings } from './strings';
import { useWorkbook } from './use-workbook';
import { StartScreen } from './components/StartScreen';
import { LoadBoundary } from './components/LoadBoundary';

// The first screen carries only what it shows. The bureau merge (its panel, the merge engine, the workbook
// reader) loads when a bureau opens it; the dashboard (scoring, the layout, the tabs) when the workbook is an
// assessment workbook.
const MergePanel = React.lazy(() => import('./components/MergePanel').then((m) => ({ default: m.MergePanel })));
const AssessmentView = React.lazy(() => import('./components/AssessmentView').then((m) => ({ default: m.AssessmentView })));

const useStyles = makeStyles({
  root: { padding: '12px', display: 'flex', flexDirection: 'column', gap: '12px', maxWidth: '560px', minWidth: '280px' },
});

export function App({ actions, lang }: { actions: ExcelActions; lang: Lang }) {
  const styles = useStyles();
  const s = paneStrings(lang);
  const wb = useWorkbook(actions);
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
          <StartScreen
            title={s.insertTitle}
            body={s.insertBody}
            action={s.insertButton}
            busyLabel={s.inserting}
            onAction={() => attempt(() => actions.insert())}
          />
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
    const rubric = st.rubricId ? getRubric(st.rubricId) : undefined;
    if (!rubric || !st.assessment) return <StartScreen title={s.appTitle} body={s.unknownRubric(st.rubricId ?? '?')} />;
    return (
      <LoadBoundary message={s.failed}>
        <React.Suspense fallback={<Spinner label={s.loading} />}>
          <AssessmentView actions={actions} st={{ ...st, assessment: st.assessment }} rubric={rubric} wb={wb} strings={s} lang={lang} attempt={attempt} />
        </React.Suspense>
      </LoadBoundary>
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
