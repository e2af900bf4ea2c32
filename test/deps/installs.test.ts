import { describe, expect, it } from 'vitest';
import { extractInstalls, extractLockExports } from '../../src/deps/installs.js';
import { asImagePath, asRepoPath, type RunRecord } from '../../src/types.js';

const dockerfile = asRepoPath('services/api/Dockerfile');
const run = (command: string, extra: Partial<RunRecord> = {}): RunRecord => ({
  line: 10, stage: '0', command, form: 'shell', workdir: asImagePath('/app'), env: {}, bindMounts: [], ...extra,
});
const one = (command: string, extra: Partial<RunRecord> = {}) => {
  const found = extractInstalls(run(command, extra), dockerfile);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('extractInstalls: pip', () => {
  it('reads -r, -c, inline specs, paths, wheels and find-links, relative to WORKDIR', () => {
    const i = one('pip install --no-cache-dir -r requirements.txt -c constraints.txt "flask==3.0.3" "gunicorn[gevent]>=22" ./libs/common wheels/db_dtypes-1.2.0-py2.py3-none-any.whl --find-links /wheels --no-index');
    expect(i).toMatchObject({
      tool: 'pip', program: 'pip', cwd: '/app', line: 10,
      files: ['requirements.txt'], constraints: ['constraints.txt'],
      inline: ['flask==3.0.3', 'gunicorn[gevent]>=22', './libs/common', 'wheels/db_dtypes-1.2.0-py2.py3-none-any.whl'],
      findLinks: ['/wheels'], noIndex: true, noDeps: false, problems: [],
    });
  });

  it('knows python -m pip, pip3, venv pips, -e, --user, --target, --no-deps, -rfile and --requirement=', () => {
    expect(one('python3 -m pip install -e . --no-deps')).toMatchObject({ tool: 'pip', program: 'python3', editables: ['.'], noDeps: true });
    expect(one('/opt/venv/bin/pip3 install --user -rreqs/prod.txt')).toMatchObject({ program: '/opt/venv/bin/pip3', files: ['reqs/prod.txt'], target: { kind: 'user' } });
    expect(one('pip install --target=/deps --requirement=requirements.txt')).toMatchObject({ files: ['requirements.txt'], target: { kind: 'target', path: '/deps' } });
    expect(one('pip install --prefix /install .[gcp]')).toMatchObject({ inline: ['.[gcp]'], target: { kind: 'prefix', path: '/install' } });
  });

  it('follows cd within the RUN and splits && chains, skipping non-install commands', () => {
    const found = extractInstalls(run('apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev \\\n && cd services/api && pip install -r requirements.txt && rm -rf /root/.cache'), dockerfile);
    expect(found.map((i) => [i.tool, i.cwd, i.files, i.inline, i.line])).toEqual([
      ['apt', '/app', [], ['gcc', 'libpq-dev'], 10],
      ['pip', '/app/services/api', ['requirements.txt'], [], 11],
    ]);
  });

  it('expands ENV values and reports words it cannot resolve', () => {
    expect(one('pip install -r $REQS', { env: { REQS: 'requirements-prod.txt' } }).files).toEqual(['requirements-prod.txt']);
    const unknown = one('pip install -r ${REQS}');
    expect(unknown.problems).toMatchObject([{ rule: 'install-command-unanalysable', file: 'services/api/Dockerfile', line: 10 }]);
  });

  it('reads the exec form and sh -c', () => {
    expect(one('', { form: 'exec', args: ['pip', 'install', '-r', 'requirements.txt'] }).files).toEqual(['requirements.txt']);
    expect(one('', { form: 'exec', args: ['/bin/sh', '-c', 'cd api && pip install .'] })).toMatchObject({ cwd: '/app/api', inline: ['.'] });
  });

  it('reads the text a shell-form RUN hands to sh -c, bash -lc or bash -o pipefail -c as commands', () => {
    expect(one(`sh -c 'pip install -r requirements.txt'`).files).toEqual(['requirements.txt']);
    expect(one(`bash -lc "pip install --no-cache-dir -r requirements/prod.txt"`).files).toEqual(['requirements/prod.txt']);
    expect(one(`/bin/bash -o pipefail -c 'cd api && uv pip install --system -r requirements.txt'`)).toMatchObject({ tool: 'uv-pip', cwd: '/app/api', files: ['requirements.txt'] });
    expect(one(`bash -euxo pipefail -c 'pip install "flask==3.0.3"'`).inline).toEqual(['flask==3.0.3']);
    expect(extractInstalls(run('bash ./scripts/install.sh --prod'), dockerfile)).toEqual([]);
  });

  it('reads xargs pip install as installing the lines of the file xargs reads, or as unknown from a stream', () => {
    expect(one('xargs -a pkgs.txt pip install --no-cache-dir')).toMatchObject({ tool: 'pip', files: ['pkgs.txt'], problems: [] });
    expect(one('cat requirements/extra.txt | xargs -n1 pip install')).toMatchObject({ files: ['requirements/extra.txt'], problems: [] });
    expect(one('xargs uv pip install --system < pkgs.txt')).toMatchObject({ tool: 'uv-pip', files: ['pkgs.txt'], problems: [] });
    expect(one("grep -v '^#' pkgs.txt | xargs -I{} pip install {}")).toMatchObject({
      files: [], inline: [], problems: [{ rule: 'install-command-unanalysable', file: 'services/api/Dockerfile', line: 10 }],
    });
  });

  it('does not catch pip commands that install nothing', () => {
    expect(extractInstalls(run('pip download -r requirements.txt -d /wheels && pip wheel . && pip --version && python -c "import flask"'), dockerfile)).toEqual([]);
  });
});

describe('extractInstalls: uv, poetry, pipenv, pdm, system', () => {
  it('reads uv pip install and uv pip sync (exact, no transitive deps)', () => {
    expect(one('uv pip install --system --no-cache -r requirements.txt')).toMatchObject({ tool: 'uv-pip', files: ['requirements.txt'], target: { kind: 'system' }, noDeps: false });
    expect(one('uv pip sync requirements.lock constraints/extra.txt')).toMatchObject({ tool: 'uv-pip-sync', files: ['requirements.lock', 'constraints/extra.txt'], noDeps: true });
  });

  it("reads pipenv --categories, with the Pipfile's [packages] and [dev-packages] as the lock's default and develop", () => {
    expect(one('pipenv install --system --deploy --categories="packages worker"').groups.only).toEqual(['default', 'worker']);
    expect(one('pipenv sync --categories dev-packages,docs').groups.only).toEqual(['develop', 'docs']);
  });

  it('reads uv sync flags: frozen, no-dev, extras, groups, project dir', () => {
    expect(one('uv sync --frozen --no-dev --extra bigquery --no-install-project')).toMatchObject({
      tool: 'uv-sync', files: ['pyproject.toml', 'uv.lock'], frozen: true, extras: ['bigquery'], noProject: true,
      groups: { without: ['dev'], with: [], only: undefined, all: false },
    });
    expect(one('uv sync --all-extras --only-group prod --project services/api')).toMatchObject({
      allExtras: true, groups: { only: ['prod'] }, files: ['services/api/pyproject.toml', 'services/api/uv.lock'],
    });
  });

  it('reads poetry install selections and warns about --no-dev', () => {
    expect(one('poetry install --only main --no-root --extras "s3 gcs"')).toMatchObject({
      tool: 'poetry', files: ['pyproject.toml', 'poetry.lock'], noProject: true, extras: ['s3', 'gcs'], groups: { only: ['main'] }, problems: [],
    });
    expect(one('poetry -C services/exporter install --with docs,test -E s3')).toMatchObject({
      files: ['services/exporter/pyproject.toml', 'services/exporter/poetry.lock'], groups: { with: ['docs', 'test'] }, extras: ['s3'],
    });
    expect(one('poetry install --no-dev').problems).toMatchObject([{ rule: 'install-command-unanalysable', file: 'services/api/Dockerfile', severity: 'warning' }]);
  });

  it('reads pipenv install --deploy --system and pdm install --prod', () => {
    expect(one('pipenv install --deploy --system')).toMatchObject({ tool: 'pipenv', files: ['Pipfile', 'Pipfile.lock'], frozen: true, target: { kind: 'system' } });
    expect(one('pipenv install --dev')).toMatchObject({ groups: { with: ['develop'] } });
    expect(one('pdm install --prod --no-self -G gcp')).toMatchObject({ tool: 'pdm', files: ['pyproject.toml', 'pdm.lock'], noProject: true, groups: { noDefault: true, with: ['gcp'] } });
  });

  it('reads apk add and flags conda as not modelled', () => {
    expect(one('apk add --no-cache --virtual .build-deps gcc musl-dev')).toMatchObject({ tool: 'apk', inline: ['gcc', 'musl-dev'] });
    expect(one('conda install -y -c conda-forge numpy')).toMatchObject({ tool: 'conda', inline: ['numpy'], problems: [{ rule: 'install-command-unanalysable' }] });
  });

  it.each([
    ['conda env create -f environment.yml', '`conda env create`'],
    ['/opt/conda/bin/conda env update -n base -f environment.yml', '`conda env update`'],
    ['mamba create -y -n app python=3.11 numpy', '`mamba create`'],
    ['micromamba install -y -n base -f env.yaml', '`micromamba install`'],
    ['pixi install --locked', '`pixi install`'],
  ])('flags %s as an install it does not model, so an absence it sees proves nothing', (command, what) => {
    expect(one(command)).toMatchObject({ tool: 'conda', problems: [{ rule: 'install-command-unanalysable', message: expect.stringContaining(what) }] });
  });

  it('leaves conda commands that install nothing alone', () => {
    expect(extractInstalls(run('conda clean -afy && conda env list'), dockerfile)).toEqual([]);
  });
});

describe('extractInstalls: what cannot be read is a warning, never a path or a name', () => {
  it('drops $(…) and backtick words and -r /dev/stdin, each with an install-command-unanalysable warning', () => {
    const i = one('pip install -r requirements/main.txt $(if [ "$DEVEL" = yes ]; then echo -r requirements/dev.txt; fi) `cat extra.txt`');
    expect(i.files).toEqual(['requirements/main.txt']);
    expect(i.inline).toEqual([]);
    expect(i.problems.map((p) => [p.rule, p.severity])).toEqual([['install-command-unanalysable', 'warning'], ['install-command-unanalysable', 'warning']]);
    const stdin = one('cat requirements.txt | pip install -r /dev/stdin');
    expect(stdin.files).toEqual([]);
    expect(stdin.problems[0]!.message).toContain('/dev/stdin');
  });

  it('counts every group of the lock when uv sync gets flags built in a loop', () => {
    const text = 'group_flags=""; for g in $(echo "$GROUPS" | tr , " "); do group_flags="$group_flags --group $g"; done; uv sync --frozen --no-default-groups $group_flags';
    const i = one(text);
    expect(i.groups).toMatchObject({ all: true, noDefault: true });
    expect(i.allExtras).toBe(true);
    expect(one('uv sync --frozen --no-default-groups --group prod').groups.all).toBe(false);
  });
});

describe('extractInstalls: other installers', () => {
  it('reads poetry add and uv add as installs of the named packages', () => {
    expect(one('poetry add --group main httpx==0.27.2 flask')).toMatchObject({ tool: 'pip', program: 'poetry', inline: ['httpx==0.27.2', 'flask'] });
    expect(one('uv add --frozen redis')).toMatchObject({ tool: 'pip', inline: ['redis'] });
  });

  it('reads dnf, yum and microdnf installs as OS packages', () => {
    expect(one('dnf install -y --setopt=install_weak_deps=False libpq gcc')).toMatchObject({ tool: 'dnf', inline: ['libpq', 'gcc'] });
    expect(one('microdnf install -y libgomp')).toMatchObject({ tool: 'dnf', inline: ['libgomp'] });
    expect(one('yum install -y postgresql-libs').inline).toEqual(['postgresql-libs']);
  });
});

describe('extractInstalls: a lock exported to requirements and installed with pip', () => {
  it('reads `poetry export -o F && pip install -r F` as the poetry install of the same groups, without the project, landing where pip installs', () => {
    const i = one('poetry export -f requirements.txt --output requirements.txt --without-hashes --only main -E s3 && /venv/bin/pip install --no-cache-dir -r requirements.txt');
    expect(i).toMatchObject({ tool: 'poetry', program: '/venv/bin/pip', exportedBy: 'poetry export', noProject: true, extras: ['s3'], files: ['pyproject.toml', 'poetry.lock'], cwd: '/app' });
    expect(i.groups.only).toEqual(['main']);
    // Poetry 1's export --no-dev is the dev group left out, with no warning about `poetry install --no-dev`.
    const legacy = one('poetry export --no-dev -o requirements.txt && pip install -r requirements.txt');
    expect(legacy.groups.without).toEqual(['dev']);
    expect(legacy.problems).toEqual([]);
  });

  it('reads an export piped into `pip install -r /dev/stdin`, and keeps what else the install names', () => {
    const found = extractInstalls(run('cd /src && poetry export --with server | pip install --target /deps -r /dev/stdin gunicorn'), dockerfile);
    expect(found.map((i) => [i.tool, i.cwd, i.target, i.inline])).toEqual([
      ['poetry', '/src', { kind: 'target', path: '/deps' }, []],
      ['pip', '/src', { kind: 'target', path: '/deps' }, ['gunicorn']],
    ]);
    expect(found[0]!.groups.with).toEqual(['server']);
    // Nothing is left unreadable: no warning about standard input.
    expect(found.flatMap((i) => i.problems)).toEqual([]);
  });

  it('reads `uv export` as uv sync (the project included unless --no-emit-project) and `pdm export` as pdm install without the project', () => {
    const uv = one('uv export --frozen --no-dev --no-hashes --format requirements-txt -o reqs.txt && uv pip install --system -r reqs.txt');
    expect(uv).toMatchObject({ tool: 'uv-sync', exportedBy: 'uv export', frozen: true, noProject: false, files: ['pyproject.toml', 'uv.lock'] });
    expect(uv.groups.without).toEqual(['dev']);
    expect(one('uv export --no-emit-project -o r.txt && pip install -r r.txt').noProject).toBe(true);
    expect(one('pdm export --prod -o r.txt && pip install -r r.txt')).toMatchObject({ tool: 'pdm', noProject: true, exportedBy: 'pdm export' });
    expect(one('pdm export --self -o r.txt && pip install -r r.txt').noProject).toBe(false);
  });

  it('reads an export redirected to a file (`> requirements.txt`, errors to /dev/null) and `pipenv requirements`', () => {
    expect(one('poetry export -f requirements.txt --with server > requirements.txt 2>/dev/null && pip install -r requirements.txt')).toMatchObject({ tool: 'poetry', exportedBy: 'poetry export', groups: { with: ['server'] } });
    const pipenv = one('pipenv requirements --dev > requirements.txt && pip install --no-cache-dir -r requirements.txt');
    expect(pipenv).toMatchObject({ tool: 'pipenv', exportedBy: 'pipenv requirements', files: ['Pipfile', 'Pipfile.lock'] });
    expect(pipenv.groups.with).toEqual(['develop']);
    expect(one('pipenv requirements --dev-only | pip install -r /dev/stdin').groups.only).toEqual(['develop']);
  });

  it('lists the exports a RUN writes to files, for a later RUN or stage that installs them', () => {
    const exports = extractLockExports(run('cd /tmp && poetry export -o requirements.txt --only main && uv export | tee x.txt && pdm export > /build/pdm.txt'));
    expect(exports.map((e) => [e.shown, e.output, e.cwd, e.installWords])).toEqual([
      ['poetry export', '/tmp/requirements.txt', '/tmp', ['poetry', 'install', '--no-root', '--only', 'main']],
      ['pdm export', '/build/pdm.txt', '/tmp', ['pdm', 'install', '--no-self']],
    ]);
  });

  it('leaves a requirements file that no export wrote, and standard input that no export feeds, to pip', () => {
    expect(one('poetry export -o exported.txt && pip install -r requirements.txt')).toMatchObject({ tool: 'pip', files: ['requirements.txt'] });
    const stdin = one('cat requirements.txt | pip install -r /dev/stdin');
    expect(stdin).toMatchObject({ tool: 'pip', files: [] });
    expect(stdin.problems.map((p) => p.message)).toEqual(['the install reads requirements from /dev/stdin, whose content cannot be known']);
  });
});
