import * as React from 'react';
import { Field, Select, Text } from '@fluentui/react-components';
import type { Rubric } from '../../domain/rubric/schema';
import type { Lang } from '../../domain/i18n/lang';
import type { PaneStrings } from '../strings';

/**
 * 企业信息's 直接认定类别 (the notice's item 二（二）4) in the 汇总表 tab: the rubric's classes, the current one
 * from the sheet; choosing one writes the cell (the sheet's dropdown stays the record).
 */
export function RecognitionField({
  rubric,
  value,
  strings: s,
  lang,
  onChange,
}: {
  rubric: Rubric;
  value: string | undefined;
  strings: PaneStrings;
  lang: Lang;
  onChange(id: string | undefined): Promise<void>;
}) {
  const [busy, setBusy] = React.useState(false);
  const classes = rubric.recognitions ?? [];
  if (classes.length === 0) return null;
  const r = s.recognition;
  return (
    <section aria-label={r.title} data-testid="recognition">
      <Text weight="semibold">{r.title}</Text>
      <Text as="p" size={200}>
        {r.body}
      </Text>
      <Field label={r.label}>
        <Select
          value={value ?? ''}
          disabled={busy}
          onChange={async (_, d) => {
            setBusy(true);
            try {
              await onChange(d.value === '' ? undefined : d.value);
            } finally {
              setBusy(false);
            }
          }}
        >
          <option value="">{r.unset}</option>
          {classes.map((x) => (
            <option key={x.id} value={x.id}>
              {x.label[lang]}
            </option>
          ))}
        </Select>
      </Field>
    </section>
  );
}
