import * as React from 'react';
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { TIER_IDS, textsFor, type Report, type Rubric } from '../../domain';

const useStyles = makeStyles({
  grid: { display: 'grid', gap: '2px', fontSize: '11px', marginTop: '4px' },
  cell: { padding: '2px 4px', textAlign: 'center', borderRadius: '2px' },
  on: { backgroundColor: tokens.colorPaletteGreenBackground2 },
  off: { backgroundColor: tokens.colorNeutralBackground3 },
});

/** Which 建设环节 have a scenario at each tier or above. */
export function CoverageStrip({ rubric, report, title, lang }: { rubric: Rubric; report: Report; title: string; lang: 'zh' | 'en' }) {
  const styles = useStyles();
  const t = textsFor(rubric, lang);
  const cols = `minmax(48px,auto) repeat(${rubric.segments.length}, 1fr)`;
  return (
    <section aria-label={title}>
      <Text weight="semibold">{title}</Text>
      <div className={styles.grid} style={{ gridTemplateColumns: cols }} role="table">
        <span role="columnheader" />
        {rubric.segments.map((s) => (
          <span key={s.id} role="columnheader" className={styles.cell}>
            {s.label[lang]}
          </span>
        ))}
        {TIER_IDS.map((tier) => (
          <React.Fragment key={tier}>
            <span role="rowheader">
              {t.tier(tier)} {report.scenarioCounts[tier]}
            </span>
            {rubric.segments.map((s) => {
              const on = report.coverage[tier].includes(s.id);
              return (
                <span key={s.id} role="cell" className={`${styles.cell} ${on ? styles.on : styles.off}`} aria-label={`${t.tier(tier)} ${s.label[lang]} ${on ? '✓' : '✗'}`}>
                  {on ? '✓' : ''}
                </span>
              );
            })}
          </React.Fragment>
        ))}
      </div>
    </section>
  );
}
