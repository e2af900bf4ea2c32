import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe("modules a project's build backend writes (fixture build-written-version)", () => {
  it("finds the version files of setuptools-scm, hatch-vcs and pdm-backend in an image that installs the project, and only there", async () => {
    const result = await check({ cwd: makeFixtureRepo('build-written-version') });
    // ledger: `pip install .` writes src/ledger/_version.py (setuptools-scm), imported from site-packages by the console script.
    // reports: `pip install -e .` writes reports/_version.py (hatch-vcs) into the source tree python -m runs from.
    // billing: pdm-backend writes billing/_version.py below src/ (its package folder), installed from a src layout.
    // exports: pdm-backend would write src/exports/_version.py, but nothing builds the project: the import fails.
    expect(result.findings.map((f) => [f.code, f.severity, f.file, f.line, f.module])).toEqual([
      ['DG001', 'error', 'services/exports/src/exports/__init__.py', 1, 'exports._version'],
    ]);
    expect(result.services.map((s) => s.status)).toEqual(['checked', 'checked', 'checked', 'checked']);
  });
});
