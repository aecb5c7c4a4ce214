/**
 * File-system failures said in words, with the path kept: `ENOENT`, `EISDIR`, `EEXIST: file already
 * exists, mkdir …` or SQLite's `unable to open database file` tell a newcomer little. One module, so
 * that the list, the database, `check` and `backup` say the same thing the same way.
 */
import { accessSync, closeSync, constants, openSync, rmSync, type Stats, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname } from 'node:path';

/** What was being done to the file: its wording depends on it. */
export type FileAccess = 'read' | 'write';

/** SQLite's codes that mean "the file or its folder is the problem": the file system says which. */
const sqliteFileCodes: ReadonlySet<string> = new Set(['SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM']);

/**
 * Why a file could not be read or written, in words.
 *
 * @param error What Node (`code`, `syscall`, `path`) or SQLite (`SQLITE_CANTOPEN`…) threw.
 * @param path The file the user named.
 * @param access Reading it, or writing (creating) it.
 * @returns A phrase such as `no such file`, `it is a folder, not a file`, `/srv/x is a file, where a folder
 *   is needed`, `the folder /srv is not writable by this user (node)`; else the error's own message.
 */
export function fileProblem(error: unknown, path: string, access: FileAccess): string {
  const { code, syscall, path: at, message } = error as NodeJS.ErrnoException;
  switch (code) {
    case 'ENOENT':
      return access === 'read' ? 'no such file' : (diagnose(path, access) ?? 'no such file or folder');
    case 'EISDIR':
      return folderNotFile;
    case 'EEXIST':
      // mkdir -p met a file where the path needs a folder.
      if (syscall === 'mkdir' && at) return fileInTheWay(at);
      break;
    case 'ENOTDIR':
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return diagnose(path, access) ?? simple(code, access);
    case 'ENOSPC':
      return 'the disk is full';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'ELOOP':
      return 'a loop of symbolic links';
  }
  // SQLite's and better-sqlite3's own errors (`unable to open database file`, `Cannot save backup because
  // the directory does not exist`) say little: the path itself is asked what is wrong with it.
  if (code === undefined || sqliteFileCodes.has(code))
    return diagnose(path, access) ?? message ?? String(error);
  return message ?? String(error);
}

/**
 * The one line for a paper list that cannot be read (start-up, reload, the CLI).
 *
 * @param path The list.
 * @param error What reading it threw.
 * @returns `cannot read the paper list PATH: REASON`.
 */
export function listUnreadable(path: string, error: unknown): string {
  return `cannot read the paper list ${path}: ${fileProblem(error, path, 'read')}`;
}

const folderNotFile = 'it is a folder, not a file';

function fileInTheWay(path: string): string {
  return `${path} is a file, where a folder is needed`;
}

function simple(code: string, access: FileAccess): string {
  if (code === 'EROFS') return 'it is on a read-only file system';
  if (code === 'ENOTDIR') return 'a file is in the way where a folder is needed';
  return `it is not ${access === 'read' ? 'readable' : 'writable'} by this user${whoAmI()}`;
}

/**
 * Look at the path as the file system sees it now: a folder where the file should be, a file where a
 * folder should be, a folder missing, a folder or file this user cannot write, a read-only mount.
 */
function diagnose(path: string, access: FileAccess): string | undefined {
  const own = statOf(path);
  if (own?.isDirectory()) return folderNotFile;
  let folder = dirname(path);
  let missing: string | undefined;
  for (;;) {
    const stats = statOf(folder);
    if (stats?.isDirectory()) break;
    if (stats) return fileInTheWay(folder);
    missing ??= folder;
    const parent = dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  const target = own ? path : folder;
  const denied = deniedBy(target, access, own ? 'it' : `the folder ${folder}`);
  // A folder that could not be created: why the folder above it refused, when it did.
  if (missing) return `the folder ${missing} ${denied ? `cannot be created: ${denied}` : 'does not exist'}`;
  if (denied) return denied;
  // Permission bits allow it (root is allowed everything), yet the file could not be created: a
  // pseudo file system (/proc, /sys) or a mount that refuses. Trying it is the only way to know.
  if (!own && access === 'write') return refusesFiles(path, folder);
  return undefined;
}

/** Why `access` is refused on `target` (named `label`), or undefined when it is allowed. */
function deniedBy(target: string, access: FileAccess, label: string): string | undefined {
  try {
    accessSync(target, access === 'read' ? constants.R_OK : constants.W_OK);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EROFS') return `${label} is on a read-only file system`;
    if (code === 'EACCES' || code === 'EPERM')
      return `${label} is not ${access === 'read' ? 'readable' : 'writable'} by this user${whoAmI()}`;
    return undefined;
  }
}

/** Create the file (and remove it): `undefined` when that works, else why not. */
function refusesFiles(path: string, folder: string): string | undefined {
  try {
    closeSync(openSync(path, 'wx'));
    rmSync(path);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EROFS') return `the folder ${folder} is on a read-only file system`;
    if (code === 'EACCES' || code === 'EPERM')
      return `the folder ${folder} is not writable by this user${whoAmI()}`;
    return `files cannot be created in the folder ${folder}`;
  }
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** ` (name)`: which user, since a service often runs as another one than the person reading the log. */
function whoAmI(): string {
  try {
    return ` (${userInfo().username})`;
  } catch {
    return '';
  }
}
