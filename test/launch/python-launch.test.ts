import { describe, expect, it } from 'vitest';
import { exec, launch, shell } from './make-image.js';

describe('python launcher', () => {
  it('python x.py: script root, sys.path[0] is the script directory (not the cwd)', () => {
    const plan = launch({ cmd: exec(9, 'python', '-u', '-B', 'src/main.py', '--port', '80') });
    expect(plan.roots).toEqual([{ kind: 'script', path: '/app/src/main.py', why: 'python script' }]);
    expect(plan.sysPath).toEqual(['/app/src']);
    expect(plan.program).toBe('python');
    expect(plan.fallback).toBe(false);
    expect(plan.description).toBe('CMD ["python", "-u", "-B", "src/main.py", "--port", "80"] (svc/Dockerfile line 9)');
  });

  it('python -m pkg.mod: module root, cwd on sys.path; -W values are skipped', () => {
    const plan = launch({ cmd: exec(4, 'python3.12', '-W', 'ignore', '-m', 'billing.worker', '--once') });
    expect(plan.roots).toEqual([{ kind: 'module', module: 'billing.worker', why: 'python -m', runsAsMain: true }]);
    expect(plan.sysPath).toEqual(['/app']);
    expect(plan.program).toBe('python3.12');
  });

  it('python -c: imports of the one-liner become an inline root, cwd on sys.path', () => {
    const plan = launch({ cmd: exec(4, 'python', '-c', 'import app.jobs as j, os; from app.cli import main; main()') });
    expect(plan.roots).toEqual([{ kind: 'inline', imports: ['app.jobs', 'os', 'app.cli'], why: 'python -c' }]);
    expect(plan.sysPath).toEqual(['/app']);
  });

  it('-I, -P and PYTHONSAFEPATH put no sys.path[0]; -I and -E also ignore PYTHONPATH', () => {
    const env = { PYTHONPATH: '/libs' };
    expect(launch({ env, cmd: exec(1, 'python', '-I', 'main.py') }).sysPath).toEqual([]);
    expect(launch({ env, cmd: exec(1, 'python', '-P', '-m', 'svc') }).sysPath).toEqual(['/libs']);
    expect(launch({ env, cmd: exec(1, 'python', '-E', 'main.py') }).sysPath).toEqual(['/app']);
    expect(launch({ env: { ...env, PYTHONSAFEPATH: '1' }, cmd: exec(1, 'python', 'main.py') }).sysPath).toEqual(['/libs']);
  });

  it('PYTHONPATH entries follow sys.path[0]; an empty entry (/app:$PYTHONPATH) is the cwd; relative ones use the cwd', () => {
    const plan = launch({
      workdir: '/srv' as never,
      env: { PYTHONPATH: '/app:' },
      cmd: exec(1, 'python', 'bin/run.py'),
    });
    expect(plan.sysPath).toEqual(['/srv/bin', '/app', '/srv']);
    expect(launch({ env: { PYTHONPATH: 'lib:../shared' }, cmd: exec(1, 'python', '-m', 'x') }).sysPath).toEqual([
      '/app',
      '/app/lib',
      '/shared',
    ]);
  });

  it('unset PYTHONPATH adds nothing', () => {
    expect(launch({ cmd: exec(1, 'python', '/opt/svc/main.py') }).sysPath).toEqual(['/opt/svc']);
  });

  it('python manage.py (Django) is a script; DJANGO_SETTINGS_MODULE from ENV is a module root', () => {
    const plan = launch({
      env: { DJANGO_SETTINGS_MODULE: 'shop.settings.prod' },
      cmd: exec(12, 'python', 'manage.py', 'runserver', '0.0.0.0:8000'),
    });
    expect(plan.roots).toEqual([
      { kind: 'script', path: '/app/manage.py', why: 'python script' },
      { kind: 'module', module: 'shop.settings.prod', why: 'DJANGO_SETTINGS_MODULE' },
    ]);
    expect(plan.sysPath).toEqual(['/app']);
  });

  it('python <dir> runs its __main__.py with the directory as sys.path[0]', () => {
    const plan = launch({ files: { '/app/tool/__main__.py': '' }, cmd: exec(1, 'python', 'tool') });
    expect(plan.roots).toEqual([{ kind: 'script', path: '/app/tool/__main__.py', why: 'python directory' }]);
    expect(plan.sysPath).toEqual(['/app/tool']);
  });

  it('python -m gunicorn is gunicorn, with the cwd from -m after its entries', () => {
    const plan = launch({ cmd: shell(3, 'python -m gunicorn --chdir src api.wsgi:app') });
    expect(plan.roots).toEqual([{ kind: 'module', module: 'api.wsgi', why: 'gunicorn app module' }]);
    expect(plan.sysPath).toEqual(['/app/src', '/app']);
  });

  it('a missing script or an odd module name is still returned as a root', () => {
    expect(launch({ cmd: exec(1, 'python', 'nope.py') }).roots).toEqual([
      { kind: 'script', path: '/app/nope.py', why: 'python script' },
    ]);
    expect(launch({ cmd: exec(1, 'python', '-m', 'my-app') }).roots).toEqual([
      { kind: 'module', module: 'my-app', why: 'python -m', runsAsMain: true },
    ]);
  });
});
