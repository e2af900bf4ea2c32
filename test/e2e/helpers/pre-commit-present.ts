import { tmpdir } from 'node:os';
import { run } from './dockguard-cli.js';

/**
 * The version of the real `pre-commit` on PATH ("3.0.4"), or undefined. The
 * tests of the pre-commit framework skip without it, saying so, so that
 * `npm ci && npm test` passes on a machine without it; CI (.ci/run) sets
 * DOCKGUARD_REQUIRE_PRE_COMMIT=1, which turns its absence into a failure.
 */
export function findPreCommit(): string | undefined {
  let output = '';
  try {
    output = run('pre-commit', ['--version'], tmpdir()).stdout;
  } catch {
    // ENOENT: not installed.
  }
  const version = /^pre-commit (\S+)/m.exec(output)?.[1];
  if (version === undefined && process.env.DOCKGUARD_REQUIRE_PRE_COMMIT === '1') {
    throw new Error('DOCKGUARD_REQUIRE_PRE_COMMIT=1 but pre-commit is not on PATH (apt-get install -y pre-commit, or pipx install pre-commit)');
  }
  if (version === undefined) process.stderr.write('pre-commit is not installed: skipping the tests of the pre-commit framework\n');
  return version;
}

/** Test title suffix that says why the tests did not run. */
export const skippedWithoutPreCommit = (version: string | undefined): string =>
  version === undefined ? ' (skipped: pre-commit is not installed)' : ` (pre-commit ${version})`;
