import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';
import { assertBuilt, dockguard, withoutTiming } from './helpers/dockguard-cli.js';

/**
 * `dockguard check --fix` and `--diff` (the built CLI) on real repositories.
 * test/fixtures/check-fix: api lacks billing/ (DG001), PyYAML and gunicorn
 * (DG101, DG103); worker lacks shared/ after a COPY continued over three
 * lines, and structlog in a CRLF requirements file without a final newline;
 * jobs lacks tenacity in a one-line `dependencies = [...]`.
 * test/fixtures/check-fix-locks: the same kind of gaps behind a uv.lock, a
 * pip-compile lock with hashes, and a uv export with no source beside it.
 */
beforeAll(assertBuilt);
const temps: string[] = [];
afterAll(() => {
  removeFixtureRepos();
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8');
const snapshotOf = (root: string) => git(root, 'diff', 'HEAD') + git(root, 'status', '--porcelain');
const CLEAN = '✔ dockguard: 3 services checked · 0 errors · 0 warnings · <time>\n';

const FIXED_FILES = ['services/api/Dockerfile', 'services/api/requirements.txt', 'services/jobs/pyproject.toml', 'services/worker/Dockerfile', 'services/worker/requirements.txt'];

describe('dockguard check --fix', () => {
  it('applies every fix it is sure of; the re-check it prints is clean; a second run changes nothing', () => {
    const root = makeFixtureRepo('check-fix');
    expect(dockguard(root, 'check').code).toBe(1);

    const fixed = dockguard(root, 'check', '--fix');
    expect({ ...fixed, stdout: withoutTiming(fixed.stdout) }).toEqual({
      code: 0,
      stdout: CLEAN,
      stderr: `dockguard: applied 6 fixes for 6 findings to ${FIXED_FILES.join(', ')}\n`,
    });
    expect(git(root, 'diff', '--name-only').trim().split('\n')).toEqual(FIXED_FILES);
    expect(read(root, 'services/api/Dockerfile')).toContain('COPY services/api/ ./\nCOPY billing/ ./billing/\n\nEXPOSE 8080\n');
    expect(read(root, 'services/api/requirements.txt')).toBe('flask==3.0.3\npyyaml\ngunicorn\n');
    expect(read(root, 'services/worker/Dockerfile')).toContain('     ./worker/\nCOPY shared/ ./shared/\nCMD');
    expect(read(root, 'services/worker/requirements.txt')).toBe('redis==5.0.4\r\nrq==1.16.2\r\nstructlog');
    expect(read(root, 'services/jobs/pyproject.toml')).toContain('dependencies = ["requests>=2.31", "click>=8.1", "tenacity"]\n');

    const before = snapshotOf(root);
    const again = dockguard(root, 'check', '--fix');
    expect({ ...again, stdout: withoutTiming(again.stdout) }).toEqual({ code: 0, stdout: CLEAN, stderr: 'dockguard: nothing to fix automatically\n' });
    expect(snapshotOf(root)).toBe(before);
  });

  it('--diff prints a patch git applies, changes nothing, and exits as the check does', () => {
    const root = makeFixtureRepo('check-fix');
    const preview = dockguard(root, 'check', '--diff');
    expect(preview.code).toBe(1);
    expect(preview.stderr).toBe(`dockguard: would apply 6 fixes for 6 findings to ${FIXED_FILES.join(', ')}\n`);
    expect(git(root, 'status', '--porcelain')).toBe('');
    expect(preview.stdout).toContain(
      [
        'diff --git a/services/jobs/pyproject.toml b/services/jobs/pyproject.toml',
        '--- a/services/jobs/pyproject.toml',
        '+++ b/services/jobs/pyproject.toml',
        '@@ -6,7 +6,7 @@',
        ' name = "shop-jobs"',
        ' version = "1.4.0"',
        ' requires-python = ">=3.11"',
        '-dependencies = ["requests>=2.31", "click>=8.1"]',
        '+dependencies = ["requests>=2.31", "click>=8.1", "tenacity"]',
        ' ',
        ' [tool.setuptools]',
        ' packages = ["jobs"]',
      ].join('\n'),
    );
    expect(preview.stdout).toContain(' redis==5.0.4\r\n-rq==1.16.2\n\\ No newline at end of file\n+rq==1.16.2\r\n+structlog\n\\ No newline at end of file\n');

    const patch = path.join(mkdtempSync(path.join(tmpdir(), 'dockguard-diff-')), 'fix.patch');
    temps.push(path.dirname(patch));
    writeFileSync(patch, preview.stdout);
    git(root, 'apply', patch);
    expect(dockguard(root, 'check').code, 'the patch is the fix').toBe(0);
  });

  it('names the command that regenerates a lock and never edits one; a compiled file is left with why', () => {
    const root = makeFixtureRepo('check-fix-locks');
    const fixed = dockguard(root, 'check', '--fix');
    expect(fixed.stderr).toBe(
      [
        'dockguard: applied 2 fixes for 2 findings to services/ingest/pyproject.toml, services/reports/requirements.in',
        'dockguard: services/ingest/uv.lock is generated from services/ingest/pyproject.toml and never edited: regenerate it with `cd services/ingest && uv lock`',
        'dockguard: services/reports/requirements.txt is generated from services/reports/requirements.in and never edited: regenerate it with `cd services/reports && pip-compile --generate-hashes --output-file=requirements.txt requirements.in`',
        'dockguard: not fixed (services/export/requirements.txt: openpyxl): services/export/requirements.txt is generated by `uv export --format requirements-txt --no-dev`: add openpyxl to the file it is compiled from, then compile it again',
        '',
      ].join('\n'),
    );
    expect(git(root, 'diff', '--name-only').trim().split('\n')).toEqual(['services/ingest/pyproject.toml', 'services/reports/requirements.in']);
    expect(read(root, 'services/ingest/pyproject.toml')).toContain('    "click>=8.1",  # the command line\n    "orjson"\n]\n');
    // What remains is reported: the images still install the old locks until they are regenerated.
    expect(fixed.code).toBe(1);
    expect(fixed.stdout).toMatch(/error DG101 missing-package {2}services\/export\/export.py:3/);
  });

  it('with --staged: fixes and stages a file with no unstaged changes, and leaves one that has some', () => {
    // The first commit of the repository, all staged: the hook checks every service.
    const root = makeFixtureRepo('check-fix', { commit: false });
    appendFileSync(path.join(root, 'services/api/requirements.txt'), '# pinned by ops\n');
    const fixed = dockguard(root, 'check', '--staged', '--fix');
    expect(fixed.stderr).toBe(
      [
        'dockguard: applied 4 fixes for 4 findings to services/api/Dockerfile, services/jobs/pyproject.toml, services/worker/Dockerfile, services/worker/requirements.txt (and staged them)',
        'dockguard: not fixed (services/api/requirements.txt: gunicorn, pyyaml): services/api/requirements.txt has changes that are not staged: stage or discard them, then run --fix again',
        '',
      ].join('\n'),
    );
    expect(read(root, 'services/api/requirements.txt')).toBe('flask==3.0.3\n# pinned by ops\n');
    expect(git(root, 'diff', '--name-only'), 'only the untouched file differs from the index').toBe('services/api/requirements.txt\n');
    for (const file of FIXED_FILES.filter((f) => f !== 'services/api/requirements.txt')) {
      expect(git(root, 'show', `:${file}`), `${file} is staged as fixed`).toBe(read(root, file));
    }
    // The re-check reads the index: the two gaps left are what blocks the commit.
    expect(fixed.code).toBe(1);
    expect(withoutTiming(fixed.stdout)).toContain('✖ dockguard: 3 services checked · 2 errors · 0 warnings · <time>');
  });
});
