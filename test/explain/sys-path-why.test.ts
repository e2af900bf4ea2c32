import { describe, expect, it } from 'vitest';
import { describeSysPath } from '../../src/analyze/sys-path-entries.js';
import { asImagePath, asRepoPath } from '../../src/types.js';
import { exec, launch, makeImage, shell } from '../launch/make-image.js';

describe('why each sys.path entry is there', () => {
  it('names the script folder, the working directory, a server option and the PYTHONPATH ENV line', () => {
    const env = { PYTHONPATH: '/opt/lib' };
    const script = launch({ files: { '/app/bin/run.py': '' }, env, cmd: exec(9, 'python', 'bin/run.py') });
    expect(script.sysPathWhy).toEqual({ '/app/bin': 'folder of the script /app/bin/run.py, which python runs', '/opt/lib': 'PYTHONPATH' });
    expect(launch({ cmd: shell(4, 'python -m shop.worker') }).sysPathWhy).toEqual({ '/app': 'the working directory python starts in' });
    expect(launch({ cmd: exec(3, 'gunicorn', '--pythonpath', '/libs', 'app:app') }).sysPathWhy).toEqual({ '/libs': 'put first by gunicorn', '/app': 'the working directory gunicorn starts in' });

    const image = makeImage({ env, envLines: { PYTHONPATH: 6 } });
    const entries = describeSysPath({
      sysPath: [asImagePath('/srv/plugins'), asImagePath('/app/bin'), asImagePath('/opt/lib')],
      image,
      launch: script,
      projects: [],
      changes: { inserted: [asImagePath('/srv/plugins')], appended: [], unevaluable: [], sources: [{ entry: asImagePath('/srv/plugins'), op: 'insert', file: asRepoPath('bin/run.py'), line: 3 }] },
    });
    expect(entries).toEqual([
      { path: '/srv/plugins', why: 'sys.path.insert', file: 'bin/run.py', line: 3 },
      { path: '/app/bin', why: 'folder of the script /app/bin/run.py, which python runs' },
      { path: '/opt/lib', why: 'PYTHONPATH', file: 'svc/Dockerfile', line: 6 },
    ]);
  });
});
