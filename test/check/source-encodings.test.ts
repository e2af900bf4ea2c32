import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('PEP 263 source encodings', () => {
  it('follows the imports of cp1251, euc-jp and iso8859_15 modules, and only warns about a codec it cannot decode', async () => {
    const result = await check({ cwd: makeFixtureRepo('source-encodings') });
    expect(result.findings.map((f) => [f.code, f.severity, f.file, f.line, f.module])).toEqual([
      // Found by reading the cp1251 module.
      ['DG001', 'error', 'billing/app/greetings_ru.py', 3, 'texts.catalog'],
      ['DG007', 'warning', 'billing/app/receipt_dos.py', 0, undefined],
    ]);
    expect(result.findings[1]!.assumption).toContain('cp437 codec');
  });

  it('warns about a generated module too large to analyse instead of failing the service', async () => {
    const repo = makeFixtureRepo('source-encodings');
    const rows = Array.from({ length: 60_000 }, (_, i) => `    ${i}: "row-${i}-${'x'.repeat(40)}",`).join('\n');
    writeFileSync(path.join(repo, 'billing', 'app', 'labels_jp.py'), `TABLE = {\n${rows}\n}\n`);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'generated table');
    const result = await check({ cwd: repo });
    const unreadable = result.findings.find((f) => f.file === 'billing/app/labels_jp.py');
    expect(unreadable).toMatchObject({ code: 'DG007', severity: 'warning' });
    expect(unreadable!.message).toMatch(/too large to analyse \(\d\.\d MiB\)/);
  });
});
