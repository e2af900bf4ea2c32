import { describe, expect, it } from 'vitest';
import { DockguardError } from '../../src/errors.js';
import { pickService } from '../../src/explain/pick-service.js';
import { asRepoPath, type ServiceSpec } from '../../src/types.js';

const spec = (dockerfile: string, extra: Partial<ServiceSpec> = {}): ServiceSpec => ({
  dockerfile: asRepoPath(dockerfile), context: asRepoPath(dockerfile.slice(0, dockerfile.lastIndexOf('/'))), contextSource: 'compose', buildArgs: {}, roots: [], gcloudUpload: false, ...extra,
});

const SPECS = [
  spec('services/api/Dockerfile', { name: 'api' }),
  spec('services/worker/Dockerfile', { variant: 'worker-gpu' }),
  spec('services/worker/Dockerfile', { variant: 'worker-cpu' }),
  spec('tools/Dockerfile.migrate'),
];
const WHERE = { root: '/repo', cwd: '/repo' };
const pick = (query: string, where = WHERE) => pickService(query, SPECS, [asRepoPath('legacy/Dockerfile')], where);
const failure = (query: string): string => {
  try {
    pick(query);
  } catch (error) {
    if (error instanceof DockguardError) return error.message;
    throw error;
  }
  return 'picked';
};

describe('pickService', () => {
  it('takes a name or title as check shows it, a Dockerfile path (from the cwd) or its folder', () => {
    expect(pick('api')).toBe(SPECS[0]);
    expect(pick('services/worker/Dockerfile (worker-cpu)')).toBe(SPECS[2]);
    expect(pick('worker-gpu')).toBe(SPECS[1]);
    expect(pick('services/api')).toBe(SPECS[0]);
    expect(pick('./tools/Dockerfile.migrate')).toBe(SPECS[3]);
    expect(pick('Dockerfile', { root: '/repo', cwd: '/repo/services/api' })).toBe(SPECS[0]);
  });

  it('refuses a path several services share, naming them', () => {
    expect(failure('services/worker/Dockerfile')).toBe(
      'services/worker/Dockerfile names 2 services: services/worker/Dockerfile (worker-gpu), services/worker/Dockerfile (worker-cpu); give the one to explain by its name',
    );
  });

  it('says an excluded Dockerfile is excluded, and names near matches for an unknown one', () => {
    expect(failure('legacy/Dockerfile')).toBe('legacy/Dockerfile is excluded by the config, so no check looks at it');
    expect(failure('wroker')).toBe('no service wroker; near matches: services/worker/Dockerfile (worker-cpu), services/worker/Dockerfile (worker-gpu)');
    expect(failure('billing')).toBe(
      'no service billing; services: services/api/Dockerfile (api), services/worker/Dockerfile (worker-gpu), services/worker/Dockerfile (worker-cpu), tools/Dockerfile.migrate',
    );
  });
});
