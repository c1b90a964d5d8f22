import * as React from 'react';
import { Button, Spinner, Text, Title3 } from '@fluentui/react-components';

export function StartScreen({
  title,
  body,
  action,
  busyLabel,
  onAction,
  secondary,
}: {
  title: string;
  body: string;
  action?: string;
  busyLabel?: string;
  onAction?(): Promise<void>;
  secondary?: boolean;
}) {
  const [busy, setBusy] = React.useState(false);
  const titleId = React.useId();
  return (
    <section aria-labelledby={titleId} style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Title3 id={titleId}>{title}</Title3>
      <Text>{body}</Text>
      {action && onAction && (
        <Button
          appearance={secondary ? 'secondary' : 'primary'}
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
