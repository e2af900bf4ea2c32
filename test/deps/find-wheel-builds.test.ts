import { afterAll, describe, expect, it } from 'vitest';
import { findWheelBuilds } from '../../src/deps/installed/find-wheel-builds.js';
import { missingPackage } from '../../src/rules/DG101-missing-package.js';
import { asImagePath, asRepoPath, type RunRecord } from '../../src/types.js';
import { analyzeInline, removeInlineRepos } from './analyze-inline-repo.js';

afterAll(removeInlineRepos);

const dockerfile = asRepoPath('Dockerfile');
const builds = (command: string) =>
  findWheelBuilds({ line: 5, stage: 'build', command, form: 'shell', workdir: asImagePath('/src'), env: {}, bindMounts: [] } satisfies RunRecord, dockerfile).map((b) => ({
    dir: b.dir,
    installs: [...b.install.files, ...b.install.inline, ...b.install.editables],
  }));

describe('findWheelBuilds: a project built into a wheel', () => {
  it.each([
    ['python -m build --wheel', '/src/dist', '/src'],
    ['python3 -m build -w --outdir /dist .', '/dist', '/src'],
    ['pyproject-build --wheel --outdir=/wheels services/api', '/wheels', '/src/services/api'],
    ['poetry build -f wheel', '/src/dist', '/src'],
    ['poetry build --format wheel -C services/api', '/src/services/api/dist', '/src/services/api'],
    ['uv build --wheel -o /dist', '/dist', '/src'],
    ['uv build libs/common', '/src/libs/common/dist', '/src/libs/common'],
    ['pdm build --no-sdist -d /out', '/out', '/src'],
    ['hatch build -t wheel', '/src/dist', '/src'],
    ['flit build --format wheel', '/src/dist', '/src'],
    ['python setup.py bdist_wheel -d /wheels', '/wheels', '/src'],
    ['cd /srv/app && python -m build', '/srv/app/dist', '/srv/app'],
  ])('%s lands in %s and installs the project at %s', (command, dir, project) => {
    const found = builds(command);
    expect(found.map((b) => b.dir)).toEqual([dir]);
    expect(found[0]!.installs.join(' ')).toContain(project);
  });

  it.each(['uv build --package api', 'python -m build --outdir $OUT', 'python -m build a b', 'poetry publish --build'])('does not guess what %s builds', (command) => {
    expect(builds(command)).toEqual([]);
  });
});

describe('a wheel of the repository project, built in one stage and installed in another', () => {
  const pyproject = '[project]\nname = "myapp"\nversion = "1.0"\ndependencies = ["flask"]\n\n[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n';
  const image = [
    'FROM python:3.12-slim AS build',
    'WORKDIR /src',
    'RUN pip install build',
    'COPY . .',
    'RUN python -m build --wheel --outdir /dist',
    '',
    'FROM python:3.12-slim',
    'COPY --from=build /dist/*.whl /tmp/',
    'RUN pip install /tmp/*.whl',
  ].join('\n');

  it('installs the project and its declared dependencies: what it lacks is proven missing', async () => {
    const analysis = await analyzeInline({ files: { Dockerfile: image, 'pyproject.toml': pyproject, 'myapp/__init__.py': '' }, imports: ['flask', 'redis'] });
    expect(missingPackage.check(analysis).map((f) => [f.module, f.severity])).toEqual([['redis', 'error']]);
  });

  it('installs the project alone with --no-deps: its dependencies are then proven missing unless something else installs them', async () => {
    const noDeps = image.replace('RUN pip install /tmp/*.whl', 'RUN pip install --no-deps /tmp/*.whl');
    const analysis = await analyzeInline({ files: { Dockerfile: noDeps, 'pyproject.toml': pyproject, 'myapp/__init__.py': '' }, imports: ['flask'] });
    expect(missingPackage.check(analysis).map((f) => [f.module, f.severity])).toEqual([['flask', 'error']]);
  });

  it('reads pip install --no-deps . the same way', async () => {
    const analysis = await analyzeInline({ files: { Dockerfile: 'FROM python:3.12-slim\nWORKDIR /src\nCOPY . .\nRUN pip install --no-deps .\n', 'pyproject.toml': pyproject, 'myapp/__init__.py': '' }, imports: ['flask'] });
    expect(missingPackage.check(analysis).map((f) => [f.module, f.severity])).toEqual([['flask', 'error']]);
  });
});
