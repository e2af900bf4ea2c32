import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('untracked-build-inputs: sources that exist only when the image is built', () => {
  it('infers the context through a gitignored folder and checks imports under unseen content as warnings', async () => {
    const result = await check({ cwd: makeFixtureRepo('untracked-build-inputs') });
    expect(result.findings.map((f) => ({ rule: f.rule, severity: f.severity, evidence: f.evidence, service: f.service, file: f.file, line: f.line, module: f.module }))).toEqual([
      { rule: 'unmodelled-source', severity: 'warning', evidence: 'proven', service: 'services/api/Dockerfile', file: 'services/api/Dockerfile', line: 7, module: undefined },
      { rule: 'missing-copy', severity: 'warning', evidence: 'assumed', service: 'services/api/Dockerfile', file: 'services/api/app/main.py', line: 5, module: 'libs.auth' },
      { rule: 'missing-copy', severity: 'warning', evidence: 'assumed', service: 'services/api/Dockerfile', file: 'services/api/app/settings.py', line: 7, module: 'app.local_settings' },
      { rule: 'unmodelled-source', severity: 'warning', evidence: 'proven', service: 'services/ranker/Dockerfile', file: 'services/ranker/Dockerfile', line: 5, module: undefined },
      { rule: 'missing-copy', severity: 'warning', evidence: 'assumed', service: 'services/ranker/Dockerfile', file: 'services/ranker/ranker/__main__.py', line: 5, module: 'models.vocab' },
    ]);
    expect(result.findings.map((f) => f.assumption ?? f.message)).toEqual([
      'COPY source "libs" is not in the repository but exists when the image is built (made by ops/api.cloudbuild.yaml:5 before the build); what it puts in the image cannot be seen',
      'the image may hold it after all: /app/libs comes from COPY libs (made by ops/api.cloudbuild.yaml:5 before the build), which may hold it',
      // Under an os.path.exists() condition, the guard policy's own assumption names it first (either makes it a warning).
      'the import runs only when a condition decided at run time holds (a file exists, a setting is on), so a module that exists nowhere is taken to be an optional local file (like local_settings.py)',
      'COPY source "models" is not in the repository but exists when the image is built (gitignored by .gitignore line 4, so made or fetched before the build); what it puts in the image cannot be seen',
      'the image may hold it after all: /srv/models comes from COPY models (gitignored by .gitignore line 4, so made or fetched before the build), which may hold it',
    ]);
    expect(result.services.map((s) => [s.dockerfile, s.context, s.contextSource])).toEqual([
      ['services/api/Dockerfile', 'services/api', 'script'],
      ['services/ranker/Dockerfile', 'services/ranker', 'inferred'],
    ]);
  });
});
