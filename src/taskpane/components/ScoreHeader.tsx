import * as React from 'react';
import { Badge, Button, makeStyles, Text, tokens, Tooltip } from '@fluentui/react-components';
import { fmt2, textsFor, type Report, type Rubric } from '../../domain';
import type { PaneStrings } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: '12px', flexWrap: 'wrap' },
  number: { fontSize: '32px', fontWeight: 600, lineHeight: '40px' },
  label: { color: tokens.colorNeutralForeground3, display: 'block' },
  spacer: { flexGrow: 1 },
});

export interface ScoreHeaderProps {
  rubric: Rubric;
  report: Report;
  strings: PaneStrings;
  lang: 'zh' | 'en';
  onRefresh(): void;
  /** Whether edits are followed live: the button's tooltip says when it is still needed. */
  live: boolean;
}

export function ScoreHeader({ rubric, report, strings: s, lang, onRefresh, live }: ScoreHeaderProps) {
  const styles = useStyles();
  const t = textsFor(rubric, lang);
  const tier = report.tier ? t.tier(report.tier) : s.noTier;
  return (
    <div className={styles.root} aria-live="polite">
      <div>
        <Text className={styles.label} size={200}>
          {s.composite}
        </Text>
        <span className={styles.number} data-testid="composite">
          {report.composite === null ? '—' : fmt2(report.composite)}
        </span>
      </div>
      <div>
        <Text className={styles.label} size={200}>
          {s.tier}
        </Text>
        <Badge size="large" appearance="filled" color={report.tier ? 'success' : 'informative'} data-testid="tier">
          {tier}
        </Badge>
        {!report.complete && (
          <Text size={200} style={{ marginLeft: 6 }}>
            {s.incomplete}
          </Text>
        )}
      </div>
      <span className={styles.spacer} />
      <Tooltip content={live ? s.refreshLive : s.refreshManual} relationship="description" withArrow>
        <Button appearance={live ? 'subtle' : 'secondary'} onClick={onRefresh}>
          {s.refresh}
        </Button>
      </Tooltip>
    </div>
  );
}
