import * as React from 'react';
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { TIER_IDS, textsFor, type Report, type Rubric } from '../../domain';

const useStyles = makeStyles({
  table: { borderCollapse: 'separate', borderSpacing: '2px', fontSize: '11px', marginTop: '4px', width: '100%' },
  cell: { padding: '2px 4px', textAlign: 'center', borderRadius: '2px', fontWeight: 'normal' },
  on: { backgroundColor: tokens.colorPaletteGreenBackground2 },
  off: { backgroundColor: tokens.colorNeutralBackground3 },
  row: { textAlign: 'left', fontWeight: 'normal', whiteSpace: 'nowrap' },
});

/** Which 建设环节 have a scenario at each tier or above. */
export function CoverageStrip({ rubric, report, title, lang }: { rubric: Rubric; report: Report; title: string; lang: 'zh' | 'en' }) {
  const styles = useStyles();
  const t = textsFor(rubric, lang);
  return (
    <section aria-label={title}>
      <Text weight="semibold">{title}</Text>
      <table className={styles.table}>
        <thead>
          <tr>
            <td />
            {rubric.segments.map((s) => (
              <th key={s.id} scope="col" className={styles.cell}>
                {s.label[lang]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {TIER_IDS.map((tier) => (
            <tr key={tier}>
              <th scope="row" className={styles.row}>
                {t.tier(tier)} {report.scenarioCounts[tier]}
              </th>
              {rubric.segments.map((s) => {
                const on = report.coverage[tier].includes(s.id);
                return (
                  <td key={s.id} className={`${styles.cell} ${on ? styles.on : styles.off}`}>
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
