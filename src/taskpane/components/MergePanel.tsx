import * as React from 'react';
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, ProgressBar, Spinner, Switch, Text, Title3 } from '@fluentui/react-components';
import type { Lang } from '../../domain/i18n/lang';
import type { MergeHost } from '../merge/run-merge';
import type { PaneStrings } from '../strings';
import { useMerge } from '../use-merge';
import { MergeFileList } from './MergeFileList';
import { MergeFilePicker, useMergePicker } from './MergeFilePicker';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '10px' },
  header: { display: 'flex', flexDirection: 'column', gap: '6px' },
  actions: { display: 'flex', gap: '8px' },
});

/** 合并推荐汇总表 for city bureaus: header fields, many files, strict mode; progress, then every file's status. */
export function MergePanel({
  host,
  strings: s,
  lang,
  onWritten,
  onBack,
}: {
  host: MergeHost;
  strings: PaneStrings;
  lang: Lang;
  onWritten(): Promise<void> | void;
  onBack?(): void;
}) {
  const styles = useStyles();
  const m = useMerge(host, lang, s, onWritten);
  const picker = useMergePicker(m.files, m.setFiles, s, m.busy);
  const set = (k: 'unit' | 'contact' | 'phone') => (_: unknown, d: { value: string }) => m.setHeader({ ...m.header, [k]: d.value });
  return (
    // The whole panel takes dropped files and folders (the picker shows where and how).
    <section aria-labelledby="merge-title" className={styles.root} {...picker.dropHandlers}>
      <Title3 id="merge-title">{s.merge.title}</Title3>
      <Text>{m.target?.kind === 'merged' ? s.merge.bodyExisting(m.target.rows.length) : s.merge.body}</Text>
      <form
        className={styles.root}
        onSubmit={(e) => {
          e.preventDefault();
          void m.merge();
        }}
      >
        <div className={styles.header}>
          <Field label={s.unit}>
            <Input value={m.header.unit} onChange={set('unit')} disabled={m.busy} />
          </Field>
          <Field label={s.contact}>
            <Input value={m.header.contact} onChange={set('contact')} disabled={m.busy} />
          </Field>
          <Field label={s.phone}>
            <Input value={m.header.phone} onChange={set('phone')} disabled={m.busy} />
          </Field>
        </div>
        <MergeFilePicker picker={picker} strings={s} disabled={m.busy} />
        <Switch label={s.merge.strict} checked={m.strict} disabled={m.busy} onChange={(_, d) => m.setStrict(d.checked)} />
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={m.busy || picker.walking}>
            {m.busy ? <Spinner size="tiny" label={s.merge.merging} /> : s.merge.button}
          </Button>
          {onBack && (
            <Button type="button" onClick={onBack} disabled={m.busy}>
              {s.merge.back}
            </Button>
          )}
        </div>
      </form>
      {m.progress && (
        <Field label={(m.progress.writing ? s.merge.writing : s.merge.progress)(m.progress.done, m.progress.total)}>
          <ProgressBar value={m.progress.total ? m.progress.done / m.progress.total : 0} max={1} data-testid="merge-progress" />
        </Field>
      )}
      {m.notice && (
        <MessageBar intent={m.notice.intent} role="status">
          <MessageBarBody data-testid="merge-notice">{m.notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {m.target?.kind === 'merged' && m.target.rows.length > 0 && (
        <div className={styles.header} data-testid="merge-letter">
          <Text size={200}>{s.merge.letterBody}</Text>
          <div className={styles.actions}>
            <Button type="button" onClick={() => void m.saveLetter()} disabled={m.busy}>
              {m.savingLetter ? s.merge.savingLetter : s.merge.saveLetter}
            </Button>
          </div>
        </div>
      )}
      {m.results && <MergeFileList files={m.results} strings={s} />}
    </section>
  );
}
