import * as React from 'react';
import { Button, Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { bandOf, inInterval, offeredTiers, textsFor, type Assessment, type Change, type LevelAnswer, type Rubric, type SweepResult } from '../../domain';
import { scoreRuleText } from '../../workbook/score-rule';
import type { PaneStrings } from '../strings';

const useStyles = makeStyles({
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', columnGap: '8px', marginBottom: '6px' },
  rowLabel: { gridColumn: '1 / span 2' },
  scen: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 104px', gap: '4px', alignItems: 'center', marginBottom: '2px' },
  actions: { display: 'flex', gap: '8px', margin: '8px 0', flexWrap: 'wrap', alignItems: 'center' },
  suggestion: { display: 'flex', gap: '6px', alignItems: 'flex-start', marginBottom: '4px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface WhatIfPanelProps {
  rubric: Rubric;
  /** The sheet's own answers, before what-if changes. */
  base: Assessment;
  changes: Change[];
  sweep: SweepResult;
  strings: PaneStrings;
  lang: 'zh' | 'en';
  onChange(changes: Change[]): void;
  onApply(): void;
  onRevert(): void;
}

/** Replaces the change of the same target (indicator, scenario or maturity) or adds it. */
export function withChange(changes: Change[], c: Change): Change[] {
  const same = (x: Change) => x.kind === c.kind && (x.kind === 'maturity' || (x as { id: string }).id === (c as { id: string }).id);
  return [...changes.filter((x) => !same(x)), c];
}

export function WhatIfPanel({ rubric, base, changes, sweep, strings: s, lang, onChange, onApply, onRevert }: WhatIfPanelProps) {
  const styles = useStyles();
  const t = textsFor(rubric, lang);
  // A level/score pair the sheet would refuse (its score validation) stays a draft here, shown with the
  // sheet's own message; it is neither scored nor written.
  const [drafts, setDrafts] = React.useState<Record<string, LevelAnswer>>({});
  React.useEffect(() => {
    if (changes.length === 0) setDrafts({});
  }, [changes.length]);
  const refusal = scoreRuleText(rubric, lang);
  const propose = (id: string, level: number | 'na', score: number | undefined) => {
    const band = typeof level === 'number' ? bandOf(rubric, level) : undefined;
    const { [id]: _dropped, ...rest } = drafts;
    if (band && score !== undefined && !inInterval(score, band.range)) {
      setDrafts({ ...rest, [id]: { level, score } });
      return;
    }
    setDrafts(rest);
    onChange(withChange(changes, { kind: 'indicator', id, level, score }));
  };
  const current = (id: string): LevelAnswer => {
    const d = drafts[id];
    if (d) return d;
    const c = changes.find((x) => x.kind === 'indicator' && x.id === id);
    if (c && c.kind === 'indicator') return { level: c.level, score: c.score };
    return (base.indicators?.[id] ?? {}) as LevelAnswer;
  };
  const tierOf = (id: string) => {
    const c = changes.find((x) => x.kind === 'scenario' && x.id === id);
    return c && c.kind === 'scenario' ? c.tier : (base.scenarios?.[id] ?? 'none');
  };
  return (
    <div>
      <Text size={200} className={styles.muted}>
        {s.whatIfBody}
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={changes.length === 0} onClick={onApply}>
          {s.apply}
        </Button>
        <Button disabled={changes.length === 0} onClick={onRevert}>
          {s.revert}
        </Button>
      </div>
      <Text weight="semibold">{s.suggestions}</Text>
      <div data-testid="suggestions">
        {sweep.options.slice(0, 6).map((o, i) => (
          <div key={i} className={styles.suggestion}>
            <Button size="small" onClick={() => onChange(withChange(changes, o.change))}>
              {s.tryIt}
            </Button>
            <Text size={200}>
              {o.label}
              {s.colon}
              {o.effect}
            </Text>
          </div>
        ))}
      </div>
      <Text weight="semibold">{s.indicator}</Text>
      {rubric.indicators.map((ind) => {
        if (ind.kind !== 'level') return null;
        const a = current(ind.id);
        const levelId = `wi-level-${ind.id}`;
        return (
          <div key={ind.id} className={styles.row}>
            <Text size={200} className={styles.rowLabel}>
              {t.indicator(ind.id)}
            </Text>
            <Field label={s.level} size="small">
              <Select
                id={levelId}
                size="small"
                value={a.level === undefined ? '' : String(a.level)}
                onChange={(_, d) => {
                  const level = d.value === 'na' ? 'na' : Number(d.value);
                  propose(ind.id, level, level === 'na' ? undefined : a.score);
                }}
              >
                <option value="" disabled>
                  —
                </option>
                {rubric.levelLabels.map((l, i) => (
                  <option key={i} value={String(i + 1)}>
                    {l[lang]}
                  </option>
                ))}
                {ind.naAllowed && <option value="na">{rubric.naLabel[lang]}</option>}
              </Select>
            </Field>
            <Field label={s.score} size="small" validationState={drafts[ind.id] ? 'error' : 'none'} validationMessage={drafts[ind.id] ? refusal : undefined}>
              <Input
                size="small"
                type="number"
                value={a.score === undefined ? '' : String(a.score)}
                disabled={a.level === 'na'}
                onChange={(_, d) => {
                  const n = d.value === '' ? undefined : Number(d.value);
                  if (n !== undefined && !Number.isFinite(n)) return;
                  propose(ind.id, typeof a.level === 'number' || a.level === 'na' ? a.level : 1, n);
                }}
              />
            </Field>
          </div>
        );
      })}
      <Text weight="semibold">{s.scenario}</Text>
      {rubric.scenarios.map((sc) => (
        <div key={sc.id} className={styles.scen}>
          <Text size={200}>{t.scenario(sc.id)}</Text>
          <Select
            size="small"
            aria-label={`${t.scenario(sc.id)} ${s.tierField}`}
            value={tierOf(sc.id)}
            onChange={(_, d) => onChange(withChange(changes, { kind: 'scenario', id: sc.id, tier: d.value as never }))}
          >
            <option value="none">{s.none}</option>
            {offeredTiers(rubric, sc.id).map((tier) => (
              <option key={tier} value={tier}>
                {t.tier(tier)}
              </option>
            ))}
          </Select>
        </div>
      ))}
    </div>
  );
}
