import * as React from 'react';
import { Text } from '@fluentui/react-components';
import { textsFor, type Gap, type Rubric } from '../../domain';
import type { PaneStrings } from '../strings';

export function GapList({ rubric, gap, strings: s, lang }: { rubric: Rubric; gap: Gap | null; strings: PaneStrings; lang: 'zh' | 'en' }) {
  if (!gap) return <Text>{s.allMet}</Text>;
  const t = textsFor(rubric, lang);
  return (
    <section aria-label={s.gapTitle(t.tier(gap.tier))} data-testid="gap">
      <Text weight="semibold">{s.gapTitle(t.tier(gap.tier))}</Text>
      <ol style={{ margin: '4px 0', paddingLeft: 20 }}>
        {gap.actions.map((a, i) => (
          <li key={i}>
            <Text size={200}>{a.message}</Text>
          </li>
        ))}
      </ol>
    </section>
  );
}
