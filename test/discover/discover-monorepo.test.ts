import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDefaultConfig } from '../../src/config/schema.js';
import { discoverServices, type DiscoveryResult } from '../../src/discover/discover-services.js';
import { createWorktreeSnapshot } from '../../src/git/worktree-snapshot.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

describe('discover-monorepo: builds described by Makefile, scripts, compose, Cloud Build and workflows', () => {
  let result: DiscoveryResult;
  beforeAll(async () => {
    const root = makeFixtureRepo('discover-monorepo');
    result = await discoverServices(await createWorktreeSnapshot(root), createDefaultConfig());
  });
  afterAll(removeFixtureRepos);

  const find = (dockerfile: string, variant?: string) => {
    const spec = result.services.find((s) => s.dockerfile === dockerfile && s.variant === variant);
    expect(spec, `${dockerfile} ${variant ?? ''}`).toBeDefined();
    return spec!;
  };

  it('lists one spec per Dockerfile and compose variant, sorted by path then variant', () => {
    expect(result.services.map((s) => [s.dockerfile, s.variant ?? ''])).toEqual([
      ['deployment/dockerfiles/api.Dockerfile', ''],
      ['deployment/dockerfiles/billing.Dockerfile', ''],
      ['deployment/dockerfiles/worker.Dockerfile', ''],
      ['services/legacy/Dockerfile', ''],
      ['services/notifier/Dockerfile', ''],
      ['services/reports/Dockerfile', ''],
      ['services/scheduler/Dockerfile', ''],
      ['services/web/Dockerfile', 'web'],
      ['services/web/Dockerfile', 'web-admin'],
    ]);
    expect(result.excluded).toEqual([]);
  });

  it('reads a Makefile recipe with make variables, $$ escapes and line continuations', () => {
    expect(find('deployment/dockerfiles/api.Dockerfile')).toEqual({
      dockerfile: 'deployment/dockerfiles/api.Dockerfile',
      context: '',
      contextSource: 'script',
      contextOrigin: 'Makefile:7',
      buildArgs: { PYTHON_VERSION: '3.11' },
      roots: [],
      gcloudUpload: false,
    });
  });

  it('reads a shell script using $(git rev-parse --show-toplevel), --file, --target and --build-arg', () => {
    const worker = find('deployment/dockerfiles/worker.Dockerfile');
    expect(worker).toMatchObject({
      context: '',
      contextSource: 'script',
      contextOrigin: 'scripts/deploy.sh:8',
      target: 'runtime',
      buildArgs: { WORKER_QUEUE: 'default' },
    });
  });

  it('reads Cloud Build docker steps and the GitHub build-push-action', () => {
    expect(find('deployment/dockerfiles/billing.Dockerfile')).toMatchObject({
      context: '',
      contextSource: 'script',
      contextOrigin: 'cloudbuild.yaml:2',
      buildArgs: { BILLING_ENV: 'prod' },
    });
    const reports = find('services/reports/Dockerfile');
    expect(reports).toMatchObject({ context: '', contextSource: 'script', target: 'app', buildArgs: { REPORTS_FLAVOUR: 'full' } });
    expect(reports.contextOrigin).toBe('.github/workflows/release.yml:12');
  });

  it('turns compose services building one Dockerfile differently into variants, collapsing identical ones', () => {
    expect(find('services/web/Dockerfile', 'web')).toEqual({
      dockerfile: 'services/web/Dockerfile',
      context: 'services/web',
      contextSource: 'compose',
      contextOrigin: 'docker-compose.yml:3',
      name: 'web',
      variant: 'web',
      target: 'production',
      buildArgs: { PYTHON_VERSION: '3.12', APP_MODULE: 'web.main' },
      entrypoint: ['gunicorn', 'web.main:app', '--bind', '0.0.0.0:8000'],
      roots: [],
      gcloudUpload: false,
    });
    expect(find('services/web/Dockerfile', 'web-admin')).toMatchObject({
      buildArgs: { PYTHON_VERSION: '3.12', APP_MODULE: 'web.admin' },
      entrypoint: 'gunicorn web.admin:app --bind 0.0.0.0:8001',
    });
  });

  it('infers the repository root when COPY sources are repo-relative', () => {
    expect(find('services/scheduler/Dockerfile')).toMatchObject({
      context: '',
      contextSource: 'inferred',
      contextOrigin: 'inferred from COPY sources (3 of 3 found)',
    });
  });

  it("infers the Dockerfile's own folder when its COPY sources are there", () => {
    expect(find('services/notifier/Dockerfile')).toMatchObject({
      context: 'services/notifier',
      contextSource: 'inferred',
      contextOrigin: 'inferred from COPY sources (2 of 2 found)',
    });
  });

  it('leaves the context unknown when no folder holds every COPY source, naming the best candidate', () => {
    expect(find('services/legacy/Dockerfile')).toMatchObject({
      context: undefined,
      contextSource: 'inferred',
      contextOrigin: 'no folder contains all COPY sources; best: services/legacy (1 of 3 found; not found there: "vendor", "requirements.txt")',
      contextCandidate: 'services/legacy',
    });
  });

  it('reports a build of a Dockerfile that does not exist, and ignores builds with unknown paths', () => {
    expect(result.problems).toEqual([
      {
        rule: 'dockerfile-not-found',
        file: 'scripts/deploy.sh',
        line: 16,
        severity: 'warning',
        message: 'deployment/dockerfiles/old-cron.Dockerfile is built here but does not exist in the repository',
      },
    ]);
  });
});
