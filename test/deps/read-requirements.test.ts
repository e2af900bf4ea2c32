import { afterAll, describe, expect, it } from 'vitest';
import { createSnapshotReader } from '../../src/deps/create-snapshot-reader.js';
import { parseRequirementsText } from '../../src/deps/parse-requirements-text.js';
import { readRequirementsFile } from '../../src/deps/read-requirements-file.js';
import type { MarkerEnv, TextReader } from '../../src/deps/types.js';
import { createWorktreeSnapshot } from '../../src/git/worktree-snapshot.js';
import { asRepoPath } from '../../src/types.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

const env = { pythonVersion: '3.11' };
const file = asRepoPath('svc/requirements.txt');
const parse = (text: string, e: MarkerEnv = env) => parseRequirementsText(file, text, e);
const readerOf = (files: Record<string, string>): TextReader => async (p) => files[p];

afterAll(removeFixtureRepos);

describe('parseRequirementsText', () => {
  it('reads pins, ranges, extras and markers with their lines', () => {
    const r = parse('Flask==3.0.3\n\n# comment\ngoogle-cloud-bigquery[pandas, bqstorage] >= 3.20, <4\nuvloop ; sys_platform != "win32"\npywin32==306; sys_platform == "win32"\n');
    expect(r.problems).toEqual([]);
    expect(r.requirements.map((q) => [q.name, q.specifier, q.extras, q.markerResult, q.source.line, q.kind, q.direct])).toEqual([
      ['flask', '==3.0.3', [], true, 1, 'registry', true],
      ['google-cloud-bigquery', '>=3.20,<4', ['pandas', 'bqstorage'], true, 4, 'registry', true],
      ['uvloop', '', [], true, 5, 'registry', true],
      ['pywin32', '==306', [], false, 6, 'registry', true],
    ]);
    expect(r.requirements[0]?.rawName).toBe('Flask');
  });

  it('joins continuations and accepts --hash on the continued line', () => {
    const r = parse('flask==3.0.3 \\\n    --hash=sha256:aaa \\\n    --hash=sha256:bbb\n    # via -r requirements.in\ngunicorn==22.0.0\n');
    expect(r.problems).toEqual([]);
    expect(r.requirements.map((q) => [q.name, q.source.line])).toEqual([['flask', 1], ['gunicorn', 5]]);
  });

  it('keeps a # that is not after whitespace (URL fragment) and drops one that is', () => {
    const r = parse('acme @ https://files.example.com/acme-1.0-py3-none-any.whl#sha256=abc # pinned wheel\n');
    expect(r.requirements[0]).toMatchObject({ name: 'acme', kind: 'url', url: 'https://files.example.com/acme-1.0-py3-none-any.whl#sha256=abc' });
  });

  it('reads VCS, URL, path and editable lines', () => {
    const r = parse([
      'git+https://github.com/acme/tools.git@v1.2#egg=acme_tools',
      'shared @ git+https://github.com/acme/shared.git@main',
      '-e ./libs/common',
      '-e git+https://github.com/acme/cli.git#egg=acme-cli',
      './wheels/db_dtypes-1.2.0-py2.py3-none-any.whl',
      '../libs/metrics',
      '.[gcp]',
      'https://example.com/dist/requests-2.32.3.tar.gz',
    ].join('\n'));
    expect(r.problems).toEqual([]);
    expect(r.requirements.map((q) => [q.name, q.kind, q.url, q.extras])).toEqual([
      ['acme-tools', 'vcs', 'git+https://github.com/acme/tools.git@v1.2#egg=acme_tools', []],
      ['shared', 'vcs', 'git+https://github.com/acme/shared.git@main', []],
      ['', 'editable', './libs/common', []],
      ['acme-cli', 'editable', 'git+https://github.com/acme/cli.git#egg=acme-cli', []],
      ['db-dtypes', 'path', './wheels/db_dtypes-1.2.0-py2.py3-none-any.whl', []],
      ['', 'path', '../libs/metrics', []],
      ['', 'path', '.', ['gcp']],
      ['requests', 'url', 'https://example.com/dist/requests-2.32.3.tar.gz', []],
    ]);
  });

  it('collects -r / -c includes in every spelling and ignores global options', () => {
    const r = parse('-r base.txt\n--requirement=prod.txt\n-rextra.txt\n-c constraints.txt\n--index-url https://pypi.org/simple\n--extra-index-url=https://x/simple\n--no-index\n--find-links ./wheels\n--pre\n');
    expect(r.problems).toEqual([]);
    expect(r.requirements).toEqual([]);
    expect(r.includes.map((i) => [i.kind, i.target, i.line])).toEqual([
      ['requirement', 'base.txt', 1],
      ['requirement', 'prod.txt', 2],
      ['requirement', 'extra.txt', 3],
      ['constraint', 'constraints.txt', 4],
    ]);
  });

  it('expands ${VAR} from the given variables and reports an unset one in a name', () => {
    const known = parse('-r ${PROFILE}.txt\nacme @ git+https://${TOKEN}@github.com/acme/acme.git\n', { ...env, vars: { PROFILE: 'prod' } });
    expect(known.includes[0]?.target).toBe('prod.txt');
    expect(known.problems).toEqual([]); // the token only hides inside the URL
    const unknown = parse('-r ${PROFILE}.txt\n');
    expect(unknown.problems).toMatchObject([{ rule: 'dependency-file-unanalysable', line: 1 }]);
  });

  it('reports each malformed line with file and line, and keeps reading', () => {
    const r = parse('flask==3.0.3\ngunicorn=22.0.0\n--frobnicate\nrequests>=2 -r other.txt\npandas==2.2.2 ; python_version >>> "3"\nnumpy==1.26.4\n');
    expect(r.problems.map((p) => [p.rule, p.file, p.line, p.severity])).toEqual([
      ['dependency-file-malformed', 'svc/requirements.txt', 2, 'error'],
      ['dependency-file-malformed', 'svc/requirements.txt', 3, 'error'],
      ['dependency-file-malformed', 'svc/requirements.txt', 4, 'error'],
      ['dependency-file-malformed', 'svc/requirements.txt', 5, 'error'],
    ]);
    expect(r.requirements.map((q) => q.name)).toEqual(['flask', 'numpy']);
  });
});

describe('readRequirementsFile', () => {
  it('follows nested includes relative to the including file, constraints apart', async () => {
    const reader = readerOf({
      'svc/requirements.txt': '-r ../common/base.txt\n-c ../constraints.txt\nflask==3.0.3\n',
      'common/base.txt': '-r ./sub/more.txt\ngunicorn==22.0.0\n',
      'common/sub/more.txt': 'pandas==2.2.2\n',
      'constraints.txt': 'urllib3<2.3\n-r common/sub/more.txt\n',
    });
    const f = await readRequirementsFile(file, reader, env);
    expect(f.problems).toEqual([]);
    expect(f.requirements.map((q) => [q.name, q.source.file])).toEqual([
      ['pandas', 'common/sub/more.txt'],
      ['gunicorn', 'common/base.txt'],
      ['flask', 'svc/requirements.txt'],
    ]);
    expect(f.constraints.map((q) => q.name)).toEqual(['urllib3']);
    expect(f.includes).toEqual(['common/base.txt', 'common/sub/more.txt', 'constraints.txt']);
  });

  it('survives include cycles and reports them', async () => {
    const reader = readerOf({ 'svc/requirements.txt': '-r a.txt\nflask==3.0.3\n', 'svc/a.txt': '-r requirements.txt\ngunicorn\n' });
    const f = await readRequirementsFile(file, reader, env);
    expect(f.requirements.map((q) => q.name)).toEqual(['gunicorn', 'flask']);
    expect(f.problems).toMatchObject([{ rule: 'dependency-file-malformed', file: 'svc/a.txt', line: 1 }]);
  });

  it('reports a missing include at the line that names it, and a missing root file', async () => {
    const f = await readRequirementsFile(file, readerOf({ 'svc/requirements.txt': 'flask\n-r nope.txt\n' }), env);
    expect(f.problems).toMatchObject([{ rule: 'dependency-file-unreadable', file: 'svc/requirements.txt', line: 2, severity: 'error' }]);
    expect(f.problems[0]?.message).toContain('svc/nope.txt');
    const missing = await readRequirementsFile(file, readerOf({}), env);
    expect(missing.problems).toMatchObject([{ rule: 'dependency-file-unreadable', file: 'svc/requirements.txt', line: 0 }]);
  });

  it('reports an include that leaves the repository (an error: no build context holds it) or is a URL (unanalysable)', async () => {
    const f = await readRequirementsFile(file, readerOf({ 'svc/requirements.txt': '-r ../../x.txt\n-r https://example.com/r.txt\n' }), env);
    expect(f.problems.map((p) => [p.rule, p.severity, p.line])).toEqual([['dependency-file-unreadable', 'error', 1], ['dependency-file-unanalysable', 'warning', 2]]);
  });

  it('reports an include that leaves the repository as an error at any depth', async () => {
    const files = { 'svc/requirements.txt': 'flask\n-r base/common.txt\n', 'svc/base/common.txt': 'redis\n-r ../../../shared.txt\n' };
    const f = await readRequirementsFile(file, readerOf(files), env);
    expect(f.problems.map((p) => [p.rule, p.severity, p.file, p.line])).toEqual([['dependency-file-unreadable', 'error', 'svc/base/common.txt', 2]]);
    expect(f.requirements.map((r) => r.name)).toEqual(['flask', 'redis']);
  });

  it('reads a pip-compile output with hashes and via comments from a real repository', async () => {
    const root = makeFixtureRepo('deps-pip-compile');
    const reader = createSnapshotReader(await createWorktreeSnapshot(root));
    const f = await readRequirementsFile(asRepoPath('services/reporting/requirements-dev.txt'), reader, env);
    expect(f.problems).toEqual([]);
    expect(f.includes).toEqual(['services/reporting/requirements.txt', 'constraints.txt']);
    expect(f.requirements.map((q) => `${q.name}${q.specifier}${q.markerResult ? '' : ' (not on linux)'}`)).toEqual([
      'blinker==1.8.2',
      'db-dtypes==1.2.0',
      'flask==3.0.3',
      'google-cloud-bigquery==3.25.0',
      'gunicorn==22.0.0',
      'pandas==2.2.2',
      'pywin32==306 (not on linux)',
      'pytest==8.2.2',
      '',
    ]);
    expect(f.requirements.at(-1)).toMatchObject({ kind: 'editable', url: '../../libs/common', source: { line: 5 } });
    expect(f.constraints.map((q) => q.name)).toEqual(['urllib3']);
    expect(f.requirements.find((q) => q.name === 'google-cloud-bigquery')?.extras).toEqual(['pandas']);

    const broken = await readRequirementsFile(asRepoPath('services/reporting/requirements-broken.txt'), reader, env);
    expect(broken.problems.map((p) => [p.rule, p.line])).toEqual([
      ['dependency-file-malformed', 3],
      ['dependency-file-malformed', 4],
      ['dependency-file-unreadable', 2],
    ]);
    expect(broken.requirements.map((q) => q.name)).toEqual(['flask', 'pandas']);
  });
});
