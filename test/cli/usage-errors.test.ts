import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';
import { runCli } from '../helpers/run-cli.js';

afterAll(removeFixtureRepos);

describe('usage errors and CLI conventions', () => {
  it.each([
    [['check', '--bogus'], "dockguard: unknown option '--bogus' (see dockguard check --help)\n"],
    [['check', '--format', 'xml'], "dockguard: option '--format <format>' argument 'xml' is invalid. Allowed formats are text, json, sarif, github, markdown, gitlab, each optionally with :FILE. (see dockguard check --help)\n"],
    [['frob'], "dockguard: unknown command 'frob' (see dockguard --help)\n"],
    [[], 'dockguard: no command given; try dockguard check (see dockguard --help)\n'],
    [['check', '--select', 'no-such-rule'], 'dockguard: --select: unknown rule "no-such-rule"\n  hint: see `dockguard check --help` for the rule table\n'],
  ])('%j exits 2 with one line (and no help screen)', (args, stderr) => {
    const run = runCli(process.cwd(), args);
    expect(run).toEqual({ status: 2, stdout: '', stderr });
  });

  it('--version prints the version; --no-color keeps colour off even when FORCE_COLOR asks for it', () => {
    expect(runCli(process.cwd(), ['--version'])).toMatchObject({ status: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
    const repo = makeFixtureRepo('flat-layout');
    const coloured = runCli(repo, ['check'], { NO_COLOR: '', FORCE_COLOR: '1' });
    expect(coloured.stdout).toContain('\u001b[');
    expect(runCli(repo, ['check', '--no-color'], { NO_COLOR: '', FORCE_COLOR: '1' }).stdout).not.toContain('\u001b[');
  });

  it.runIf(process.getuid?.() === 0)('reports git’s dubious-ownership refusal as such, with its safe.directory hint', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dockguard-dubious-'));
    try {
      git(dir, 'init', '-q');
      chownSync(dir, 65534, 65534);
      const run = runCli(dir, ['check']);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(
        `dockguard: git refuses the repository at ${dir}: it is owned by another user (dubious ownership)\n  hint: if you trust it: git config --global --add safe.directory ${dir}\n`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
