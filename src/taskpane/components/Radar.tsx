import * as React from 'react';
import { fmt2, type Assessment, type LevelAnswer, type Rubric } from '../../domain';

/**
 * A radar chart of the level-scored indicators in plain SVG (no chart library: the first screen stays small).
 * An indicator marked 不涉及 has no axis (it is not a 0); the caption names it.
 */
export function Radar({ rubric, assessment, title, lang }: { rubric: Rubric; assessment: Assessment; title: string; lang: 'zh' | 'en' }) {
  const isNa = (id: string) => ((assessment.indicators?.[id] ?? {}) as LevelAnswer).level === 'na';
  const levelItems = rubric.indicators.filter((i) => i.kind === 'level');
  const items = levelItems.filter((i) => !isNa(i.id));
  const na = levelItems.filter((i) => isNa(i.id));
  const size = 260;
  const c = size / 2;
  const r = c - 44;
  const max = rubric.bands[rubric.bands.length - 1]!.range.max;
  const point = (i: number, v: number) => {
    const a = (Math.PI * 2 * i) / items.length - Math.PI / 2;
    return [c + Math.cos(a) * r * (v / max), c + Math.sin(a) * r * (v / max)] as const;
  };
  const scores = items.map((ind) => {
    const a = (assessment.indicators?.[ind.id] ?? {}) as LevelAnswer;
    return typeof a.score === 'number' ? Math.max(0, Math.min(max, a.score)) : 0;
  });
  const poly = scores.map((v, i) => point(i, v).join(',')).join(' ');
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${size} ${size}`} width="100%" role="img" aria-label={title}>
        <title>{title}</title>
        {[0.25, 0.5, 0.75, 1].map((f) => (
          <polygon key={f} points={items.map((_, i) => point(i, max * f).join(',')).join(' ')} fill="none" stroke="#d0d0d0" />
        ))}
        {items.map((_, i) => {
          const [x, y] = point(i, max);
          return <line key={i} x1={c} y1={c} x2={x} y2={y} stroke="#e0e0e0" />;
        })}
        <polygon points={poly} fill="rgba(15,108,189,0.25)" stroke="#0f6cbd" strokeWidth={2} />
        {items.map((ind, i) => {
          const [x, y] = point(i, max * 1.16);
          return (
            <text key={ind.id} x={x} y={y} fontSize={10} textAnchor="middle" dominantBaseline="middle">
              {lang === 'zh' ? ind.id : ind.id}
              <tspan x={x} dy={11}>
                {fmt2(scores[i]!)}
              </tspan>
            </text>
          );
        })}
      </svg>
      <figcaption style={{ fontSize: 11 }}>
        {items.map((ind) => `${ind.id} ${ind.name[lang]}`).join(' · ')}
        {na.length > 0 && (
          <span data-testid="radar-na">{` · ${rubric.naLabel[lang]}${lang === 'zh' ? '：' : ': '}${na.map((ind) => `${ind.id} ${ind.name[lang]}`).join(' · ')}`}</span>
        )}
      </figcaption>
    </figure>
  );
}
