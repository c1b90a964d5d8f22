import * as React from 'react';
import { Button, Spinner, Text, Title3 } from '@fluentui/react-components';

export function StartScreen({ title, body, action, busyLabel, onAction }: { title: string; body: string; action?: string; busyLabel?: string; onAction?(): Promise<void> }) {
  const [busy, setBusy] = React.useState(false);
  return (
    <section aria-labelledby="start-title" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Title3 id="start-title">{title}</Title3>
      <Text>{body}</Text>
      {action && onAction && (
        <Button
          appearance="primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onAction();
            } finally {
              setBusy(false);
            }
          }}
        >
          {busy ? <Spinner size="tiny" label={busyLabel} /> : action}
        </Button>
      )}
    </section>
  );
}
