import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A tiny tmpfs the test can fill up: a real full disk. */
export interface SmallDisk {
  dir: string;
  /** Writes a filler file until the filesystem has no space left. */
  fill(): void;
  /** Deletes the filler. */
  free(): void;
  unmount(): void;
}

/** Mounting needs root (CAP_SYS_ADMIN); `undefined` when this machine does not allow it. */
export function mountSmallDisk(sizeKb = 4096): SmallDisk | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'mentorship-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  const filler = join(dir, 'filler.bin');
  return {
    dir,
    fill() {
      let n = 0;
      for (const size of [256 * 1024, 4096, 512]) {
        const chunk = Buffer.alloc(size, 1);
        for (;;) {
          try {
            writeFileSync(`${filler}.${n++}`, chunk);
          } catch {
            break;
          }
        }
      }
    },
    free() {
      execFileSync('sh', ['-c', `rm -f ${filler}.*`]);
    },
    unmount() {
      execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
