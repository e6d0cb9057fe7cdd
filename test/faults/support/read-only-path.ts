import { execFileSync } from 'node:child_process';
import { chmodSync, statSync } from 'node:fs';

/**
 * Makes a file or directory read-only for this process: a read-only bind mount over it when
 * running as root (root ignores permission bits), otherwise `chmod a-w`. Returns the undo.
 */
export function makeReadOnly(path: string): () => void {
  if (process.getuid?.() === 0) {
    execFileSync('mount', ['--bind', path, path], { stdio: 'ignore' });
    execFileSync('mount', ['-o', 'remount,bind,ro', path], { stdio: 'ignore' });
    // Lazy: the store under test may still hold the file open through the mount.
    return () => execFileSync('umount', ['-l', path], { stdio: 'ignore' });
  }
  const mode = statSync(path).mode & 0o7777;
  chmodSync(path, mode & ~0o222);
  return () => chmodSync(path, mode);
}
