import { rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import type { CheckResult } from '../../src/result.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

async function checkFixture(name: string): Promise<CheckResult> {
  return check({ cwd: makeFixtureRepo(name) });
}

/** The identifying fields of every finding, in output order. */
function summary(result: CheckResult) {
  return result.findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    service: f.service,
    ...(f.variant ? { variant: f.variant } : {}),
    file: f.file,
    line: f.line,
    ...(f.module ? { module: f.module } : {}),
  }));
}

describe('missing-copy on fixture repositories', () => {
  it('finds a package reached through a shared helper when only part of the package tree is copied', async () => {
    const result = await checkFixture('transitive-partial-copy');
    expect(summary(result)).toEqual([
      { code: 'DG001', severity: 'error', service: 'services/checkout/Dockerfile', file: 'shared/money.py', line: 4, module: 'orders.pricing' },
    ]);
    const [finding] = result.findings;
    expect(finding!.chain).toEqual([
      { file: 'services/checkout/Dockerfile', line: 16, module: 'app' },
      { file: 'services/checkout/app.py', line: 4, module: 'handlers.cart' },
      { file: 'services/checkout/handlers/cart.py', line: 4, module: 'shared.money' },
      { file: 'shared/money.py', line: 4, module: 'orders.pricing' },
    ]);
    expect(finding!.fix).toMatchObject({ file: 'services/checkout/Dockerfile', line: 13, text: 'COPY orders/pricing/ ./orders/pricing/' });
    expect(result.services).toEqual([
      expect.objectContaining({ dockerfile: 'services/checkout/Dockerfile', context: '.', contextSource: 'inferred', status: 'checked', entrypoints: ['app'] }),
    ]);
  });

  it('reports an import of a first-party module that was deleted, instead of calling it a package', async () => {
    const repo = makeFixtureRepo('transitive-partial-copy');
    rmSync(path.join(repo, 'shared', 'money.py'));
    const result = await check({ cwd: repo });
    expect(summary(result)).toEqual([
      { code: 'DG001', severity: 'error', service: 'services/checkout/Dockerfile', file: 'services/checkout/handlers/cart.py', line: 4, module: 'shared.money' },
    ]);
    expect(result.findings[0]!.message).toBe(
      'module shared.money is imported but exists neither in the image nor in the repository (deleted or renamed?)',
    );
    expect(result.findings[0]!.fix).toBeUndefined();
  });

  it('reports an ignore file it cannot read instead of guessing what COPY sees', async () => {
    const repo = makeFixtureRepo('flat-layout');
    symlinkSync('does-not-exist', path.join(repo, 'svc', '.dockerignore'));
    // A dangling link reads as in --staged: a link to no file of the tree.
    const result = await check({ cwd: repo });
    expect(summary(result)).toEqual([{ code: 'DG007', severity: 'error', service: 'svc/Dockerfile', file: 'svc/.dockerignore', line: 0 }]);
    expect(result.services[0]).toMatchObject({ status: 'failed', reason: 'ignore file svc/.dockerignore is a symbolic link to svc/does-not-exist, which the working tree does not contain as a file' });
  });

  it('passes a correct multi-stage build that copies code from the builder stage', async () => {
    const result = await checkFixture('multi-stage-correct');
    expect(summary(result)).toEqual([]);
    expect(result.services).toEqual([expect.objectContaining({ dockerfile: 'Dockerfile', status: 'checked', entrypoints: ['inventory.main'] })]);
    expect(result.stats.filesAnalysed).toBe(5);
  });

  it('reports a package that .dockerignore hides from COPY . . and proposes the exception line', async () => {
    const result = await checkFixture('dockerignore-hides-package');
    expect(summary(result)).toEqual([
      { code: 'DG001', severity: 'error', service: 'services/reports/Dockerfile', file: 'services/reports/main.py', line: 2, module: 'data.loaders' },
    ]);
    const [finding] = result.findings;
    expect(finding!.message).toContain('excluded from the build context by services/reports/.dockerignore');
    expect(finding!.fix).toMatchObject({ file: 'services/reports/.dockerignore', line: 6, text: '!data/**/*.py' });
  });

  it('resolves namespace packages split over two PYTHONPATH entries', async () => {
    const result = await checkFixture('namespace-packages');
    expect(summary(result)).toEqual([]);
    expect(result.stats.filesAnalysed).toBe(5);
  });

  it('follows gunicorn with WORKDIR in the service folder and PYTHONPATH=/app:$PYTHONPATH, config file included', async () => {
    const result = await checkFixture('gunicorn-pythonpath');
    expect(summary(result)).toEqual([]);
    expect(result.services[0]!.entrypoints).toEqual(expect.arrayContaining(['wsgi', '/app/services/api/gunicorn.conf.py']));
    expect(result.stats.filesAnalysed).toBe(9);
  });

  it('takes the build context and command from docker compose', async () => {
    const result = await checkFixture('compose-context');
    expect(summary(result)).toEqual([
      { code: 'DG001', severity: 'error', service: 'deploy/worker.Dockerfile', file: 'jobs/runner.py', line: 7, module: 'notifications.email' },
    ]);
    expect(result.findings[0]!.fix).toMatchObject({ line: 7, text: 'COPY notifications/ ./notifications/' });
    expect(result.services[0]).toMatchObject({ context: '.', contextSource: 'compose', entrypoints: ['jobs.runner'] });
  });

  it('reports Dockerfile syntax errors with their lines', async () => {
    const result = await checkFixture('dockerfile-syntax-error');
    const syntax = summary(result).filter((f) => f.code === 'DG005');
    expect(syntax.map((f) => f.line)).toEqual([3, 4]);
    expect(syntax.every((f) => f.severity === 'error')).toBe(true);
  });

  it('finds a sibling module missing from a flat layout and writes the COPY like the existing one', async () => {
    const result = await checkFixture('flat-layout');
    expect(summary(result)).toEqual([{ code: 'DG001', severity: 'error', service: 'svc/Dockerfile', file: 'svc/main.py', line: 4, module: 'helper' }]);
    expect(result.findings[0]!.fix).toMatchObject({ file: 'svc/Dockerfile', line: 5, text: 'COPY helper.py ./' });
  });

  it('handles lazy, guarded, dynamic, typing-only imports and Python syntax errors', async () => {
    const result = await checkFixture('import-forms');
    expect(summary(result)).toEqual([
      // Guarded, but the repository has it: the image silently switches the speedups off (issue 10, item 7).
      { code: 'DG001', severity: 'error', service: 'Dockerfile', file: 'api/app.py', line: 15, module: 'api.speedups' },
      { code: 'DG001', severity: 'error', service: 'Dockerfile', file: 'api/app.py', line: 24, module: 'api.reports.pdf' },
      { code: 'DG006', severity: 'error', service: 'Dockerfile', file: 'api/broken.py', line: 7 },
      { code: 'DG001', severity: 'error', service: 'Dockerfile', file: 'api/registry.py', line: 6, module: 'api.plugins.parquet_export' },
      // import_module(EXPORTERS[kind]): the name is computed, so the site is named (issue 10, item 11).
      { code: 'DG014', severity: 'warning', service: 'Dockerfile', file: 'api/registry.py', line: 11 },
    ]);
    expect(result.findings[0]!.message).toContain('the feature that needs it is silently disabled');
    expect(result.findings[3]!.message).toContain('dynamically loaded');
  });

  it('skips non-Python images, reports unknown contexts and missing COPY sources', async () => {
    const result = await checkFixture('service-kinds');
    expect(summary(result)).toEqual([
      { code: 'DG003', severity: 'error', service: 'legacy/Dockerfile', file: 'legacy/Dockerfile', line: 0 },
      { code: 'DG002', severity: 'error', service: 'tools/Dockerfile', file: 'tools/Dockerfile', line: 4 },
    ]);
    const statuses = Object.fromEntries(result.services.map((s) => [s.dockerfile, [s.status, s.contextSource]]));
    expect(statuses).toEqual({
      'legacy/Dockerfile': ['failed', 'inferred'],
      'tools/Dockerfile': ['checked', 'compose'],
      'web/Dockerfile': ['skipped', 'inferred'],
    });
    expect(result.services.find((s) => s.dockerfile === 'web/Dockerfile')!.reason).toMatch(/^not Python/);
  });

  it('checks each config variant of one Dockerfile with its own build args', async () => {
    const result = await checkFixture('config-variants');
    expect(summary(result)).toEqual([
      { code: 'DG001', severity: 'error', service: 'svc/Dockerfile', variant: 'billing-api', file: 'svc/billing/app.py', line: 3, module: 'billing.ledger' },
    ]);
    expect(result.services.map((s) => [s.variant ?? s.name, s.entrypoints])).toEqual([
      ['billing-api', ['billing.app']],
      ['orders-api', ['orders.app']],
    ]);
  });
});
