// A failed file-system call as one sentence naming the path and what to do, never Node's raw text
// (`ENOENT: no such file or directory, open '/x/.a.json.123.tmp'`). Windows reports a file held open by Excel
// or WPS as EBUSY, EPERM or EACCES; elsewhere EPERM/EACCES mean a missing permission.
import { dirname } from 'node:path';
import type { Lang } from '../domain';
import { cliText, type FsAction, type FsProblem } from '../domain/i18n/cli';

export type { FsAction, FsProblem };

export const errnoCode = (e: unknown): string | undefined => {
  const c = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof c === 'string' ? c : undefined;
};

export function fsProblem(code: string | undefined, action: FsAction, platform: NodeJS.Platform = process.platform): FsProblem {
  switch (code) {
    case 'ENOENT':
      return action === 'write' ? 'noFolder' : 'missing';
    case 'ENOTDIR':
      return 'notFolder';
    case 'EISDIR':
      return 'isFolder';
    case 'EEXIST':
      return 'exists';
    case 'EBUSY':
    case 'ETXTBSY':
      return 'locked';
    case 'EPERM':
    case 'EACCES':
      return platform === 'win32' && action !== 'list' ? 'locked' : 'denied';
    case 'EROFS':
      return 'readOnly';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'full';
    case 'ENAMETOOLONG':
      return 'tooLong';
    case 'EMFILE':
    case 'ENFILE':
      return 'tooManyOpen';
    case 'ELOOP':
      return 'linkLoop';
    default:
      return 'other';
  }
}

/** The sentence for an error thrown by a file-system call on `path`. */
export function fsErrorMessage(e: unknown, path: string, action: FsAction, lang: Lang, platform: NodeJS.Platform = process.platform): string {
  const code = errnoCode(e);
  return cliText(lang).fs(fsProblem(code, action, platform), action, path, dirname(path), code ?? String((e as Error)?.name ?? 'Error'));
}
