import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyInit } from '../../src/init/apply-init.js';
import { readToolVersion } from '../../src/init/package-files.js';
import { planInit } from '../../src/init/plan-init.js';
import { WATCHED_FILES_REGEX } from '../../src/init/watched-files.js';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

const INGEST = [{ dockerfile: 'docker/ingest.Dockerfile', context: '', contextSource: 'inferred' }];

/** The pre-commit version init would read from `pre-commit --version` (the machine's own is tested in test/e2e). */
const preCommit = (version: string | undefined) => async (): Promise<string | undefined> => version;

describe('dockguard init in a repository using the pre-commit framework', () => {
  it('adds a local node hook, keeping comments and other hooks, and is idempotent', async () => {
    const root = makeFixtureRepo('init-pre-commit-repo');
    const plan = await planInit(root, { dryRun: false, force: false, services: INGEST, readPreCommitVersion: preCommit('3.2.0') });
    expect(plan.setup).toBe('pre-commit-framework');
    const lines = await applyInit(plan);
    expect(lines).toContain(
      'update .pre-commit-config.yaml (add the dockguard hook; set default_install_hook_types so `pre-commit install` installs the pre-merge-commit hook too)',
    );
    expect(lines).toContain(
      'hooks run by the pre-commit framework (.pre-commit-config.yaml); run `pre-commit install` (again, if you ran it before: it now installs the pre-merge-commit hook too)',
    );
    expect(lines).toContain('  docker/ingest.Dockerfile: context . (from inferred)');

    const text = readFileSync(path.join(root, '.pre-commit-config.yaml'), 'utf8');
    expect(text).toMatch(/^# Keep hooks fast: they run on every commit\.\ndefault_stages: \[pre-commit\]\ndefault_install_hook_types: \[pre-commit, pre-merge-commit\]\nrepos:\n/);
    expect(text).toContain('        stages: [pre-commit, pre-merge-commit]\n');
    expect(text).toContain('- id: ruff # lint');
    const config = parse(text) as { repos: Array<{ repo: string; hooks: Array<Record<string, unknown>> }> };
    expect(config.repos.map((repo) => repo.repo)).toEqual([
      'https://github.com/astral-sh/ruff-pre-commit',
      'https://github.com/pre-commit/pre-commit-hooks',
      'local',
    ]);
    expect(config.repos[2]!.hooks).toEqual([
      {
        id: 'dockguard',
        name: 'dockguard',
        entry: 'dockguard check --staged',
        language: 'node',
        additional_dependencies: [`dockguard@${readToolVersion()}`],
        files: WATCHED_FILES_REGEX,
        require_serial: true,
        stages: ['pre-commit', 'pre-merge-commit'],
      },
    ]);
    expect(JSON.parse(readFileSync(path.join(root, 'dockguard.config.json'), 'utf8'))).toEqual({
      services: [{ dockerfile: 'docker/ingest.Dockerfile', context: '' }],
      exclude: [],
    });

    const status = git(root, 'status', '--porcelain');
    const again = await planInit(root, { dryRun: false, force: false, services: INGEST, readPreCommitVersion: preCommit('3.2.0') });
    // The config is complete; only this clone's git hook is missing (the fixture never ran pre-commit install).
    expect(again.actions).toEqual([
      {
        kind: 'run',
        argv: ['pre-commit', 'install'],
        cwd: root,
        why: 'this clone has no git hook yet: pre-commit installs the hook types .pre-commit-config.yaml names',
        isForClone: true,
      },
    ]);
    expect((await applyInit(again, { skipInstall: true }))[0]).toBe('dockguard is already set up in this repository; this clone needs its git hooks:');
    expect(again.notes[0]).toBe('hooks run by the pre-commit framework (.pre-commit-config.yaml); run `pre-commit install` if you have not yet');
    expect(git(root, 'status', '--porcelain')).toBe(status);
  });

  it('writes the stage names of pre-commit before 3.2 when that is the version installed, and says so', async () => {
    const root = makeFixtureRepo('init-pre-commit-repo');
    const lines = await applyInit(await planInit(root, { dryRun: false, force: false, services: INGEST, readPreCommitVersion: preCommit('3.0.4') }));
    expect(readFileSync(path.join(root, '.pre-commit-config.yaml'), 'utf8')).toContain('        stages: [commit, merge-commit]\n');
    expect(lines).toContain(
      'pre-commit 3.0.4 found: stages written as commit, merge-commit (the names before 3.2; `pre-commit migrate-config` renames them after an upgrade)',
    );
  });

  it('writes the current stage names when pre-commit is not installed, and names the older ones', async () => {
    const root = makeFixtureRepo('init-pre-commit-repo');
    const lines = await applyInit(await planInit(root, { dryRun: false, force: false, services: INGEST, readPreCommitVersion: preCommit(undefined) }));
    expect(readFileSync(path.join(root, '.pre-commit-config.yaml'), 'utf8')).toContain('        stages: [pre-commit, pre-merge-commit]\n');
    expect(lines).toContain(
      'pre-commit was not found on PATH: wrote the stage names of pre-commit 3.2 and later (pre-commit, pre-merge-commit); an older pre-commit needs commit, merge-commit',
    );
  });

  it('adds pre-merge-commit to an existing default_install_hook_types list, keeping its other types', async () => {
    const root = makeFixtureRepo('init-pre-commit-repo');
    const file = path.join(root, '.pre-commit-config.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('repos:\n', 'default_install_hook_types: [pre-commit, commit-msg]\nrepos:\n'));
    await applyInit(await planInit(root, { dryRun: false, force: false, services: INGEST, readPreCommitVersion: preCommit('3.2.0') }));
    expect(readFileSync(file, 'utf8')).toContain('default_install_hook_types: [pre-commit, commit-msg, pre-merge-commit]\nrepos:\n');
  });

  it('leaves a default_install_hook_types that already has pre-merge-commit alone', async () => {
    const root = makeFixtureRepo('init-pre-commit-repo');
    const file = path.join(root, '.pre-commit-config.yaml');
    writeFileSync(file, `default_install_hook_types:\n  - pre-merge-commit\n  - pre-commit\n${readFileSync(file, 'utf8')}`);
    const plan = await planInit(root, { dryRun: false, force: false, services: INGEST, readPreCommitVersion: preCommit('3.2.0') });
    expect(plan.actions.find((action) => action.kind === 'write-file' && action.path === file)?.why).toBe('add the dockguard hook');
  });

  it('keeps a dockguard hook taken from its repository as written, adding only the merge hook type', async () => {
    const root = makeFixtureRepo('init-pre-commit-repo');
    const file = path.join(root, '.pre-commit-config.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}  - repo: https://example.com/acme/dockguard\n    rev: v0.1.0\n    hooks:\n      - id: dockguard\n`);
    const plan = await planInit(root, { dryRun: false, force: false, services: INGEST, readPreCommitVersion: preCommit('3.2.0') });
    const config = plan.actions.find((action) => action.kind === 'write-file' && action.path === file);
    expect(config?.why, 'only the hook types change').toBe('set default_install_hook_types so `pre-commit install` installs the pre-merge-commit hook too');
    expect(parse((config as { content: string }).content).repos.at(-1)).toEqual({
      repo: 'https://example.com/acme/dockguard',
      rev: 'v0.1.0',
      hooks: [{ id: 'dockguard' }],
    });
    // The shipped manifest names no stages, so the config's default_stages: [pre-commit] leaves merges out.
    expect(plan.notes).toContain(
      'the dockguard hook in .pre-commit-config.yaml does not run at merges: add pre-merge-commit to its stages so a merge that needs no conflict resolution is checked too',
    );
  });

  it('says so when an existing dockguard hook does not run at merges', async () => {
    const root = makeFixtureRepo('init-pre-commit-repo');
    const file = path.join(root, '.pre-commit-config.yaml');
    const local = '  - repo: local\n    hooks:\n      - id: dockguard\n        name: dockguard\n        entry: dockguard check --staged\n        language: system\n';
    writeFileSync(file, `${readFileSync(file, 'utf8')}${local}`);
    const notes = (await planInit(root, { dryRun: false, force: false, services: INGEST, readPreCommitVersion: preCommit('3.2.0') })).notes;
    expect(notes).toContain(
      'the dockguard hook in .pre-commit-config.yaml does not run at merges: add pre-merge-commit to its stages so a merge that needs no conflict resolution is checked too',
    );
    writeFileSync(file, `${readFileSync(file, 'utf8')}        stages: [commit, merge-commit]\n`);
    const fixed = (await planInit(root, { dryRun: false, force: false, services: INGEST, readPreCommitVersion: preCommit('3.2.0') })).notes;
    expect(fixed.filter((note) => note.includes('does not run at merges'))).toEqual([]);
  });

  it('keeps a [tool.dockguard] table in pyproject.toml instead of writing a JSON config', async () => {
    const root = makeFixtureRepo('init-pre-commit-repo');
    const file = path.join(root, 'pyproject.toml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n[tool.dockguard]\nexclude = ["tests"]\n`);
    const plan = await planInit(root, { dryRun: false, force: false, services: INGEST, readPreCommitVersion: preCommit('3.2.0') });
    expect(plan.actions.some((action) => action.kind === 'write-file' && action.path.endsWith('dockguard.config.json'))).toBe(false);
    expect(plan.notes).toContain('pyproject.toml has [tool.dockguard]: no config written');
  });

  it('stops on a config that is not valid YAML, naming the file', async () => {
    const root = makeFixtureRepo('init-pre-commit-repo');
    writeFileSync(path.join(root, '.pre-commit-config.yaml'), 'repos: [\n  - repo: local\n');
    await expect(planInit(root, { dryRun: false, force: false, services: [] })).rejects.toThrow(/\.pre-commit-config\.yaml is not valid YAML/);
  });
});
