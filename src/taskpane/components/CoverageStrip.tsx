import * as React from 'react';
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { TIER_IDS, textsFor, type Report, type Rubric } from '../../domain';

// Segments are the rows and the four tiers the columns: a segment's name (「工厂建设」) then sits whole in its
// row header, and a tier column needs only its three characters and the count, so the table fits a 320 px
// pane. `keep-all` keeps CJK words whole (a header breaks only at a space, never 「工厂建/设」).
const useStyles = makeStyles({
  table: { borderCollapse: 'separate', borderSpacing: '2px', fontSize: '11px', marginTop: '4px', width: '100%', wordBreak: 'keep-all' },
  head: { padding: '2px', textAlign: 'center', fontWeight: 'normal', lineHeight: '14px' },
  cell: { padding: '2px', textAlign: 'center', borderRadius: '2px' },
  on: { backgroundColor: tokens.colorPaletteGreenBackground2 },
  off: { backgroundColor: tokens.colorNeutralBackground3 },
  row: { textAlign: 'left', fontWeight: 'normal', paddingRight: '4px' },
  count: { color: tokens.colorNeutralForeground3 },
});

/** Which 建设环节 have a scenario at each tier or above, with the number of scenarios claimed at each tier. */
export function CoverageStrip({ rubric, report, title, lang }: { rubric: Rubric; report: Report; title: string; lang: 'zh' | 'en' }) {
  const styles = useStyles();
  const t = textsFor(rubric, lang);
  return (
    <section aria-label={title}>
      <Text weight="semibold">{title}</Text>
      <table className={styles.table} data-testid="coverage">
        <thead>
          <tr>
            <td />
            {TIER_IDS.map((tier) => (
              <th key={tier} scope="col" className={styles.head}>
                {t.tier(tier)} <span className={styles.count}>{report.scenarioCounts[tier]}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rubric.segments.map((s) => (
            <tr key={s.id}>
              <th scope="row" className={styles.row}>
                {s.label[lang]}
              </th>
              {TIER_IDS.map((tier) => {
                const on = report.coverage[tier].includes(s.id);
                return (
                  <td key={tier} className={`${styles.cell} ${on ? styles.on : styles.off}`}>
                    {on ? '✓' : <span aria-label="✗">·</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
