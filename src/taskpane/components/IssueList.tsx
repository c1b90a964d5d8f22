import * as React from 'react';
import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { PaneStrings } from '../strings';

export interface PaneIssue {
  path: string;
  message: string;
  sheet?: string;
  cell?: string;
  severity: 'error' | 'warning';
}

const useStyles = makeStyles({
  group: { marginTop: '6px' },
  item: { display: 'block', textAlign: 'left', marginBottom: '2px' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** Errors (and warnings) grouped by sheet; each links to its cell. */
export function IssueList({
  issues,
  strings: s,
  title,
  sheetLabel,
  onSelect,
}: {
  issues: PaneIssue[];
  strings: PaneStrings;
  title: string;
  sheetLabel(sheet: string): string;
  onSelect(sheet: string, cell: string): void;
}) {
  const styles = useStyles();
  const groups = new Map<string, PaneIssue[]>();
  for (const i of issues) {
    const g = i.sheet ?? s.sheetNames.other;
    groups.set(g, [...(groups.get(g) ?? []), i]);
  }
  return (
    <section aria-label={title} data-testid={`issues-${issues[0]?.severity ?? 'none'}`}>
      <Text weight="semibold">{title}</Text>
      {[...groups].map(([sheet, list]) => (
        <div key={sheet} className={styles.group}>
          <Text size={200} weight="semibold">
            {sheetLabel(sheet)}
          </Text>
          {list.map((i, k) =>
            i.sheet && i.cell ? (
              <Link key={k} as="button" className={styles.item} onClick={() => onSelect(i.sheet!, i.cell!)} title={s.goToCell}>
                <span className={i.severity === 'error' ? styles.error : undefined}>
                  {i.cell}
                  {s.colon}
                  {i.message}
                </span>
              </Link>
            ) : (
              <Text key={k} size={200} className={styles.item}>
                {i.message}
              </Text>
            ),
          )}
        </div>
      ))}
    </section>
  );
}
