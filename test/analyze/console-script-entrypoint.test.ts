import { afterAll, describe, expect, it } from 'vitest';
import { readEntryPoint, readSetupCfgScripts } from '../../src/launch/console-scripts.js';
import { check } from '../../src/pipeline.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('a console script of the image’s own project is a real entrypoint', () => {
  it('starts at orders.cli from [project.scripts] when the entry script execs orders-worker, with the installed package importable', async () => {
    const result = await check({ cwd: makeFixtureRepo('console-script-entrypoint') });
    expect(result.services[0]).toMatchObject({
      entrypoints: ['orders.cli'],
      launch: 'ENTRYPOINT ["/entrypoint.sh"] + CMD ["--queue", "orders"] (Dockerfile lines 11 and 12)',
    });
    expect(result.findings.map((f) => [f.code, f.severity, f.evidence, f.file, f.line, f.module])).toEqual([
      ['DG101', 'error', 'proven', 'orders/cli.py', 3, 'structlog'],
    ]);
    expect(result.findings[0]!.chain).toEqual([
      { file: 'Dockerfile', line: 11, module: 'orders.cli' },
      { file: 'orders/cli.py', line: 3, module: 'structlog' },
    ]);
    expect(result.stats.filesAnalysed).toBe(3);
  });
});

describe('console script declarations', () => {
  it('reads module:attr, with or without extras', () => {
    expect(readEntryPoint('pypiserver.__main__:main')).toEqual({ module: 'pypiserver.__main__', attr: 'main' });
    expect(readEntryPoint(' tool.cli:app.run [color] ')).toEqual({ module: 'tool.cli', attr: 'app.run' });
    expect(readEntryPoint('not an entry point')).toBeUndefined();
  });

  it('reads console_scripts of setup.cfg, inline or continued on indented lines', () => {
    const text = [
      '[metadata]',
      'name = radish',
      '',
      '[options.entry_points]',
      'console_scripts =',
      '    radish = radish.main:run',
      '    radish-admin = radish.admin:cli  # maintenance',
      'gui_scripts =',
      '    radish-gui = radish.gui:main',
      '',
      '[flake8]',
      'max-line-length = 100',
    ].join('\n');
    expect(readSetupCfgScripts(text)).toEqual([
      ['radish', 'radish.main:run'],
      ['radish-admin', 'radish.admin:cli'],
    ]);
  });
});
