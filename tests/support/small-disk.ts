import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real, small filesystem (tmpfs) that a test can fill up: a full disk without mocks. Mounting needs
 * root, which CI has; elsewhere `canMount` is false and the tests that need it say they were skipped.
 */
export const canMount = process.getuid?.() === 0;

/** A mounted tmpfs of `size` bytes. */
export interface SmallDisk {
  path: string;
  /** Write filler files until the disk is full. */
  fill(): void;
  /** Remove the filler. */
  free(): void;
  dispose(): void;
}

/**
 * Mount a tmpfs of a given size.
 *
 * @param size Bytes (rounded by the kernel to pages).
 * @returns The disk.
 */
export function smallDisk(size: number): SmallDisk {
  const path = mkdtempSync(join(tmpdir(), 'optpaper-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', path]);
  const fillers: string[] = [];
  return {
    path,
    fill() {
      const chunk = Buffer.alloc(16 * 1024, 1);
      for (let n = 0; ; n++) {
        const file = join(path, `filler-${n}`);
        try {
          writeFileSync(file, chunk);
          fillers.push(file);
        } catch {
          // ENOSPC: full. A last small file takes what is left.
          try {
            writeFileSync(join(path, 'filler-last'), Buffer.alloc(512, 1));
            fillers.push(join(path, 'filler-last'));
          } catch {}
          return;
        }
      }
    },
    free() {
      for (const file of fillers.splice(0)) unlinkSync(file);
    },
    dispose() {
      try {
        execFileSync('umount', [path]);
      } finally {
        rmSync(path, { recursive: true, force: true });
      }
    },
  };
}
