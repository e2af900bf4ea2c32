import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';
import { runCli } from '../helpers/run-cli.js';

afterAll(removeFixtureRepos);

/** The header, image, sys.path, entrypoints and installs of the orders service: the same whatever module is asked about. */
const ORDERS = [
  'services/orders/Dockerfile (orders)',
  '  context . (docker-compose.yml:3) · stage runtime · base python:3.12-slim · python 3.12 (from the base image)',
  '  checked: 0 errors, 1 warning',
  '    warning DG101 services/orders/src/api/routes.py:5  module ujson is imported but no install provides ujson (looked at services/orders/requirements.txt) (the import is guarded by try/except, so the service may run without it); fix: add it to services/orders/requirements.txt after line 2',
  '    clean: the entrypoints reach 7 files of the image, and each of their first-party imports resolves in the image',
  '    clean: 1 of 2 third-party imports matched to an installed distribution; no error for the other 1 (guarded, assumed or ignored: see the warnings)',
  '    clean: 1 warning, none blocking',
  '',
  'image files (8 files the Dockerfile puts there; what the base image python:3.12-slim holds is not listed)',
  '  /app  8 files',
  '    · here: COPY services/orders/requirements.txt ./ (line 6, stage runtime) (1 file)',
  '    · here: COPY services/orders/src/ ./ (line 9, stage runtime) (1 file)',
  '    /app/api  2 files  COPY services/orders/src/ ./ (line 9, stage runtime) ← services/orders/src/api',
  '    /app/lib/orders  4 files  COPY orders/ ./lib/orders/ (line 10, stage runtime) ← orders, orders/pricing (+1 folder)',
  '',
  'sys.path (in order)',
  '  1. /app      folder of the script /app/main.py, which python runs',
  '  2. /app/lib  PYTHONPATH (services/orders/Dockerfile:8)',
  '  then the standard library and site-packages of Python 3.12',
  '',
  'entrypoints',
  '  CMD ["python", "main.py"] (services/orders/Dockerfile line 13)',
  '    /app/main.py  python script',
  '',
  'installs',
  '  base image python:3.12-slim',
  '    pip',
  '  line 7  pip: services/orders/requirements.txt',
  '    pyyaml  services/orders/requirements.txt:1',
  '    requests  services/orders/requirements.txt:2',
  'third-party imports → distributions',
  '  yaml → pyyaml  (bundled) installed',
  '  ujson → ujson  (knowledge) not installed',
  '',
];

/** The reports service, whose image lacks formatting.py. */
const REPORTS_IMAGE = [
  'image files (4 files the Dockerfile puts there; what the base image python:3.12-slim holds is not listed)',
  '  /srv  4 files',
  '    · here: COPY requirements.txt . (line 3, stage 0) (1 file)',
  '    · here: COPY app.py . (line 5, stage 0) (1 file)',
  '    /srv/reports  2 files  COPY reports/ reports/ (line 6, stage 0) ← services/reports/reports',
  '',
  'sys.path (in order)',
  '  1. /srv  folder of the script /srv/app.py, which python runs',
  '  then the standard library and site-packages of Python 3.12',
  '',
  'entrypoints',
  '  CMD ["python", "app.py"] (services/reports/Dockerfile line 7)',
  '    /srv/app.py  python script',
  '',
  'installs',
  '  base image python:3.12-slim',
  '    pip',
  '  line 4  pip: services/reports/requirements.txt',
  '    redis  services/reports/requirements.txt:1',
  '    requests  services/reports/requirements.txt:2',
  'third-party imports → distributions',
  '  redis → redis  (knowledge) installed',
  '  requests → requests  (knowledge) installed',
  '',
];

describe('dockguard explain (built CLI)', () => {
  const repo = makeFixtureRepo('explain-monorepo');

  it('finds a module through the COPY that put it on a PYTHONPATH entry, and the chain that imports it', () => {
    const run = runCli(repo, ['explain', 'services/orders/Dockerfile', 'orders.pricing.rules']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        ...ORDERS,
        'module orders.pricing.rules: in the image at /app/lib/orders/pricing/rules.py',
        '  from orders/pricing/rules.py: COPY orders/ ./lib/orders/ (line 10, stage runtime)',
        '  looked for along sys.path:',
        '    /app      absent   no orders.py or orders/ here (mirrors repository folder services/orders, services/orders/src)',
        '    /app/lib  found    /app/lib/orders/pricing/rules.py (mirrors repository folder .)',
        '  reached by:',
        '    services/orders/Dockerfile:13        starts /app/main.py',
        '    services/orders/src/main.py:4        imports api.routes',
        '    services/orders/src/api/routes.py:2  imports orders.pricing.rules',
        '',
      ].join('\n'),
    );
  });

  it('says why a module is missing: where the repository has it, the nearest COPY and the fix', () => {
    const run = runCli(repo, ['explain', 'reports', 'formatting']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        'services/reports/Dockerfile (reports)',
        '  context services/reports (docker-compose.yml:9) · stage 0 · base python:3.12-slim · python 3.12 (from the base image)',
        '  checked: 1 error, 0 warnings',
        '    error DG001 services/reports/app.py:3  module formatting (services/reports/formatting.py) is imported but not copied into the image',
        '',
        ...REPORTS_IMAGE,
        'module formatting: not in the image',
        '  looked for along sys.path:',
        '    /srv  absent   no formatting.py or formatting/ here (mirrors repository folder services/reports)',
        '  in the repository at services/reports/formatting.py, but no COPY puts it in the image',
        '  nearest COPY: line 5  COPY app.py .',
        "  fix: add after line 6 of services/reports/Dockerfile (the last COPY of the image's stage)",
        '    COPY formatting.py ./',
        '  reached by:',
        '    services/reports/Dockerfile:7  starts /srv/app.py',
        '    services/reports/app.py:3      imports formatting',
        '',
      ].join('\n'),
    );
  });

  it('names the distribution a third-party module comes from and the requirements line that installs it', () => {
    const run = runCli(repo, ['explain', 'orders', 'yaml']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        ...ORDERS,
        'module yaml: third-party',
        '  looked for along sys.path:',
        '    /app      absent   no yaml.py or yaml/ here (mirrors repository folder services/orders, services/orders/src)',
        '    /app/lib  absent   no yaml.py or yaml/ here (mirrors repository folder .)',
        '  no file of the image nor of the repository provides it: it must come from an installed distribution',
        '  distribution: pyyaml (bundled); installed as pyyaml (services/orders/requirements.txt:1)',
        '  reached by:',
        '    services/orders/Dockerfile:13  starts /app/main.py',
        '    services/orders/src/main.py:2  imports yaml',
        '',
      ].join('\n'),
    );
  });

  it('agrees with check on a repository folder named like an installed distribution: Python imports the distribution', () => {
    const run = runCli(repo, ['explain', 'reports', 'redis']);
    expect(run.stdout.slice(run.stdout.indexOf('\nmodule ') + 1)).toBe(
      [
        'module redis: third-party',
        '  looked for along sys.path:',
        '    /srv  absent   no redis.py or redis/ here (mirrors repository folder services/reports)',
        "  the repository's redis is not known to be on the image's sys.path, so Python imports the installed distribution",
        '  distribution: redis (knowledge); installed as redis (services/reports/requirements.txt:1)',
        '  reached by:',
        '    services/reports/Dockerfile:7        starts /srv/app.py',
        '    services/reports/app.py:2            imports reports.daily',
        '    services/reports/reports/daily.py:1  imports redis',
        '',
      ].join('\n'),
    );
  });

  it('shows the guard on the chain of an optional import', () => {
    const run = runCli(repo, ['explain', 'orders', 'ujson']);
    expect(run.stdout.slice(run.stdout.indexOf('\nmodule ujson') + 1)).toBe(
      [
        'module ujson: third-party',
        '  looked for along sys.path:',
        '    /app      absent   no ujson.py or ujson/ here (mirrors repository folder services/orders, services/orders/src)',
        '    /app/lib  absent   no ujson.py or ujson/ here (mirrors repository folder .)',
        '  no file of the image nor of the repository provides it: it must come from an installed distribution',
        '  distribution: ujson (knowledge); not installed by this image',
        '  reached by (guarded by try/except ImportError or a condition):',
        '    services/orders/Dockerfile:13        starts /app/main.py',
        '    services/orders/src/main.py:4        imports api.routes',
        '    services/orders/src/api/routes.py:5  imports ujson',
        '',
      ].join('\n'),
    );
  });

  it('says a module nothing imports is not reached, and still where it would be found and why it is not in the image', () => {
    const ignored = runCli(repo, ['explain', 'reports', 'reports.legacy.export']);
    expect(ignored.stdout.slice(ignored.stdout.indexOf('\nmodule ') + 1)).toBe(
      [
        'module reports.legacy.export: not in the image',
        '  looked for along sys.path:',
        '    /srv  partial  reports found, but no legacy.py or legacy/ in /srv/reports (mirrors repository folder services/reports)',
        '  in the repository at services/reports/reports/legacy, but excluded from the build context by services/reports/.dockerignore line 2 (reports/legacy)',
        '  nearest COPY: line 6  COPY reports/ reports/',
        '  fix: add at the end of services/reports/.dockerignore (an exception must come after the pattern that excludes it)',
        '    !reports/legacy/**/*.py',
        '  not reached: nothing the container runs imports it',
        '',
      ].join('\n'),
    );
    const outside = runCli(repo, ['explain', 'reports', 'orders.models']);
    expect(outside.stdout.slice(outside.stdout.indexOf('\nmodule ') + 1)).toBe(
      [
        'module orders.models: not in the image',
        '  looked for along sys.path:',
        '    /srv  absent   no orders.py or orders/ here (mirrors repository folder services/reports)',
        "  in the repository at orders, outside the build context services/reports: no COPY can take it; no install provides a distribution named orders, so it counts as the service's own",
        '  not reached: nothing the container runs imports it',
        '',
      ].join('\n'),
    );
  });

  it('says why a service is unaffected by the staged change', () => {
    const staged = makeFixtureRepo('explain-monorepo');
    // A dotted stdlib import: a plain `import logging` is a change no check can see (see fingerprintModule).
    appendFileSync(path.join(staged, 'orders/pricing/rules.py'), '\nimport logging.handlers\n\nlog = logging.getLogger(__name__)\n');
    git(staged, 'add', '-A');
    const check = runCli(staged, ['check', '--staged']);
    expect(check.stdout).toContain('1 service checked · 1 unaffected');
    const run = runCli(staged, ['explain', 'services/reports', '--staged']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        'services/reports/Dockerfile (reports)',
        '  context services/reports (docker-compose.yml:9) · stage 0 · base python:3.12-slim · python 3.12 (from the base image)',
        "  unaffected: no changed file is in this image's context: of the changed orders/pricing/rules.py, none is its Dockerfile, an ignore file, the file that names its context, or within reach of a COPY/ADD source in its build context services/reports",
        '',
        ...REPORTS_IMAGE.slice(0, -1),
      ].join('\n') + '\n',
    );
  });

  it('says why a service is unaffected by the changes since a ref', () => {
    const branch = makeFixtureRepo('explain-monorepo');
    git(branch, 'checkout', '-q', '-b', 'pricing');
    appendFileSync(path.join(branch, 'orders/pricing/rules.py'), '\nimport logging\n\nlog = logging.getLogger(__name__)\n');
    git(branch, 'commit', '-q', '-am', 'log pricing');
    const run = runCli(branch, ['explain', 'reports', '--since', 'main', '--format', 'json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      status: 'unaffected',
      reason:
        "no changed file is in this image's context: of the changed orders/pricing/rules.py, none is its Dockerfile, an ignore file, the file that names its context, or within reach of a COPY/ADD source in its build context services/reports",
      findings: [],
    });
  });

  it('prints the explanation as one JSON document with --format json', () => {
    const run = runCli(repo, ['explain', 'reports', 'formatting', '--format', 'json']);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({
      version: 1,
      service: { dockerfile: 'services/reports/Dockerfile', name: 'reports', context: 'services/reports', target: '0', baseImage: 'python:3.12-slim' },
      status: 'checked',
      sysPath: [{ path: '/srv', why: 'folder of the script /srv/app.py, which python runs' }],
      launch: { file: 'services/reports/Dockerfile', line: 7, roots: [{ root: '/srv/app.py', why: 'python script' }], derived: true },
      installs: [{ line: 0, tool: 'base image', distributions: [{ name: 'pip', file: 'base image python:3.12-slim', line: 0 }] }, { line: 4, tool: 'pip', files: ['services/reports/requirements.txt'], distributions: [
        { name: 'redis', file: 'services/reports/requirements.txt', line: 1 },
        { name: 'requests', file: 'services/reports/requirements.txt', line: 2 },
      ] }],
      module: {
        module: 'formatting',
        kind: 'missing',
        repoPath: 'services/reports/formatting.py',
        nearestCopy: { line: 5, text: 'COPY app.py .' },
        fix: { file: 'services/reports/Dockerfile', line: 6, text: 'COPY formatting.py ./' },
        reachedBy: [{ chain: [{ file: 'services/reports/Dockerfile', line: 7, module: '/srv/app.py' }, { file: 'services/reports/app.py', line: 3, module: 'formatting' }] }],
      },
    });
    expect(doc.image.tree[0]).toMatchObject({ path: '/srv', files: 4, children: [{ path: '/srv/reports', files: 2, origins: [{ kind: 'copy', line: 6, stage: '0', text: 'COPY reports/ reports/', files: 2 }] }] });
  });

  it('lists every file of the image with where it came from with --verbose', () => {
    const run = runCli(repo, ['explain', 'reports', '--verbose']);
    expect(run.stdout.slice(run.stdout.indexOf('\nimage files') + 1, run.stdout.indexOf('\nsys.path'))).toBe(
      [
        'image files (4 files the Dockerfile puts there; what the base image python:3.12-slim holds is not listed)',
        '  /srv  4 files',
        '    /srv/reports  2 files  COPY reports/ reports/ (line 6, stage 0) ← services/reports/reports',
        '      /srv/reports/__init__.py  COPY reports/ reports/ (line 6, stage 0) ← services/reports/reports/__init__.py',
        '      /srv/reports/daily.py  COPY reports/ reports/ (line 6, stage 0) ← services/reports/reports/daily.py',
        '    /srv/app.py  COPY app.py . (line 5, stage 0) ← services/reports/app.py',
        '    /srv/requirements.txt  COPY requirements.txt . (line 3, stage 0) ← services/reports/requirements.txt',
        '',
      ].join('\n'),
    );
  });

  it('exits 2 on a --depth that is not a number of levels', () => {
    const run = runCli(repo, ['explain', 'reports', '--depth', 'deep']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('dockguard: --depth takes a whole number of folder levels, not deep (see dockguard explain --help)\n');
  });

  it('exits 2 with one line naming the near matches for an unknown service', () => {
    const run = runCli(repo, ['explain', 'report']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('dockguard: no service report; near matches: services/reports/Dockerfile (reports)\n');
  });
});
