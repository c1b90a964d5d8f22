import * as React from 'react';
import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import type { PaneStrings } from '../strings';

/**
 * In an enterprise's assessment workbook: where a bureau's merge belongs. Choosing it is refused with the
 * way to do it (a new blank workbook); nothing is written here.
 */
export function BureauMergeNote({ strings: s }: { strings: PaneStrings }) {
  const [refused, setRefused] = React.useState(false);
  return (
    <section aria-label={s.merge.bureauTitle} style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
      <Text weight="semibold">{s.merge.bureauTitle}</Text>
      <Text size={200}>{s.merge.bureauBody}</Text>
      <div>
        <Button onClick={() => setRefused(true)}>{s.merge.button}</Button>
      </div>
      {refused && (
        <MessageBar intent="warning" role="status">
          <MessageBarBody>{s.merge.refused}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
