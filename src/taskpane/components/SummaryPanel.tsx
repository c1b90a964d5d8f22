import * as React from 'react';
import { Button, Field, Input, Text } from '@fluentui/react-components';
import type { PaneStrings } from '../strings';

export function SummaryPanel({ strings: s, onFill }: { strings: PaneStrings; onFill(h: { unit: string; contact: string; phone: string }): Promise<void> }) {
  const [unit, setUnit] = React.useState('');
  const [contact, setContact] = React.useState('');
  const [phone, setPhone] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        try {
          await onFill({ unit, contact, phone });
        } finally {
          setBusy(false);
        }
      }}
    >
      <Text size={200}>{s.summaryBody}</Text>
      <Field label={s.unit}>
        <Input value={unit} onChange={(_, d) => setUnit(d.value)} />
      </Field>
      <Field label={s.contact}>
        <Input value={contact} onChange={(_, d) => setContact(d.value)} />
      </Field>
      <Field label={s.phone}>
        <Input value={phone} onChange={(_, d) => setPhone(d.value)} />
      </Field>
      <Button appearance="primary" type="submit" disabled={busy} style={{ marginTop: 8 }}>
        {s.fillSummary}
      </Button>
    </form>
  );
}
