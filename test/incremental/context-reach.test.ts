import { describe, expect, it } from 'vitest';
import { mayAffectService, readContextReach } from '../../src/incremental/context-reach.js';
import { asRepoPath, type RepoPath, type ServiceSpec } from '../../src/types.js';

const spec = (overrides: Partial<ServiceSpec> = {}): ServiceSpec => ({
  dockerfile: asRepoPath('services/api/Dockerfile'),
  context: asRepoPath(''),
  contextSource: 'compose',
  contextOrigin: 'docker-compose.yml:3',
  buildArgs: {},
  roots: [],
  gcloudUpload: false,
  ...overrides,
});
const paths = (...list: string[]): RepoPath[] => list.map(asRepoPath);
const DIRS = new Set(paths('libs', 'libs/shared', 'libs/other', 'services', 'services/api', 'services/web', 'deploy', 'deploy/api'));

describe('readContextReach', () => {
  it('lists the context sources of every stage, and nothing copied from another stage, an image or a URL', () => {
    const text = [
      'FROM python:3.12 AS build',
      'COPY ./libs/shared/ /src/shared/',
      'FROM python:3.12-slim',
      'COPY --from=build /src /src',
      'COPY --from=ghcr.io/acme/tools:1 /bin/tool /bin/tool',
      'ADD https://example.com/x.tgz /tmp/',
      'COPY services/api/requirements.txt services/api/app.py /app/',
      'COPY <<EOF /app/version.txt',
      '1.0',
      'EOF',
    ].join('\n');
    expect(readContextReach(text)).toEqual({ sources: ['libs/shared', 'services/api/requirements.txt', 'services/api/app.py'] });
  });

  it.each([
    ['a wildcard', 'FROM python:3.12\nCOPY services/*/requirements.txt /app/\n'],
    ['a variable', 'FROM python:3.12\nARG APP=api\nCOPY services/${APP}/ /app/\n'],
    ['the whole context', 'FROM python:3.12\nCOPY . /app/\n'],
    ['a bind mount', 'FROM python:3.12\nRUN --mount=type=bind,source=requirements.txt,target=/r.txt pip install -r /r.txt\n'],
    ['an ONBUILD trigger', 'FROM python:3.12 AS base\nONBUILD COPY app/ /app/\nFROM base\n'],
  ])('is anything for %s', (_what, text) => {
    expect(readContextReach(text)).toBe('anything');
  });
});

describe('mayAffectService', () => {
  const reach = { sources: ['libs/shared', 'services/api/requirements.txt', 'services/api/app'] };

  it('is true for a path inside a copied folder, and false for one beside it', () => {
    expect(mayAffectService(spec(), reach, paths('libs/shared/util.py'), DIRS)).toBe(true);
    expect(mayAffectService(spec(), reach, paths('libs/other/util.py'), DIRS)).toBe(false);
    expect(mayAffectService(spec(), reach, paths('services/web/Dockerfile', 'README.md'), DIRS)).toBe(false);
  });

  it('is true for any path in the folder of a copied file: a lock file beside a requirements file is read too', () => {
    expect(mayAffectService(spec(), reach, paths('services/api/requirements.in'), DIRS)).toBe(true);
  });

  it('is true for a folder that holds a source, and for a path that does not exist yet under a missing source', () => {
    expect(mayAffectService(spec(), reach, paths('libs'), DIRS)).toBe(true);
    expect(mayAffectService(spec(), reach, paths('services/api/app/main.py'), DIRS)).toBe(true);
  });

  it('is true for its Dockerfile, any ignore file and the file that names its context', () => {
    for (const p of ['services/api/Dockerfile', 'services/.dockerignore', 'deploy/api/Dockerfile.dockerignore', 'tools/.gcloudignore', 'docker-compose.yml']) {
      expect(mayAffectService(spec(), { sources: [] }, paths(p), DIRS), p).toBe(true);
    }
  });

  it('is false outside the build context, and true whenever it cannot tell', () => {
    const inDeploy = spec({ context: asRepoPath('deploy') });
    expect(mayAffectService(inDeploy, 'anything', paths('libs/shared/util.py'), DIRS)).toBe(false);
    expect(mayAffectService(inDeploy, 'anything', paths('deploy/api/x.py'), DIRS)).toBe(true);
    expect(mayAffectService(spec({ context: undefined }), { sources: [] }, paths('README.md'), DIRS)).toBe(true);
    expect(mayAffectService(spec({ gcloudUpload: true }), { sources: [] }, paths('README.md'), DIRS)).toBe(true);
  });
});
