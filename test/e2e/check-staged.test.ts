import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';
import { assertBuilt, dockguard, withoutTiming } from './helpers/dockguard-cli.js';
import {
  API_MISSING_BILLING,
  applyProposedFixes,
  BLOCKED_API_REPORT,
  BLOCKED_HINTS,
  importBillingInApi,
  insertAfterLine,
  removeLine,
  SHOP,
} from './helpers/shop-scenario.js';

/** `dockguard check --staged` (the built CLI) against real git repositories. */

const temps: string[] = [];
beforeAll(assertBuilt);
afterAll(() => {
  removeFixtureRepos();
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const staged = (root: string, ...args: string[]) => {
  const result = dockguard(root, 'check', '--staged', ...args);
  return { ...result, stdout: withoutTiming(result.stdout) };
};
const CLEAN = (checked: number, unaffected: number) =>
  `✔ dockguard: ${checked} service${checked === 1 ? '' : 's'} checked${unaffected ? ` · ${unaffected} unaffected` : ''} · 0 errors · 0 warnings · <time>\n`;
const WORKER_COPY = 'COPY shared/__init__.py shared/util.py ./shared/';

describe('dockguard check --staged', () => {
  it('blocks the planted bug with the fix line, and allows the commit once the proposed fix is staged', () => {
    const root = makeFixtureRepo(SHOP);
    importBillingInApi(root);
    git(root, 'add', 'services/api/app.py');
    expect(staged(root)).toEqual({ code: 1, stdout: BLOCKED_API_REPORT, stderr: '' });

    expect(applyProposedFixes(root)).toEqual([expect.objectContaining({ file: 'services/api/Dockerfile', line: 10, text: 'COPY billing/ ./billing/' })]);
    expect(staged(root), 'the fix is only in the working tree so far').toMatchObject({ code: 1 });
    git(root, 'add', 'services/api/Dockerfile');
    expect(staged(root)).toEqual({ code: 0, stdout: CLEAN(1, 2), stderr: '' });
  });

  it('blocks a staged broken Dockerfile whose fix is only in the working tree', () => {
    const root = makeFixtureRepo(SHOP);
    removeLine(root, 'services/worker/Dockerfile', WORKER_COPY);
    git(root, 'add', 'services/worker/Dockerfile');
    insertAfterLine(root, 'services/worker/Dockerfile', 6, WORKER_COPY);
    expect(dockguard(root, 'check').code, 'the working tree is fine').toBe(0);

    expect(staged(root)).toEqual({
      code: 1,
      stdout: [
        'error DG001 missing-copy  services/worker/worker/main.py:7',
        '  module shared.util (shared/) is imported but not copied into the image',
        '  in services/worker/Dockerfile',
        '  import chain:',
        '    services/worker/Dockerfile:9      starts worker.main',
        '    services/worker/worker/main.py:7  imports shared.util',
        "  fix: add after line 7 of services/worker/Dockerfile (the last COPY of the image's stage)",
        '    COPY shared/ ./shared/',
        '',
        '✖ dockguard: 1 service checked · 2 unaffected · 1 error · 0 warnings · <time>',
        '',
        `${BLOCKED_HINTS.replace(
          '\n  re-run:',
          '\n  not staged:   services/worker/Dockerfile has changes in the working tree that this commit does not include: git add services/worker/Dockerfile\n  re-run:',
        )}\n`,
      ].join('\n'),
      stderr: '',
    });
  });

  it('allows a fixed staged Dockerfile even when the working tree breaks it again', () => {
    const root = makeFixtureRepo(SHOP);
    importBillingInApi(root);
    insertAfterLine(root, 'services/api/Dockerfile', 10, 'COPY billing/ ./billing/');
    git(root, 'add', '-A');
    removeLine(root, 'services/api/Dockerfile', 'COPY billing/ ./billing/');
    expect(dockguard(root, 'check').code, 'the working tree is broken').toBe(1);
    expect(staged(root)).toEqual({ code: 0, stdout: CLEAN(1, 2), stderr: '' });
  });

  it('blocks `git rm` of a module that other services import, whether they copy it by name or with its folder', () => {
    const root = makeFixtureRepo(SHOP);
    git(root, 'rm', '-q', 'shared/util.py');
    const gone = '  module shared.util is imported but exists neither in the image nor in the repository (deleted or renamed?)';
    expect(staged(root)).toEqual({
      code: 1,
      stdout: [
        'error DG001 missing-copy  services/api/app.py:4',
        gone,
        '  in services/api/Dockerfile',
        '  import chain:',
        '    services/api/Dockerfile:13  starts app',
        '    services/api/app.py:4       imports shared.util',
        '',
        'error DG002 copy-source-missing  services/worker/Dockerfile:7',
        '  COPY source "shared/util.py" does not exist in the build context (repository root)',
        '',
        'error DG001 missing-copy  services/worker/worker/main.py:7',
        gone,
        '  in services/worker/Dockerfile',
        '  import chain:',
        '    services/worker/Dockerfile:10     starts worker.main',
        '    services/worker/worker/main.py:7  imports shared.util',
        '',
        '✖ dockguard: 2 services checked · 1 unaffected · 3 errors · 0 warnings · <time>',
        '',
        `${BLOCKED_HINTS}\n`,
      ].join('\n'),
      stderr: '',
    });
  });

  it('blocks a `git mv` refactor whose imports were updated but not the Dockerfile that copies the old name', () => {
    const root = makeFixtureRepo(SHOP);
    git(root, 'mv', 'shared/util.py', 'shared/text.py');
    for (const file of ['services/api/app.py', 'services/worker/worker/main.py', 'billing/invoice.py']) {
      writeFileSync(path.join(root, file), readFileSync(path.join(root, file), 'utf8').replace('shared.util', 'shared.text'));
    }
    git(root, 'add', '-A');
    expect(git(root, 'diff', '--cached', '--name-status', '-M')).toContain('R100\tshared/util.py\tshared/text.py');
    const result = staged(root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('error DG002 copy-source-missing  services/worker/Dockerfile:7\n');
    expect(result.stdout).toContain(
      ['error DG001 missing-copy  services/worker/worker/main.py:7', '  module shared.text (shared/text.py) is imported but not copied into the image'].join('\n'),
    );
    expect(result.stdout).toContain("  fix: add after line 8 of services/worker/Dockerfile (the last COPY of the image's stage)\n    COPY shared/text.py ./shared/\n");
    expect(result.stdout).toContain('✖ dockguard: 2 services checked · 1 unaffected · 2 errors · 0 warnings · <time>\n');
  });

  it('ignores untracked files: a COPY satisfied only by an untracked folder is blocked', () => {
    const root = makeFixtureRepo(SHOP);
    mkdirSync(path.join(root, 'services/reports/templates'));
    writeFileSync(path.join(root, 'services/reports/templates/daily.txt'), 'Report for {date}\n');
    insertAfterLine(root, 'services/reports/Dockerfile', 3, 'COPY templates/ ./templates/');
    git(root, 'add', 'services/reports/Dockerfile');
    expect(dockguard(root, 'check').code, 'the working tree has the folder').toBe(0);
    const result = staged(root);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('error DG002 copy-source-missing  services/reports/Dockerfile:4\n');
    expect(result.stdout).toContain('✖ dockguard: 1 service checked · 2 unaffected · 1 error · 0 warnings · <time>\n');
  });

  it('exits 0 at once, checking no service, when the commit touches nothing relevant (untracked breakage ignored)', () => {
    const root = makeFixtureRepo(SHOP);
    importBillingInApi(root); // modified, not staged
    mkdirSync(path.join(root, 'services/search'));
    writeFileSync(path.join(root, 'services/search/Dockerfile'), 'FROM python:3.12-slim\nCOPY missing/ ./\nCMD ["python", "-m", "search"]\n');
    writeFileSync(path.join(root, 'README.md'), '# Shop platform\n\nSee docs/ for the architecture.\n');
    git(root, 'add', 'README.md');
    expect(staged(root)).toEqual({
      code: 0,
      stdout: `note: nothing that can change an image is part of this check\n${CLEAN(0, 0)}`,
      stderr: '',
    });
    const json = JSON.parse(dockguard(root, 'check', '--staged', '--format', 'json').stdout) as { services: unknown[]; summary: object };
    expect(json.services).toEqual([]);
    expect(json.summary).toMatchObject({ servicesChecked: 0, servicesUnaffected: 0, filesAnalysed: 0 });
  });

  it('checks no service when shared code only gains lines above its imports and a plain stdlib import', () => {
    const root = makeFixtureRepo(SHOP);
    const util = path.join(root, 'shared/util.py');
    writeFileSync(util, readFileSync(util, 'utf8').replace('import re\n', 'import functools\nimport re\n\n# Helpers every service shares.\n'));
    git(root, 'add', 'shared/util.py');
    const json = JSON.parse(dockguard(root, 'check', '--staged', '--no-cache', '--format', 'json').stdout) as { summary: object };
    expect(json.summary).toMatchObject({ servicesChecked: 0, errors: 0 });
  });

  it('checks the services that copy shared code gaining an import named like a repository folder, even a stdlib name', () => {
    const root = makeFixtureRepo(SHOP);
    mkdirSync(path.join(root, 'tools/calendar'), { recursive: true });
    writeFileSync(path.join(root, 'tools/calendar/holidays.py'), 'HOLIDAYS = ()\n');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '--no-verify', '-m', 'holiday tool');
    const util = path.join(root, 'shared/util.py');
    writeFileSync(util, readFileSync(util, 'utf8').replace('import re\n', 'import calendar\nimport re\n'));
    git(root, 'add', 'shared/util.py');
    const json = JSON.parse(dockguard(root, 'check', '--staged', '--no-cache', '--format', 'json').stdout) as { summary: object };
    expect(json.summary).toMatchObject({ servicesChecked: 2, errors: 0 });
  });

  it('checks every service when the commit changes dockguard.config.json', () => {
    const root = makeFixtureRepo(SHOP);
    writeFileSync(path.join(root, 'dockguard.config.json'), `${JSON.stringify({ services: [{ dockerfile: 'services/api/Dockerfile', context: '.' }] }, null, 2)}\n`);
    git(root, 'add', 'dockguard.config.json');
    expect(staged(root)).toEqual({ code: 0, stdout: CLEAN(3, 0), stderr: '' });
  });

  it('checks every service when the config in pyproject.toml [tool.dockguard] is staged (it can change any of them)', () => {
    const root = makeFixtureRepo(SHOP);
    const config = '[tool.dockguard]\n\n[[tool.dockguard.services]]\ndockerfile = "services/reports/Dockerfile"\ncontext = "services/reports"\n';
    writeFileSync(path.join(root, 'pyproject.toml'), `[project]\nname = "shop-platform"\nversion = "1.0.0"\n\n${config}`);
    git(root, 'add', 'pyproject.toml');
    const json = JSON.parse(dockguard(root, 'check', '--staged', '--format', 'json').stdout) as { services: Array<{ dockerfile: string; contextSource: string }> };
    expect(json.services.map((s) => [s.dockerfile, s.contextSource])).toEqual([
      ['services/api/Dockerfile', 'compose'],
      ['services/reports/Dockerfile', 'config'],
      ['services/worker/Dockerfile', 'compose'],
    ]);
  });

  it('takes file names the way lint-staged passes them (absolute), reading them from the index', () => {
    const root = makeFixtureRepo(SHOP);
    importBillingInApi(root);
    git(root, 'add', 'services/api/app.py');
    expect(staged(root, path.join(root, 'services/api/app.py'))).toEqual({ code: 1, stdout: BLOCKED_API_REPORT, stderr: '' });
    expect(staged(root, 'services/reports/new.py')).toEqual({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining('services/reports/new.py: no such file or folder in the index (is it staged?)'),
    });
  });

  it('without --staged, checks only the services the given files affect, from the working tree', () => {
    const root = makeFixtureRepo(SHOP);
    importBillingInApi(root);
    const reports = dockguard(root, 'check', 'services/reports/report.py');
    expect({ ...reports, stdout: withoutTiming(reports.stdout) }).toEqual({ code: 0, stdout: CLEAN(1, 2), stderr: '' });
    const api = dockguard(root, 'check', 'services/api/app.py');
    expect(withoutTiming(api.stdout)).toBe(`${API_MISSING_BILLING}\n✖ dockguard: 1 service checked · 2 unaffected · 1 error · 0 warnings · <time>\n`);
    expect(api.code).toBe(1);
  });

  it('checks an initial commit (no HEAD yet) against the empty tree', () => {
    const root = makeFixtureRepo(SHOP, { commit: false });
    expect(staged(root)).toEqual({ code: 0, stdout: CLEAN(3, 0), stderr: '' });
    importBillingInApi(root);
    git(root, 'add', '-A');
    const result = staged(root);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`${API_MISSING_BILLING}\n✖ dockguard: 3 services checked · 1 error · 0 warnings · <time>\n\n${BLOCKED_HINTS}\n`);
  });

  it('exits 2 with a clear message while merge conflicts are unresolved', () => {
    const root = makeFixtureRepo(SHOP);
    git(root, 'checkout', '-q', '-b', 'rename-helper');
    writeFileSync(path.join(root, 'shared/util.py'), 'def slugify(text: str) -> str:\n    return text.lower()\n');
    git(root, 'commit', '-qam', 'simpler slugify');
    git(root, 'checkout', '-q', 'main');
    writeFileSync(path.join(root, 'shared/util.py'), 'def slugify(text: str) -> str:\n    return text.casefold()\n');
    git(root, 'commit', '-qam', 'casefold');
    expect(() => git(root, 'merge', '-q', 'rename-helper')).toThrow();
    expect(staged(root)).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'dockguard: cannot check the staged commit: 1 file(s) have unresolved merge conflicts: shared/util.py\n' +
        '  hint: resolve the conflicts, `git add` the files, then commit again\n',
    });
  });

  it('prints the same report with --no-cache, with a cold cache and with a warm cache', () => {
    const root = makeFixtureRepo(SHOP);
    const cacheDir = path.join(root, '.git', 'dockguard-cache');
    importBillingInApi(root);
    git(root, 'add', '-A');
    const uncached = staged(root, '--no-cache');
    expect(existsSync(cacheDir), '--no-cache writes nothing').toBe(false);
    const cold = staged(root);
    expect(existsSync(cacheDir), 'a cached run fills the cache').toBe(true);
    const warm = staged(root);
    expect(uncached).toEqual({ code: 1, stdout: BLOCKED_API_REPORT, stderr: '' });
    expect(cold).toEqual(uncached);
    expect(warm).toEqual(uncached);
  });

  it('runs in a linked worktree against that worktree’s own index', () => {
    const root = makeFixtureRepo(SHOP);
    const other = mkdtempSync(path.join(tmpdir(), 'dockguard-worktree-'));
    temps.push(other);
    git(root, 'worktree', 'add', '-q', path.join(other, 'wt'), '-b', 'feature');
    const wt = path.join(other, 'wt');
    importBillingInApi(wt);
    git(wt, 'add', 'services/api/app.py');
    const result = staged(wt);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^note: linked worktree: using its own index \(.*\/\.git\/worktrees\/wt\)\n/);
    expect(result.stdout).toContain(API_MISSING_BILLING);
    expect(staged(root).code, 'the main worktree has nothing staged').toBe(0);
  });
});
