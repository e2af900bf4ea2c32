import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { discoverServices, type DiscoveryResult } from '../../src/discover/discover-services.js';
import { createWorktreeSnapshot } from '../../src/git/worktree-snapshot.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

describe('discover-config-precedence: config services win over compose; exclude and roots apply', () => {
  let result: DiscoveryResult;
  beforeAll(async () => {
    const root = makeFixtureRepo('discover-config-precedence');
    const { config, source } = await loadConfig(root);
    result = await discoverServices(await createWorktreeSnapshot(root), config, { configFile: source });
  });
  afterAll(removeFixtureRepos);

  it('uses the config entries (as variants) instead of the compose build of the same Dockerfile', () => {
    const web = result.services.filter((s) => s.dockerfile === 'services/web/Dockerfile');
    expect(web).toEqual([
      {
        dockerfile: 'services/web/Dockerfile',
        context: '',
        contextSource: 'config',
        contextOrigin: 'dockguard.config.json services[1]',
        name: 'web-internal',
        variant: 'web-internal',
        buildArgs: { APP_MODULE: 'web.internal' },
        roots: ['services/web/web/admin_tasks.py'],
        gcloudUpload: false,
      },
      {
        dockerfile: 'services/web/Dockerfile',
        context: '',
        contextSource: 'config',
        contextOrigin: 'dockguard.config.json services[0]',
        name: 'web-public',
        variant: 'web-public',
        target: 'production',
        buildArgs: { APP_MODULE: 'web.public' },
        entrypoint: ['gunicorn', 'web.public:app'],
        roots: ['services/web/web/tasks.py'],
        gcloudUpload: false,
      },
    ]);
  });

  it('still takes compose for Dockerfiles the config does not list, with roots keyed by Dockerfile path', () => {
    const api = result.services.find((s) => s.dockerfile === 'services/api/Dockerfile');
    expect(api).toMatchObject({
      context: '',
      contextSource: 'compose',
      contextOrigin: 'docker-compose.yml:5',
      name: 'api',
      entrypoint: 'python -m api',
      roots: ['services/api/api/plugins.py'],
    });
    expect(api?.variant).toBeUndefined();
  });

  it('lists excluded Dockerfiles, skips excluded scripts, and never treats Dockerfile.dockerignore as a service', () => {
    expect(result.excluded).toEqual(['tools/Dockerfile.dev']);
    expect(result.services.map((s) => s.dockerfile)).not.toContain('services/web/Dockerfile.dockerignore');
    expect(result.services).toHaveLength(3);
  });

  it('reports a configured root that is not in the repository', () => {
    expect(result.problems).toEqual([
      {
        rule: 'root-not-found',
        file: 'dockguard.config.json',
        line: 0,
        severity: 'warning',
        message: 'config root services/api/api/gone.py of api does not exist in the repository',
      },
    ]);
  });
});
