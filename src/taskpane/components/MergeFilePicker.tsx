// The merge panel's file picker: 「选择文件」 and 「选择文件夹」 buttons that open hidden file inputs (the browser's own
// "Choose Files" control is English and takes no folder), and the panel as a drop zone for files and folders.
// What was chosen is kept as named files (a folder's files by their path in it) and counted on screen.
import * as React from 'react';
import { Button, Label, makeStyles, mergeClasses, shorthands, Spinner, Text, tokens } from '@fluentui/react-components';
import type { PaneStrings } from '../strings';
import {
  addPicked,
  MAX_FOLDER_DEPTH,
  MAX_PICKED_FILES,
  MAX_WALKED_ENTRIES,
  MERGE_ACCEPT,
  pickFromList,
  walkEntries,
  type NamedFile,
  type PickEntry,
  type PickResult,
} from '../merge/pick-files';

const useStyles = makeStyles({
  zone: {
    position: 'relative',
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    ...shorthands.padding('10px'),
    ...shorthands.border('1px', 'dashed', tokens.colorNeutralStroke1),
    ...shorthands.borderRadius(tokens.borderRadiusMedium),
    ':hover': { ...shorthands.borderColor(tokens.colorNeutralStroke1Hover) },
    ':focus-within': { ...shorthands.borderColor(tokens.colorBrandStroke1) },
  },
  dragging: {
    ...shorthands.borderWidth('2px'),
    ...shorthands.padding('9px'),
    ...shorthands.borderColor(tokens.colorBrandStroke1),
    backgroundColor: tokens.colorBrandBackground2,
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: '8px' },
  chosen: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 8px', minHeight: '24px' },
  note: { color: tokens.colorNeutralForeground2 },
  // Visually hidden, still in the page (clicked by the buttons; playwright's setInputFiles and the tests use it).
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    ...shorthands.margin('-1px'),
    ...shorthands.padding('0'),
    ...shorthands.border('0'),
    ...shorthands.overflow('hidden'),
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

export interface MergePicker {
  files: NamedFile[];
  /** A dropped folder is being walked. */
  walking: boolean;
  /** Files are being dragged over the panel. */
  dragging: boolean;
  /** What the last pick passed over or could not take, one sentence each. */
  notes: string[];
  fromList(list: FileList | null): void;
  clear(): void;
  /** The panel's drag-and-drop handlers: spread them on the element that is the drop zone. */
  dropHandlers: Pick<React.HTMLAttributes<HTMLElement>, 'onDragEnter' | 'onDragOver' | 'onDragLeave' | 'onDrop'>;
}

const keyOf = (f: NamedFile) => `${f.name}\u0000${f.file.size}\u0000${f.file.lastModified}`;

function notesOf(r: PickResult<File>, s: PaneStrings): string[] {
  const m = s.merge;
  return [
    r.skipped > 0 && m.passedOver(r.skipped),
    r.unreadable > 0 && m.unreadableEntries(r.unreadable),
    r.limits.files && m.tooManyFiles(MAX_PICKED_FILES),
    r.limits.entries && m.tooManyEntries(MAX_WALKED_ENTRIES),
    r.limits.depth && m.tooDeep(MAX_FOLDER_DEPTH),
  ].filter((n): n is string => typeof n === 'string');
}

/** A dropped item as an entry: the browser's own (folders included), or the bare file where it gives none. */
function entryOf(item: DataTransferItem): PickEntry<File> | null {
  const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
  if (entry) return entry;
  const file = item.getAsFile();
  return file && { name: file.name, fullPath: `/${file.name}`, isFile: true, isDirectory: false, file: (ok) => ok(file) };
}

const hasFiles = (e: React.DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/** The chosen files and how they are chosen; `setFiles` is the merge's. Drops are refused while `disabled`. */
export function useMergePicker(files: NamedFile[], setFiles: (f: NamedFile[]) => void, s: PaneStrings, disabled: boolean): MergePicker {
  const [walking, setWalking] = React.useState(false);
  const [dragging, setDragging] = React.useState(false);
  const [notes, setNotes] = React.useState<string[]>([]);
  const current = React.useRef(files);
  current.current = files;
  const depth = React.useRef(0);

  const take = React.useCallback(
    (r: PickResult<File>) => {
      const { files: all, limited } = addPicked(current.current, r.files, keyOf);
      current.current = all;
      setFiles(all);
      setNotes(notesOf({ ...r, limits: { ...r.limits, files: r.limits.files || limited } }, s));
    },
    [setFiles, s],
  );

  const fromList = React.useCallback((list: FileList | null) => take(pickFromList(Array.from(list ?? []), (f) => f.webkitRelativePath ?? '')), [take]);

  const fromDrop = React.useCallback(
    (dt: DataTransfer) => {
      // The entries must be taken while the drop event runs: the DataTransfer is emptied after it.
      const items = Array.from(dt.items ?? []).filter((i) => i.kind === 'file');
      if (items.length === 0) {
        take(pickFromList(Array.from(dt.files ?? []), () => ''));
        return;
      }
      const roots = items.map(entryOf);
      setWalking(true);
      void walkEntries(roots)
        .then(take)
        .finally(() => setWalking(false));
    },
    [take],
  );

  const clear = React.useCallback(() => {
    current.current = [];
    setFiles([]);
    setNotes([]);
  }, [setFiles]);

  const dropHandlers: MergePicker['dropHandlers'] = {
    onDragEnter: (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current++;
      setDragging(true);
    },
    onDragOver: (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault(); // lets the drop happen here instead of the browser opening the file
      e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
    },
    onDragLeave: (e) => {
      if (!hasFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    },
    onDrop: (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current = 0;
      setDragging(false);
      if (!disabled) fromDrop(e.dataTransfer);
    },
  };

  return { files, walking, dragging, notes, fromList, clear, dropHandlers };
}

/** webkitdirectory is no React prop: passed as a plain attribute. */
const FOLDER_INPUT = { webkitdirectory: '' } as React.InputHTMLAttributes<HTMLInputElement>;

export function MergeFilePicker({ picker: p, strings: s, disabled }: { picker: MergePicker; strings: PaneStrings; disabled: boolean }) {
  const styles = useStyles();
  const filesInput = React.useRef<HTMLInputElement>(null);
  const folderInput = React.useRef<HTMLInputElement>(null);
  const id = React.useId();
  const onChange = (e: React.ChangeEvent<HTMLInputElement>) => {
    p.fromList(e.currentTarget.files);
    e.currentTarget.value = ''; // choosing the same files again is a change too
  };
  const busy = disabled || p.walking;
  // The two inputs the buttons open: out of sight and out of the tab order (the buttons take the focus).
  const hiddenInput = { type: 'file', multiple: true, className: styles.hidden, tabIndex: -1, 'aria-hidden': true, disabled: busy, onChange } as const;
  return (
    <div
      role="group"
      aria-labelledby={`${id}-label`}
      aria-describedby={`${id}-hint`}
      className={mergeClasses(styles.zone, p.dragging && styles.dragging)}
      data-testid="merge-drop"
      data-dragging={p.dragging || undefined}
    >
      <Label id={`${id}-label`} weight="semibold">
        {s.merge.files}
      </Label>
      <div className={styles.buttons}>
        <Button type="button" disabled={busy} onClick={() => filesInput.current?.click()}>
          {s.merge.pickFiles}
        </Button>
        <Button type="button" disabled={busy} onClick={() => folderInput.current?.click()}>
          {s.merge.pickFolder}
        </Button>
      </div>
      <Text id={`${id}-hint`} size={200} className={styles.note}>
        {p.dragging ? s.merge.dropNow : s.merge.dropHint}
      </Text>
      <div className={styles.chosen} role="status" data-testid="merge-chosen">
        {p.walking ? (
          <Spinner size="tiny" label={s.merge.walking} />
        ) : p.files.length > 0 ? (
          <>
            <Text weight="semibold" data-testid="merge-count">
              {s.merge.chosen(p.files.length)}
            </Text>
            <Button type="button" size="small" appearance="subtle" aria-label={s.merge.clearLabel} disabled={busy} onClick={p.clear}>
              {s.merge.clear}
            </Button>
          </>
        ) : (
          <Text>{s.merge.noneChosen}</Text>
        )}
      </div>
      {p.notes.map((n) => (
        <Text key={n} size={200} className={styles.note} data-testid="merge-pick-note">
          {n}
        </Text>
      ))}
      <input ref={filesInput} {...hiddenInput} accept={MERGE_ACCEPT.join(',')} data-testid="merge-input" />
      <input ref={folderInput} {...hiddenInput} {...FOLDER_INPUT} data-testid="merge-folder-input" />
    </div>
  );
}
