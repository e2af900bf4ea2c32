import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { extractImports } from '../../src/python/extract-imports.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';
import { evaluatePath } from '../../src/analyze/evaluate-path.js';
import { asImagePath } from '../../src/types.js';

afterAll(removeFixtureRepos);

describe('sys.path changes, evaluated where the module lies in the image', () => {
  it('resolves imports through the folders executed modules put on sys.path, anywhere in the process', async () => {
    const result = await check({ cwd: makeFixtureRepo('sys-path-changes') });
    expect(result.findings.map((f) => [f.code, f.severity, f.file, f.line, f.module])).toEqual([
      ['DG101', 'warning', 'services/ingest/ingest/plugins.py', 8, 'geoip_plugin'],
      ['DG101', 'error', 'services/ingest/ingest/plugins.py', 9, 'langdetect_plugin'],
      ['DG101', 'error', 'services/ingest/ingest/store.py', 5, 'boto3'],
    ]);
    expect(result.findings[0]!.assumption).toBe(
      'services/ingest/ingest/plugins.py:4 changes sys.path in a way dockguard cannot evaluate, and the image has a geoip_plugin it may make importable',
    );
    expect(result.stats.filesAnalysed).toBe(7);
  });
});

describe('reading and evaluating sys.path changes', () => {
  const changesOf = (lines: string[]) => extractImports(`${lines.join('\n')}\n`).pathChanges;
  const file = asImagePath('/srv/app/bin/run.py');
  const cwd = asImagePath('/srv/app');

  it('follows dirname, abspath, Path parents, join, / and module-level names', () => {
    const changes = changesOf([
      'import os, sys',
      'from pathlib import Path',
      'HERE = os.path.dirname(os.path.realpath(__file__))',
      'ROOT = Path(__file__).resolve().parents[2]',
      'sys.path.insert(0, HERE)',
      'sys.path.insert(0, str(ROOT / "libs"))',
      'sys.path.append(os.path.join(os.path.dirname(__file__), "..", "vendor"))',
      'sys.path.append("plugins")',
      'sys.path.insert(0, os.path.dirname(__file__) + "/../lib")',
      'sys.path.insert(0, Path(__file__).parent.parent)',
      'sys.path.insert(-1, os.getcwd())',
      'entries.append(HERE)',
    ]);
    expect(changes!.map((c) => [c.line, c.op, c.expr && evaluatePath(c.expr, file, cwd)])).toEqual([
      [5, 'insert', '/srv/app/bin'],
      [6, 'insert', '/srv/libs'],
      [7, 'append', '/srv/app/vendor'],
      [8, 'append', '/srv/app/plugins'],
      [9, 'insert', '/srv/app/lib'],
      [10, 'insert', '/srv/app'],
      [11, 'append', '/srv/app'],
    ]);
  });

  it('reads sys.path.extend of a literal list, and site.addsitedir, as appends', () => {
    const changes = changesOf([
      'import os, site, sys',
      'from site import addsitedir',
      'HERE = os.path.dirname(os.path.abspath(__file__))',
      'sys.path.extend([os.path.join(HERE, "..", "lib"), "plugins"])',
      'site.addsitedir(os.path.join(HERE, "vendor"))',
      'addsitedir("/opt/shared")',
      'sys.path.extend(find_extra_paths())',
      'names.extend(["x"])',
      'mysite.addsitedir("y")',
    ]);
    expect(changes!.map((c) => [c.line, c.op, c.expr && evaluatePath(c.expr, file, cwd)])).toEqual([
      [4, 'append', '/srv/app/lib'],
      [4, 'append', '/srv/app/plugins'],
      [5, 'append', '/srv/app/bin/vendor'],
      [6, 'append', '/opt/shared'],
      [7, 'append', null],
    ]);
  });

  it('reads assignments to sys.path: front slices and item 0 insert, concatenation around the old list inserts and appends', () => {
    const changes = changesOf([
      'import os, sys',
      'from pathlib import Path',
      'sys.path[0:0] = [str(Path(__file__).resolve().parents[1]), "/opt/lib"]',
      'sys.path[:0] = ["/srv"]',
      'sys.path[0] = os.path.dirname(__file__)',
      'sys.path = [os.path.dirname(os.path.dirname(os.path.abspath(__file__)))] + sys.path + ["plugins"]',
      'sys.path = [*sys.path, "/opt/extra"]',
      'sys.path += ["vendor"]',
      'if sys.path == ["x"]:',
      '    pass',
      'old_sys_path = sys.path',
      '# sys.path = ["/nowhere"]',
    ]);
    expect(changes!.map((c) => [c.line, c.op, c.expr && evaluatePath(c.expr, file, cwd)])).toEqual([
      [3, 'insert', '/srv/app'],
      [3, 'insert', '/opt/lib'],
      [4, 'insert', '/srv'],
      [5, 'insert', '/srv/app/bin'],
      [6, 'insert', '/srv/app'],
      [6, 'append', '/srv/app/plugins'],
      [7, 'append', '/opt/extra'],
      [8, 'append', '/srv/app/vendor'],
    ]);
  });

  it('keeps an assignment to sys.path it cannot read as a change without a path: a replacement, another slice, a computed list', () => {
    expect(changesOf(['import sys', 'sys.path = ["/app"]', 'sys.path[1:3] = ["/lib"]', 'sys.path = build_path() + sys.path', 'sys.path[0:0] = extra'])).toEqual([
      { line: 2, op: 'insert', expr: null },
      { line: 3, op: 'insert', expr: null },
      { line: 4, op: 'insert', expr: null },
      { line: 5, op: 'insert', expr: null },
    ]);
  });

  it('keeps a path it cannot evaluate as a change without a path', () => {
    expect(changesOf(['import os, sys', 'sys.path.insert(0, os.environ["PLUGINS"])', 'sys.path.append(find_root())'])).toEqual([
      { line: 2, op: 'insert', expr: null },
      { line: 3, op: 'append', expr: null },
    ]);
    expect(changesOf(['import sys', 'paths.append("x")', 'my.sys.path.append("y")'])).toBeUndefined();
  });
});
