import * as React from 'react';
import { Button, makeStyles, ProgressBar, Text, tokens } from '@fluentui/react-components';
import type { ApplicationReport } from '../../domain/application/checks';
import type { PaneStrings } from '../strings';
import { IssueList, type PaneIssue } from './IssueList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '10px' },
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', columnGap: '8px', alignItems: 'center' },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

/** The 申报书 tab: how complete each section is, every problem linked to its cell, and the printable .docx. */
export function ApplicationPanel({
  report,
  errors,
  warnings,
  strings: s,
  sheetLabel,
  onSelect,
  onSave,
  empty,
}: {
  report: ApplicationReport;
  /** No 申报书 input is filled: nothing to print yet (sfa application refuses such a file too). */
  empty: boolean;
  errors: PaneIssue[];
  warnings: PaneIssue[];
  strings: PaneStrings;
  sheetLabel(sheet: string): string;
  onSelect(sheet: string, cell: string): void;
  onSave(): Promise<void>;
}) {
  const styles = useStyles();
  const [busy, setBusy] = React.useState(false);
  const a = s.application;
  const asked = report.sections.filter((x) => x.required > 0 || x.errors > 0);
  return (
    <section className={styles.root} aria-label={a.title} data-testid="application-panel">
      <Text weight="semibold" data-testid="application-status">
        {report.complete ? a.complete : a.incomplete(errors.length, warnings.length)}
      </Text>
      {asked.map((x) => (
        <div key={x.key} className={styles.row} data-testid={`application-section-${x.key}`}>
          <div>
            <Text size={200} className={x.errors ? styles.bad : undefined}>
              {x.title}
            </Text>
            <ProgressBar
              value={x.required ? x.filled / x.required : 1}
              max={1}
              color={x.errors ? 'error' : x.filled === x.required ? 'success' : 'brand'}
              aria-label={`${x.title}：${a.filled(x.filled, x.required)}`}
            />
          </div>
          <Text size={200}>{a.filled(x.filled, x.required)}</Text>
        </div>
      ))}
      <IssueList issues={errors} strings={s} title={errors.length ? s.errorsTitle(errors.length) : s.noErrors} sheetLabel={sheetLabel} onSelect={onSelect} />
      {warnings.length > 0 && (
        <IssueList issues={warnings} strings={s} title={s.warningsTitle(warnings.length, 0)} sheetLabel={sheetLabel} onSelect={onSelect} />
      )}
      <Text size={200} data-testid="application-save-body">
        {empty ? a.emptyBody : a.saveBody}
      </Text>
      <Button
        appearance="primary"
        disabled={busy || empty}
        onClick={async () => {
          setBusy(true);
          try {
            await onSave();
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy ? a.saving : a.save}
      </Button>
    </section>
  );
}
