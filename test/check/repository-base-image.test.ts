import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('a base image built by another Dockerfile of the repository (fixture repository-base-image)', () => {
  it("is modelled as that Dockerfile's final stage: its venv, PATH and WORKDIR count, and a package it lacks is still proven missing", async () => {
    const result = await check({ cwd: makeFixtureRepo('repository-base-image') });
    const summary = result.findings.map((f) => ({ code: f.code, severity: f.severity, file: f.file, line: f.line, evidence: f.evidence, ...(f.module ? { module: f.module } : {}) }));
    // compose tags images/python-base's build acme/python-base:latest; services/orders is FROM that tag.
    expect(summary).toEqual([
      { code: 'DG008', severity: 'warning', file: 'images/python-base/Dockerfile', line: 0, evidence: 'proven' },
      { code: 'DG101', severity: 'error', file: 'services/orders/orders/wsgi.py', line: 2, evidence: 'proven', module: 'redis' },
    ]);
  });
});
