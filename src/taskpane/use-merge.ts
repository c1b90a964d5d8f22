// The merge panel's state: the workbook it merges into, the header fields, the picked files, progress while
// they are read, and the outcome with every file's status.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Lang } from '../domain/i18n/lang';
import type { FileReport, MergeReport } from '../domain/merge/types';
import type { MergeTarget } from '../adapters/office/merged';
import type { SummaryHeader } from '../workbook/merged-summary';
import type { PaneStrings } from './strings';
import type { NamedFile } from './merge/pick-files';
import { runMerge, type MergeHost } from './merge/run-merge';

export interface MergeNotice {
  intent: 'success' | 'warning' | 'error';
  text: string;
}

export interface MergeModel {
  target: MergeTarget | null;
  header: SummaryHeader;
  setHeader(h: SummaryHeader): void;
  strict: boolean;
  setStrict(v: boolean): void;
  /** The files chosen, each with the name 合并明细 gives it (a folder's files by their path in it). */
  files: NamedFile[];
  setFiles(f: NamedFile[]): void;
  busy: boolean;
  /** The cover letter is being written. */
  savingLetter: boolean;
  progress: { done: number; total: number; writing?: boolean } | null;
  results: FileReport[] | null;
  notice: MergeNotice | null;
  merge(): Promise<void>;
  /** Saves the cover letter of the merged summary (its rows as last read, the header as shown). */
  saveLetter(): Promise<void>;
}

function doneText(s: PaneStrings, r: MergeReport): string {
  const c = r.counts;
  return s.merge.done(c.rows, c.merged, c.replaced, c.skipped, c.existingKept);
}

export function useMerge(host: MergeHost, lang: Lang, s: PaneStrings, onWritten: () => Promise<void> | void): MergeModel {
  const [target, setTarget] = useState<MergeTarget | null>(null);
  const [header, setHeader] = useState<SummaryHeader>({ unit: '', contact: '', phone: '' });
  const [strict, setStrict] = useState(false);
  const [files, setFiles] = useState<NamedFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [savingLetter, setSavingLetter] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number; writing?: boolean } | null>(null);
  const [results, setResults] = useState<FileReport[] | null>(null);
  const [notice, setNotice] = useState<MergeNotice | null>(null);
  const alive = useRef(true);

  const load = useCallback(async () => {
    try {
      const t = await host.readMergeTarget();
      if (!alive.current) return;
      setTarget(t);
      if (t.kind === 'merged') setHeader(t.header);
    } catch (e) {
      if (alive.current) setNotice({ intent: 'error', text: s.failed((e as Error).message) });
    }
  }, [host, s]);

  useEffect(() => {
    alive.current = true;
    void load();
    return () => {
      alive.current = false;
    };
  }, [load]);

  const merge = useCallback(async () => {
    if (files.length === 0) {
      setNotice({ intent: 'warning', text: s.merge.noFiles });
      return;
    }
    setBusy(true);
    setNotice(null);
    setResults(null);
    setProgress({ done: 0, total: files.length });
    try {
      const onProgress = (done: number, total: number) => {
        if (alive.current) setProgress({ done, total });
      };
      const onWriting = (done: number, total: number) => {
        if (alive.current) setProgress({ done, total, writing: true });
      };
      const outcome = await runMerge(host, files, { lang, strings: s, strict, header, onProgress, onWriting });
      if (!alive.current) return;
      switch (outcome.kind) {
        case 'refused':
          setNotice({ intent: 'error', text: s.merge.refused });
          break;
        case 'clash':
          setNotice({ intent: 'error', text: s.merge.clash(outcome.sheets.join(s.merge.listSeparator)) });
          break;
        case 'nothing':
          setResults(outcome.report.files);
          setNotice({ intent: 'error', text: s.merge.nothingUsable });
          break;
        case 'written':
          setResults(outcome.report.files);
          setNotice({ intent: outcome.report.counts.skipped > 0 ? 'warning' : 'success', text: doneText(s, outcome.report) });
          await load();
          await onWritten();
          break;
      }
    } catch (e) {
      if (alive.current) setNotice({ intent: 'error', text: s.failed((e as Error).message) });
    } finally {
      if (alive.current) setBusy(false);
    }
  }, [files, host, lang, s, strict, header, load, onWritten]);

  const saveLetter = useCallback(async () => {
    if (target?.kind !== 'merged' || target.rows.length === 0) return;
    setBusy(true);
    setSavingLetter(true);
    try {
      const name = await host.saveLetter(header, target.rows);
      if (alive.current) setNotice({ intent: 'success', text: s.merge.letterSaved(name) });
    } catch (e) {
      if (alive.current) setNotice({ intent: 'error', text: s.failed((e as Error).message) });
    } finally {
      if (alive.current) {
        setBusy(false);
        setSavingLetter(false);
      }
    }
  }, [host, header, target, s]);

  return { target, header, setHeader, strict, setStrict, files, setFiles, busy, savingLetter, progress, results, notice, merge, saveLetter };
}
