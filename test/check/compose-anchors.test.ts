import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { check } from '../../src/pipeline.js';
import { resolveYamlAliases } from '../../src/discover/resolve-yaml-aliases.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('compose services shared through YAML anchors (fixture compose-anchors, the cookiecutter-django layout)', () => {
  it('checks each service of one image with its own command, followed through /entrypoint into the script compose runs', async () => {
    const result = await check({ cwd: makeFixtureRepo('compose-anchors') });
    expect(result.services.map((s) => [s.dockerfile, s.variant, s.status, s.entrypoints])).toEqual([
      ['compose/django/Dockerfile', 'celeryworker', 'checked', ['config.celery_app']],
      ['compose/django/Dockerfile', 'django', 'checked', ['config.wsgi']],
    ]);
    // Only the worker imports the renamed module; the web service is clean.
    expect(result.findings.map((f) => ({ code: f.code, severity: f.severity, file: f.file, line: f.line, module: f.module, service: f.variant }))).toEqual([
      { code: 'DG001', severity: 'error', file: 'config/celery_app.py', line: 6, module: 'config.beat_schedule', service: 'celeryworker' },
    ]);
  });
});

describe('resolveYamlAliases', () => {
  const resolved = (text: string): unknown => {
    const doc = parseDocument(text);
    resolveYamlAliases(doc);
    return doc.toJS();
  };

  it('expands merge keys: written keys win, and of several merged mappings the first wins', () => {
    expect(resolved('a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  <<: [*a, *b]\n  x: 3\n')).toEqual({
      a: { x: 1, y: 1 },
      b: { y: 2, z: 2 },
      c: { x: 3, y: 1, z: 2 },
    });
  });

  it('replaces aliases, inside merged mappings too', () => {
    expect(resolved('build: &build {context: ., dockerfile: D}\nbase: &base {build: *build}\nweb:\n  <<: *base\n  command: x\n')).toMatchObject({
      web: { build: { context: '.', dockerfile: 'D' }, command: 'x' },
    });
  });

  it('leaves a mapping that merges itself as it is, instead of looping', () => {
    const doc = parseDocument('a: &a\n  x: 1\n  b: *a\n');
    resolveYamlAliases(doc);
    expect(doc.errors).toEqual([]);
  });
});
