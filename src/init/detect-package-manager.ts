import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type PackageManager = 'npm' | 'pnpm' | 'yarn';

export interface PackageManagerInfo {
  name: PackageManager;
  /** argv adding dev dependencies at the repository root. */
  addDev(packages: string[]): string[];
  /** argv running a locally installed binary. */
  exec(bin: string): string[];
}

/** `packageManager` in package.json wins (corepack's source of truth), then the lock file, then npm. */
export function detectPackageManager(root: string, manifest: { packageManager?: unknown; workspaces?: unknown }): PackageManagerInfo {
  const declared = typeof manifest.packageManager === 'string' ? manifest.packageManager.split('@')[0] : undefined;
  const has = (file: string): boolean => existsSync(path.join(root, file));
  const name: PackageManager =
    declared === 'pnpm' || declared === 'yarn' || declared === 'npm'
      ? declared
      : has('pnpm-lock.yaml') ? 'pnpm' : has('yarn.lock') ? 'yarn' : 'npm';

  if (name === 'pnpm') {
    // pnpm refuses to add to a workspace root without the flag.
    const root_ = has('pnpm-workspace.yaml') ? ['--workspace-root'] : [];
    return { name, addDev: (pkgs) => ['pnpm', 'add', '--save-dev', ...root_, ...pkgs], exec: (bin) => ['pnpm', 'exec', bin] };
  }
  if (name === 'yarn') {
    // Yarn 1 refuses to add to a workspace root without -W; Yarn 2+ has no such flag.
    const classic = has('yarn.lock') && readFileSync(path.join(root, 'yarn.lock'), 'utf8').includes('yarn lockfile v1');
    const root_ = classic && manifest.workspaces !== undefined ? ['-W'] : [];
    return { name, addDev: (pkgs) => ['yarn', 'add', '--dev', ...root_, ...pkgs], exec: (bin) => ['yarn', bin] };
  }
  return { name, addDev: (pkgs) => ['npm', 'install', '--save-dev', ...pkgs], exec: (bin) => ['npx', '--no-install', bin] };
}
