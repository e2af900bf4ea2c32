import { afterAll, describe, expect, it } from 'vitest';
import { extractImports } from '../../src/python/extract-imports.js';
import { computedImport } from '../../src/rules/DG014-computed-import.js';
import { withEvidence } from '../../src/run-rules.js';
import { analyzeInline, removeInlineRepos } from '../deps/analyze-inline-repo.js';

afterAll(removeInlineRepos);
const files = { Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\n' };

const LOADER = `import os
from importlib import import_module

backend = import_module(os.environ["CACHE_BACKEND"])
plugin = __import__("plugins." + os.environ.get("PLUGIN", "default"))
settings = import_module("app.settings")
`;

describe('DG014 computed-import', () => {
  it('names each import whose module is computed at run time, as an assumed warning', async () => {
    const analysis = await analyzeInline({ files, modules: { 'app/loader.py': extractImports(LOADER) } });
    const findings = computedImport.check(analysis).map(withEvidence);
    expect(findings.map((f) => [f.file, f.line, f.severity, f.evidence])).toEqual([
      ['app/loader.py', 4, 'warning', 'assumed'],
      ['app/loader.py', 5, 'warning', 'assumed'],
    ]);
    expect(findings[0]!.assumption).toBe('the module name is only known at run time');
  });

  it('does not catch imports by literal name', async () => {
    const source = 'from importlib import import_module\nsettings = import_module("app.settings")\nimport json\n';
    const analysis = await analyzeInline({ files, modules: { 'app/loader.py': extractImports(source) } });
    expect(computedImport.check(analysis)).toEqual([]);
  });
});
