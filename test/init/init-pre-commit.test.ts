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

describe('dockguard init in a repository using the pre-commit framework', () => {
  it('adds a local node hook, keeping comments and other hooks, and is idempotent', async () => {
    const root = makeFixtureRepo('init-pre-commit-repo');
    const plan = await planInit(root, { dryRun: false, force: false, services: INGEST });
    expect(plan.setup).toBe('pre-commit-framework');
    const lines = await applyInit(plan);
    expect(lines).toContain('update .pre-commit-config.yaml (add the dockguard hook)');
    expect(lines).toContain('  docker/ingest.Dockerfile: context . (from inferred)');

    const text = readFileSync(path.join(root, '.pre-commit-config.yaml'), 'utf8');
    expect(text).toMatch(/^# Keep hooks fast: they run on every commit\.\n/);
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
      },
    ]);
    expect(JSON.parse(readFileSync(path.join(root, 'dockguard.config.json'), 'utf8'))).toEqual({
      services: [{ dockerfile: 'docker/ingest.Dockerfile', context: '' }],
      exclude: [],
    });

    const status = git(root, 'status', '--porcelain');
    expect((await planInit(root, { dryRun: false, force: false, services: INGEST })).actions).toEqual([]);
    expect(git(root, 'status', '--porcelain')).toBe(status);
  });

  it('leaves a config that already runs dockguard from its repository alone', async () => {
    const root = makeFixtureRepo('init-pre-commit-repo');
    const file = path.join(root, '.pre-commit-config.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}  - repo: https://example.com/acme/dockguard\n    rev: v0.1.0\n    hooks:\n      - id: dockguard\n`);
    const plan = await planInit(root, { dryRun: false, force: false, services: INGEST });
    expect(plan.actions.map((action) => action.kind === 'write-file' && path.basename(action.path))).toEqual(['dockguard.config.json']);
  });

  it('keeps a [tool.dockguard] table in pyproject.toml instead of writing a JSON config', async () => {
    const root = makeFixtureRepo('init-pre-commit-repo');
    const file = path.join(root, 'pyproject.toml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n[tool.dockguard]\nexclude = ["tests"]\n`);
    const plan = await planInit(root, { dryRun: false, force: false, services: INGEST });
    expect(plan.actions.some((action) => action.kind === 'write-file' && action.path.endsWith('dockguard.config.json'))).toBe(false);
    expect(plan.notes).toContain('pyproject.toml has [tool.dockguard]: no config written');
  });

  it('stops on a config that is not valid YAML, naming the file', async () => {
    const root = makeFixtureRepo('init-pre-commit-repo');
    writeFileSync(path.join(root, '.pre-commit-config.yaml'), 'repos: [\n  - repo: local\n');
    await expect(planInit(root, { dryRun: false, force: false, services: [] })).rejects.toThrow(/\.pre-commit-config\.yaml is not valid YAML/);
  });
});
