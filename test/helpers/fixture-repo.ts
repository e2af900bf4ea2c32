import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

const created: string[] = [];

/** Runs git in `cwd` with an argument array; quiet, deterministic identity. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
    },
  });
}

/**
 * Copies test/fixtures/<name> into a fresh temporary git repository with
 * everything committed, so each test runs against a real repository.
 */
export function makeFixtureRepo(name: string, options: { commit?: boolean } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), `dockguard-${name.replace(/[^a-z0-9]+/gi, '-')}-`));
  created.push(dir);
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  if (options.commit ?? true) git(dir, 'commit', '-q', '-m', 'fixture');
  return dir;
}

/** Removes every repository made by this test file (call from afterAll). */
export function removeFixtureRepos(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}
