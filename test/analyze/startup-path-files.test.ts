import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { findStartupPathFiles } from '../../src/analyze/startup-path-files.js';
import { findUnseenPathSources } from '../../src/analyze/unseen-path-sources.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';
import { model } from '../dockerfile/model-helpers.js';

afterAll(removeFixtureRepos);

describe('.pth files and sitecustomize.py the build copies into site-packages (fixture site-packages-startup-files)', () => {
  it('puts the folders they name on sys.path, so only the module the image really lacks fails', async () => {
    const result = await check({ cwd: makeFixtureRepo('site-packages-startup-files') });
    expect(result.services.map((s) => [s.status, s.entrypoints])).toEqual([['checked', ['app']]]);
    // /app/src and /app/lib come from paths.pth (one absolute line, one relative to site-packages), /app/plugins from sitecustomize.py.
    expect(result.findings.map((f) => [f.code, f.severity, f.file, f.line, f.module])).toEqual([['DG101', 'error', 'src/app/__main__.py', 6, 'reporting']]);
  });
});

describe('findStartupPathFiles', () => {
  const image = model(
    'FROM python:3.12-slim\nCOPY site/extra.pth /opt/venv/lib/python3.12/site-packages/\nCOPY site/usercustomize.py /usr/lib/python3/dist-packages/usercustomize.py\nCOPY site/other.pth /app/other.pth\n',
    ['site/extra.pth', 'site/usercustomize.py', 'site/other.pth'],
  );

  it('reads folder lines, skips comments and blanks, counts an import line as a change it cannot see, and runs usercustomize at startup', async () => {
    const found = await findStartupPathFiles(image, 'Dockerfile', async () => '# extra\n\nvendor\n/srv/lib\r\nimport _virtualenv\n');
    expect(found.entries).toEqual([
      { entry: '/opt/venv/lib/python3.12/site-packages/vendor', file: 'site/extra.pth', line: 3 },
      { entry: '/srv/lib', file: 'site/extra.pth', line: 4 },
    ]);
    expect(found.unseen).toEqual([{ file: 'site/extra.pth', line: 5, why: 'is a .pth line Python executes at startup, which may change sys.path' }]);
    expect(found.roots).toEqual([{ imagePath: '/usr/lib/python3/dist-packages/usercustomize.py', file: 'Dockerfile', line: 3 }]);
    // A .pth outside site-packages is never read by site.py.
    expect(found.read).toEqual(['site/extra.pth']);
  });
});

describe('findUnseenPathSources', () => {
  it('counts a RUN that writes a .pth file from Python as a sys.path change it cannot see', () => {
    const image = model(`FROM python:3.12-slim\nRUN python -c "import site, pathlib; pathlib.Path(site.getsitepackages()[0], 'app.pth').write_text('/app/src')"\nRUN python -c "print('x.pth')"\n`);
    expect(findUnseenPathSources(image, {})).toEqual([{ file: 'Dockerfile', line: 2, why: 'writes a .pth file, whose folders Python puts on sys.path' }]);
  });
});
