import { afterAll, describe, expect, it } from 'vitest';
import { analyzeInline, removeInlineRepos } from './analyze-inline-repo.js';

afterAll(removeInlineRepos);

const PY = 'FROM python:3.12-slim\nWORKDIR /app\n';

describe('analyzeDependencies: what the image installs', () => {
  it('adds up several installs and maps renamed imports', async () => {
    const a = await analyzeInline({
      files: {
        Dockerfile: `${PY}COPY base.txt svc.txt ./\nRUN pip install -r base.txt && pip install -r svc.txt "gunicorn==23.0"\nCOPY app.py .\n`,
        'base.txt': 'PyYAML==6.0.2\n',
        'svc.txt': 'scikit-learn==1.5.2\npillow==11.0.0\n',
        'app.py': '',
      },
      imports: ['yaml', 'sklearn.cluster', 'PIL.Image', 'requests'],
    });
    const deps = a.dependencies!;
    // pip comes with the official python image.
    expect(deps.installed).toEqual(['gunicorn', 'pillow', 'pip', 'pyyaml', 'scikit-learn']);
    expect(deps.checks.map((c) => [c.module, c.installedAs])).toEqual([['yaml', 'pyyaml'], ['sklearn.cluster', 'scikit-learn'], ['PIL.Image', 'pillow'], ['requests', undefined]]);
    expect(deps.missingPackages).toEqual([expect.objectContaining({ module: 'requests', severity: 'error', expected: ['requests'], lookedAt: ['base.txt', 'svc.txt'] })]);
    expect(deps.missingPackages[0]!.fix).toMatchObject({ file: 'svc.txt', line: 2, text: 'requests' });
  });

  it('evaluates markers for the image Python version', async () => {
    const a = await analyzeInline({
      files: { Dockerfile: `FROM python:3.10-slim\nCOPY r.txt .\nRUN pip install -r r.txt\n`, 'r.txt': 'tomli==2.0.1; python_version < "3.11"\nexceptiongroup==1.2.2; python_version >= "3.11"\n' },
      imports: ['tomli', 'exceptiongroup'],
    });
    expect(a.dependencies!.missingPackages.map((m) => m.module)).toEqual(['exceptiongroup']);
  });

  it('reports a requirements file the stage does not hold yet as copy-source-missing', async () => {
    const a = await analyzeInline({ files: { Dockerfile: `${PY}RUN pip install -r reqs/prod.txt\n`, 'reqs/prod.txt': 'flask\n' }, imports: ['flask'] });
    expect(a.problems).toEqual([expect.objectContaining({ rule: 'copy-source-missing', line: 3 })]);
    expect(a.dependencies!.missingPackages[0]).toMatchObject({ module: 'flask', severity: 'warning' });
    expect(a.dependencies!.missingPackages[0]!.incomplete).toContain('cannot run');
  });

  it("counts a pipenv install of a builder stage whose .venv site-packages the image copies", async () => {
    const dockerfile = [
      'FROM python:3.11-alpine AS pipenv-build',
      'WORKDIR /app',
      'RUN pip install --no-cache-dir pipenv',
      'COPY Pipfile Pipfile.lock ./',
      'RUN mkdir .venv',
      'RUN pipenv install --deploy --ignore-pipfile',
      'FROM python:3.11-alpine',
      'WORKDIR /app',
      'COPY --from=pipenv-build /app/.venv/lib/python3.11/site-packages/ /usr/local/lib/python3.11/site-packages/',
      '',
    ].join('\n');
    const pipfile = '[packages]\nfastapi = "*"\n';
    const lock = JSON.stringify({ _meta: { sources: [] }, default: { fastapi: { version: '==0.115.0' } }, develop: {} });
    const a = await analyzeInline({ files: { Dockerfile: dockerfile, Pipfile: pipfile, 'Pipfile.lock': lock }, imports: ['fastapi'] });
    // The python:3.11 image ships pip, setuptools and wheel.
    expect(a.dependencies!.installed).toEqual(['fastapi', 'pip', 'setuptools', 'wheel']);
    expect(a.dependencies!.missingPackages).toEqual([]);
  });

  it('accepts a --mount=type=bind source as the requirements file', async () => {
    const a = await analyzeInline({
      files: { Dockerfile: `${PY}RUN --mount=type=bind,source=requirements.txt,target=/tmp/r.txt pip install -r /tmp/r.txt\n`, 'requirements.txt': 'flask==3.1.0\n' },
      imports: ['flask'],
    });
    expect(a.problems).toEqual([]);
    expect(a.dependencies!.missingPackages).toEqual([]);
  });

  it('makes a local project importable and installs its dependencies (pip install .)', async () => {
    const a = await analyzeInline({
      files: {
        Dockerfile: `${PY}COPY pyproject.toml ./\nCOPY src/ ./src/\nRUN pip install .\n`,
        'pyproject.toml': '[project]\nname = "acme-reports"\nversion = "1.0"\ndependencies = ["httpx>=0.27"]\n[project.optional-dependencies]\npdf = ["weasyprint"]\n',
        'src/acme_reports/__init__.py': '',
      },
      imports: ['acme_reports.build', 'httpx', 'weasyprint'],
    });
    expect(a.dependencies!.missingPackages.map((m) => m.module)).toEqual(['weasyprint']);
    expect(a.dependencies!.missingPackages[0]!.fix).toMatchObject({ file: 'pyproject.toml', line: 4, text: '    "weasyprint",' });
  });

  it('follows a venv copied from a builder stage, and ignores a stage whose installs are not copied', async () => {
    const a = await analyzeInline({
      files: {
        Dockerfile: [
          'FROM python:3.12 AS build', 'RUN python -m venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'COPY requirements.txt .', 'RUN pip install -r requirements.txt',
          'FROM python:3.12 AS docs', 'RUN pip install mkdocs==1.6.1',
          'FROM python:3.12-slim', 'COPY --from=build /opt/venv /opt/venv', 'COPY --from=docs /site /srv/site', 'ENV PATH=/opt/venv/bin:$PATH', '',
        ].join('\n'),
        'requirements.txt': 'flask==3.1.0\n',
      },
      imports: ['flask', 'mkdocs'],
    });
    expect(a.dependencies!.installed).toEqual(['flask', 'pip']);
    expect(a.dependencies!.missingPackages.map((m) => m.module)).toEqual(['mkdocs']);
  });

  it('marks the set incomplete for an install it cannot read, and lowers missing-package to a warning', async () => {
    const a = await analyzeInline({ files: { Dockerfile: `${PY}ARG EXTRA\nRUN pip install flask "$EXTRA"\n` }, imports: ['redis'] });
    const deps = a.dependencies!;
    expect(deps.problems).toEqual([expect.objectContaining({ rule: 'install-command-unanalysable', line: 4 })]);
    expect(deps.missingPackages[0]).toMatchObject({ module: 'redis', severity: 'warning' });
  });

  it('takes the base image Python as a guess when uv puts another one in the image (uv venv --python 3.12 on python:3.10)', async () => {
    const uvVenv = (python: string) => analyzeInline({
      files: { Dockerfile: `FROM python:3.10-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.5.11 /uv /bin/uv\nRUN uv venv --python ${python} /opt/venv\nENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH\nRUN uv pip install flask\n` },
      imports: ['tomllib'],
    });
    const other = (await uvVenv('3.12')).dependencies!.missingPackages[0]!;
    expect(other).toMatchObject({ module: 'tomllib', severity: 'warning' });
    expect(other.assumption).toContain('line 3 runs `uv venv --python 3.12`, which puts Python 3.12 in the image');
    // The same minor as the base image: the version is known, and tomllib is missing for sure.
    expect((await uvVenv('3.10')).dependencies!.missingPackages[0]).toMatchObject({ module: 'tomllib', severity: 'error' });
  });

  it('reports a module removed from the stdlib of the image Python, with its replacement', async () => {
    const a = await analyzeInline({ files: { Dockerfile: `${PY}RUN pip install flask\n` }, imports: ['distutils.util', 'imp'] });
    expect(a.dependencies!.missingPackages.map((m) => [m.module, m.expected, m.removedFromStdlib])).toEqual([
      ['distutils.util', ['setuptools'], 'removed in Python 3.12'],
      ['imp', [], 'removed in Python 3.12'],
    ]);
  });

  it('counts basePackages from config for a matching base image', async () => {
    const a = await analyzeInline({
      files: { Dockerfile: 'FROM ghcr.io/acme/ml-base:2024.10\nRUN pip install flask\n' },
      imports: ['numpy', 'flask'],
      config: { basePackages: { 'ghcr.io/acme/ml-base:*': ['numpy'] } },
    });
    expect(a.dependencies!.missingPackages).toEqual([]);
  });

  it('expands a namespace root into the names imported from it', async () => {
    const a = await analyzeInline({
      files: { Dockerfile: `${PY}RUN pip install google-cloud-storage==2.18.2\n` },
      imports: ['google.cloud:storage,pubsub_v1'],
    });
    expect(a.dependencies!.missingPackages.map((m) => [m.module, m.expected])).toEqual([['google.cloud.pubsub_v1', ['google-cloud-pubsub']]]);
  });
});
