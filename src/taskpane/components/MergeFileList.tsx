import * as React from 'react';
import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { FileReport, MergeIssue } from '../../domain/merge/types';
import type { PaneStrings } from '../strings';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '6px' },
  item: { display: 'flex', flexDirection: 'column', gap: '2px', paddingBottom: '4px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  head: { display: 'flex', gap: '6px', alignItems: 'center', wordBreak: 'break-all' },
  issue: { color: tokens.colorPaletteRedForeground1 },
});

const COLORS = { merged: 'success', replaced: 'warning', skipped: 'danger' } as const;

const issueLine = (i: MergeIssue, colon: string) => `${i.sheet && i.cell ? `${i.sheet}!${i.cell}` : i.path}${colon}${i.message}`;

/** Every input file: its status, what the merge says about it, and its first error or warning with the cell. */
export function MergeFileList({ files, strings: s }: { files: FileReport[]; strings: PaneStrings }) {
  const styles = useStyles();
  const title = s.merge.resultTitle(files.length);
  return (
    <section aria-label={title}>
      <Text weight="semibold">{title}</Text>
      <ul className={styles.list} data-testid="merge-files">
        {files.map((f) => {
          const first = f.errors[0] ?? f.warnings[0];
          return (
            <li key={f.input} className={styles.item} data-testid="merge-file" data-status={f.status}>
              <span className={styles.head}>
                <Badge appearance="tint" color={COLORS[f.status]}>
                  {s.merge.status[f.status]}
                </Badge>
                <Text weight="semibold">{f.file}</Text>
              </span>
              {f.message !== s.merge.status[f.status] && <Text size={200}>{f.message}</Text>}
              {first && (
                <Text size={200} className={f.errors.length ? styles.issue : undefined}>
                  {issueLine(first, s.colon)}
                </Text>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
