import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import type { CheckResult } from '../../src/result.js';
import { RULES } from '../../src/rules/index.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

/** Every rule selected: `transitive-only`, off by default, shows what the closure provides. */
async function checkFixture(name: string): Promise<CheckResult> {
  return check({ cwd: makeFixtureRepo(name), select: RULES.map((rule) => rule.name) });
}

function summary(result: CheckResult) {
  return result.findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    line: f.line,
    ...(f.module ? { module: f.module } : {}),
    ...(f.distribution ? { distribution: f.distribution } : {}),
  }));
}

describe('what installs pull in, and errors only on proof', () => {
  it('deps-transitive-closure: follows fastapi → starlette → anyio → idna; a known package nothing pulls in is an error', async () => {
    const result = await checkFixture('deps-transitive-closure');
    expect(summary(result)).toEqual([
      { code: 'DG107', severity: 'warning', line: 1, module: 'idna', distribution: 'idna' },
      { code: 'DG101', severity: 'error', line: 2, module: 'yaml', distribution: 'pyyaml' },
      { code: 'DG107', severity: 'warning', line: 4, module: 'google.api_core.exceptions', distribution: 'google-api-core' },
    ]);
    expect(result.findings[0]!.message).toContain('dependency of fastapi');
    expect(result.findings[1]!.evidence).toBe('proven');
  });

  it('deps-opaque-install: a loose install whose requirements are unknown makes a missing package a warning that names it', async () => {
    const result = await checkFixture('deps-opaque-install');
    expect(summary(result)).toEqual([
      { code: 'DG101', severity: 'warning', line: 1, module: 'redis', distribution: 'redis' },
      { code: 'DG101', severity: 'warning', line: 2, module: 'weaviate', distribution: 'weaviate-client' },
    ]);
    expect(result.findings[0]!.evidence).toBe('assumed');
    expect(result.findings[0]!.assumption).toContain('the requirements of acme-reporting-toolkit are unknown');
  });

  it('deps-guessed-import-name: a loose match is no finding; an unmatched guess is an error when every installed distribution is known, a warning otherwise', async () => {
    const result = await checkFixture('deps-guessed-import-name');
    expect(result.findings.map((f) => [f.service, f.code, f.severity, f.module])).toEqual([
      ['services/batch/Dockerfile', 'DG101', 'warning', 'vectorkit_internal'],
      ['services/search-api/Dockerfile', 'DG101', 'error', 'vectorkit_internal'],
    ]);
    // search-api installs only distributions whose modules dockguard knows: none ships vectorkit_internal.
    expect(result.findings[1]!.evidence).toBe('proven');
    // batch also installs acme-vectors, which dockguard knows nothing about: it may be what provides the module.
    expect(result.findings[0]!.assumption).toContain(
      "the distribution vectorkit-internal is only guessed from the import's name, and the modules of acme-vectors are unknown to dockguard: one of them may provide vectorkit_internal",
    );
  });

  it("deps-lock-knowledge: a pip-compile lock's `# via` edges describe a distribution for every image, and its unsafe footer is installed", async () => {
    const result = await checkFixture('deps-lock-knowledge');
    expect(summary(result)).toEqual([
      { code: 'DG101', severity: 'error', line: 1, module: 'structlog', distribution: 'structlog' },
      { code: 'DG107', severity: 'warning', line: 3, module: 'google.protobuf', distribution: 'protobuf' },
      { code: 'DG107', severity: 'warning', line: 1, module: 'pkg_resources', distribution: 'setuptools' },
    ]);
    expect(result.findings[1]!.message).toContain('dependency of acme-ledger-sdk');
  });

  it('deps-extra-submodule: importing sqlalchemy.ext.asyncio from a lock without greenlet is an error whose fix is sqlalchemy[asyncio]', async () => {
    const result = await checkFixture('deps-extra-submodule');
    expect(summary(result)).toEqual([{ code: 'DG102', severity: 'error', line: 4, distribution: 'greenlet' }]);
    expect(result.findings[0]!.fix).toMatchObject({ file: 'services/orders-async/requirements.txt', text: 'sqlalchemy[asyncio]' });
  });
});
