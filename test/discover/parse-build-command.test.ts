import { describe, expect, it } from 'vitest';
import { expandWord, GUESSED_ROOT_MARK, HERE_MARK, isUnresolved, ROOT_MARK } from '../../src/discover/expand-word.js';
import { parseBuildCommand } from '../../src/discover/parse-build-command.js';
import { shellWords } from '../../src/discover/shell-words.js';
import { isDockerfileName } from '../../src/discover/is-dockerfile-name.js';
import { createGlobMatcher } from '../../src/config/create-glob-matcher.js';

const parse = (line: string) => parseBuildCommand(shellWords(line)[0] ?? []);

describe('shellWords', () => {
  it('splits at operators, removes quotes and keeps expansions whole', () => {
    expect(shellWords(`cd "$(dirname "$0")" && docker build -f 'a b/Dockerfile' . ; echo done # comment`)).toEqual([
      ['cd', '$(dirname "$0")'],
      ['docker', 'build', '-f', 'a b/Dockerfile', '.'],
      ['echo', 'done'],
    ]);
    expect(shellWords('echo a\\ b "x#y" ${A:-b c}|tee')).toEqual([['echo', 'a b', 'x#y', '${A:-b c}'], ['tee']]);
  });
});

describe('expandWord', () => {
  const none = () => undefined;
  it('recognises repository-root and script-folder idioms', () => {
    expect(expandWord('$(git rev-parse --show-toplevel)/deploy', none)).toBe(`${ROOT_MARK}/deploy`);
    expect(expandWord('$(dirname "$0")/..', none)).toBe(`${HERE_MARK}/..`);
    expect(expandWord('$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)', none)).toBe(HERE_MARK);
    expect(expandWord('${REPO_ROOT}/x', none)).toBe(`${GUESSED_ROOT_MARK}/x`);
    expect(expandWord('$SCRIPT_DIR/x', none)).toBe(`${HERE_MARK}/x`);
  });
  it('substitutes known variables and leaves unknown ones unresolved', () => {
    const vars = (name: string) => (name === 'DF' ? 'deploy/api.Dockerfile' : undefined);
    expect(expandWord('${DF}', vars)).toBe('deploy/api.Dockerfile');
    expect(expandWord('$SERVICE/Dockerfile', vars)).toBe('$SERVICE/Dockerfile');
    expect(isUnresolved('$SERVICE/Dockerfile')).toBe(true);
    expect(isUnresolved('${{ matrix.service }}')).toBe(true);
    expect(isUnresolved('services/api')).toBe(false);
  });
});

describe('parseBuildCommand', () => {
  it('reads docker build options and the context', () => {
    expect(parse('sudo docker build --pull -t acme/api:1 --file=deploy/api.Dockerfile --target prod --build-arg A=1 --build-arg B --no-cache services/api')).toEqual({
      kind: 'docker',
      file: 'deploy/api.Dockerfile',
      context: 'services/api',
      target: 'prod',
      buildArgs: [['A', '1']],
      tags: ['acme/api:1'],
    });
    expect(parse('docker build -t acme/base:latest --tag ghcr.io/acme/base:2 images/base')?.tags).toEqual(['acme/base:latest', 'ghcr.io/acme/base:2']);
  });
  it('reads buildx, podman and docker image build', () => {
    expect(parse('docker buildx build --platform linux/amd64 --push -f Dockerfile .')).toMatchObject({ file: 'Dockerfile', context: '.' });
    expect(parse('podman build -fContainerfile ctx')).toMatchObject({ file: 'Containerfile', context: 'ctx' });
    expect(parse('/usr/bin/docker image build .')).toMatchObject({ context: '.' });
  });
  it('ignores other docker commands and builds from stdin or URLs', () => {
    expect(parse('docker push acme/api')).toBeUndefined();
    expect(parse('docker build - < Dockerfile')).toBeUndefined();
    expect(parse('docker build https://github.com/acme/app.git')).toBeUndefined();
    expect(parse('docker compose build')).toBeUndefined();
  });
  it('reads gcloud builds submit --tag and gcloud run deploy --source', () => {
    expect(parse('gcloud builds submit services/api --tag gcr.io/p/api --async')).toEqual({ kind: 'gcloud-submit', context: 'services/api', buildArgs: [], tags: ['gcr.io/p/api'] });
    expect(parse('gcloud beta builds submit --tag=gcr.io/p/api')).toMatchObject({ context: '.' });
    expect(parse('gcloud builds submit --config cloudbuild.yaml --substitutions=_A=x,_B=y/z .')).toEqual({
      kind: 'gcloud-config', context: '.', config: 'cloudbuild.yaml', substitutions: [['_A', 'x'], ['_B', 'y/z']], buildArgs: [],
    });
    expect(parse('gcloud run deploy api --region europe-west1 --source services/api')).toEqual({ kind: 'gcloud-run', context: 'services/api', buildArgs: [] });
    expect(parse('gcloud run deploy api --image gcr.io/p/api')).toBeUndefined();
  });
});

describe('isDockerfileName and exclude globs', () => {
  it('knows the Dockerfile naming conventions', () => {
    for (const name of ['Dockerfile', 'a/dockerfile', 'a/Dockerfile.prod', 'deploy/api.Dockerfile', 'x/api.dockerfile']) expect(isDockerfileName(name), name).toBe(true);
    for (const name of ['a/Dockerfile.dockerignore', 'api.Dockerfile.dockerignore', 'Dockerfiles/README.md', 'a/.dockerignore', 'MyDockerfile']) expect(isDockerfileName(name), name).toBe(false);
  });
  it('matches globs anchored at the root, with ** across folders and folder prefixes', () => {
    const excluded = createGlobMatcher(['legacy', 'tools/**', '**/Dockerfile.dev', 'svc/*/test.Dockerfile']);
    expect(['legacy/app/Dockerfile', 'tools/x/Dockerfile', 'a/b/Dockerfile.dev', 'Dockerfile.dev', 'svc/api/test.Dockerfile'].every(excluded)).toBe(true);
    expect(['services/legacy/Dockerfile', 'toolsx/Dockerfile', 'svc/a/b/test.Dockerfile', 'Dockerfile'].some(excluded)).toBe(false);
  });
});
