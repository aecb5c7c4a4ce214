import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileProblem, listUnreadable } from '../src/file-errors.ts';
import { openStore } from '../src/store/sqlite.ts';
import { canMount } from './support/small-disk.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'optpaper-'));

/** What `use` really throws. */
function thrown(use: () => unknown): unknown {
  try {
    use();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was thrown');
}

describe('fileProblem: what is wrong with a path, in words, the path kept', () => {
  it('says "no such file" for a list that is not there (ENOENT)', () => {
    const path = join(scratch(), 'papers.md');
    expect(
      listUnreadable(
        path,
        thrown(() => readFileSync(path)),
      ),
    ).toBe(`cannot read the paper list ${path}: no such file`);
  });

  it('says a folder is not a file (EISDIR), for a list and for a database', () => {
    const folder = scratch();
    expect(
      listUnreadable(
        folder,
        thrown(() => readFileSync(folder)),
      ),
    ).toBe(`cannot read the paper list ${folder}: it is a folder, not a file`);
    expect(
      fileProblem(
        thrown(() => openStore(folder)),
        folder,
        'write',
      ),
    ).toBe('it is a folder, not a file');
  });

  it('names the file in the way where a folder is needed (EEXIST from mkdir)', () => {
    const file = join(scratch(), 'state');
    writeFileSync(file, 'not a folder');
    const path = join(file, 'optpaper.db');
    expect(
      fileProblem(
        thrown(() => openStore(path)),
        path,
        'write',
      ),
    ).toBe(`${file} is a file, where a folder is needed`);
  });

  it('names the folder that does not exist, for a file written there', () => {
    const folder = join(scratch(), 'backups');
    const path = join(folder, 'copy.db');
    const error = thrown(() => writeFileSync(path, ''));
    expect(fileProblem(error, path, 'write')).toBe(`the folder ${folder} does not exist`);
  });

  it('says who cannot write a folder (EACCES; as root nothing is refused, so the error is built here)', () => {
    // Permission bits refuse nothing to root: the folder's mode is what a user would meet.
    const folder = scratch();
    const path = join(folder, 'optpaper.db');
    const error = Object.assign(new Error(`EACCES: permission denied, open '${path}'`), {
      code: 'EACCES',
      syscall: 'open',
      path,
    });
    const reason = fileProblem(error, path, 'write');
    if (process.getuid?.() === 0)
      expect(reason).toBe(`it is not writable by this user (${userInfo().username})`);
    else expect(reason).toBe(`the folder ${folder} is not writable by this user (${userInfo().username})`);
  });

  it('says a folder where files cannot be created is one (/proc, /sys: root is refused there too)', () => {
    const path = '/proc/optpaper.db';
    expect(
      fileProblem(
        thrown(() => openStore(path)),
        path,
        'write',
      ),
    ).toMatch(
      /^(files cannot be created in the folder \/proc|the folder \/proc is not writable by this user \(.+\))$/,
    );
  });

  it.skipIf(!canMount)('says a read-only file system is one (a real read-only tmpfs)', () => {
    const mount = scratch();
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', mount]);
    try {
      const path = join(mount, 'optpaper.db');
      expect(
        fileProblem(
          thrown(() => openStore(path)),
          path,
          'write',
        ),
      ).toBe(`the folder ${mount} is on a read-only file system`);
      const deeper = join(mount, 'state', 'optpaper.db');
      expect(
        fileProblem(
          thrown(() => openStore(deeper)),
          deeper,
          'write',
        ),
      ).toBe(
        `the folder ${join(mount, 'state')} cannot be created: the folder ${mount} is on a read-only file system`,
      );
    } finally {
      execFileSync('umount', [mount]);
      rmSync(mount, { recursive: true, force: true });
    }
  });

  it('keeps the message of an error it has no words for', () => {
    const folder = scratch();
    mkdirSync(join(folder, 'x'));
    expect(
      fileProblem(new Error('database disk image is malformed'), join(folder, 'x', 'a.db'), 'read'),
    ).toBe('database disk image is malformed');
  });
});
