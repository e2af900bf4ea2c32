import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';
import { runCli, withoutTiming } from '../helpers/run-cli.js';

afterAll(removeFixtureRepos);

describe('dockguard check --since (the built CLI)', () => {
  it('prints the base it counted from and checks only the affected services', () => {
    const root = makeFixtureRepo('check-since');
    git(root, 'checkout', '-q', '-b', 'feature');
    appendFileSync(path.join(root, 'services/orders/orders/api.py'), '\n# TODO: pagination\n');
    const run = runCli(root, ['check', '--since', 'main']);
    const base = git(root, 'merge-base', 'main', 'HEAD').slice(0, 12);
    expect({ ...run, stdout: withoutTiming(run.stdout) }).toEqual({
      status: 0,
      stdout: `note: changes since main (merge-base ${base}): 1 path\n✔ dockguard: 1 service checked · 3 unaffected · 0 errors · 0 warnings · <time>\n`,
      stderr: '',
    });
  });

  it('a bad ref is dockguard’s own trouble: exit 2, one line and a hint', () => {
    const root = makeFixtureRepo('check-since');
    expect(runCli(root, ['check', '--since', 'origin/main'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'dockguard: --since origin/main: no such commit or branch\n  hint: check the name; in CI, fetch it first (actions/checkout with fetch-depth: 0, or git fetch origin <branch>)\n',
    });
    expect(runCli(root, ['check', '--since', 'main', '--staged'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^dockguard: --since and --staged cannot be combined\n/) });
  });
});
