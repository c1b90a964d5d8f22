import * as React from 'react';
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { TIER_IDS, textsFor, type Report, type Rubric } from '../../domain';
import type { PaneStrings } from '../strings';

const useStyles = makeStyles({
  tier: { marginBottom: '6px' },
  ok: { color: tokens.colorPaletteGreenForeground1, fontWeight: 600 },
  no: { color: tokens.colorPaletteRedForeground1, fontWeight: 600 },
  list: { margin: '2px 0 0 0', paddingLeft: '20px' },
});

export function TierConditions({ rubric, report, strings: s, lang }: { rubric: Rubric; report: Report; strings: PaneStrings; lang: 'zh' | 'en' }) {
  const styles = useStyles();
  const t = textsFor(rubric, lang);
  return (
    <section aria-label={s.conditions}>
      <Text weight="semibold">{s.conditions}</Text>
      {TIER_IDS.map((id) => {
        const st = report.tiers[id];
        return (
          <div key={id} className={styles.tier} data-testid={`tier-${id}`}>
            <span className={st.met ? styles.ok : styles.no} aria-hidden>
              {st.met ? '✓' : '✗'}
            </span>{' '}
            <Text>{t.tier(id)}</Text>
            {st.unmet.length > 0 && (
              <ul className={styles.list}>
                {st.unmet.map((u, i) => (
                  <li key={i}>
                    <Text size={200}>{u}</Text>
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </section>
  );
}
