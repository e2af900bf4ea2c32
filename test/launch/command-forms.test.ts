import { describe, expect, it } from 'vitest';
import { exec, launch, p, shell } from './make-image.js';

describe('effective command (ENTRYPOINT x CMD)', () => {
  it('exec ENTRYPOINT + exec CMD: CMD is appended', () => {
    const plan = launch({ entrypoint: exec(8, 'python', '-m'), cmd: exec(9, 'svc.main') });
    expect(plan.roots).toEqual([{ kind: 'module', module: 'svc.main', why: 'python -m', runsAsMain: true }]);
    expect(plan.description).toBe('ENTRYPOINT ["python", "-m"] + CMD ["svc.main"] (svc/Dockerfile lines 8 and 9)');
  });

  it('shell ENTRYPOINT ignores CMD', () => {
    const plan = launch({ entrypoint: shell(8, 'exec python run.py'), cmd: exec(9, 'python', 'other.py') });
    expect(plan.roots).toEqual([{ kind: 'script', path: '/app/run.py', why: 'python script' }]);
    expect(plan.description).toBe('ENTRYPOINT exec python run.py (svc/Dockerfile line 8)');
  });

  it('exec ENTRYPOINT + shell CMD: the CMD runs through /bin/sh -c', () => {
    const plan = launch({ entrypoint: exec(8, 'tini', '--'), cmd: shell(9, 'cd api && exec uvicorn main:app') });
    expect(plan.roots).toEqual([{ kind: 'module', module: 'main', why: 'uvicorn app module' }]);
    expect(plan.sysPath).toEqual(['/app/api']);
    expect(plan.programs).toEqual(['tini', 'sh', 'uvicorn']);
  });

  it('an override replaces CMD, not ENTRYPOINT (string = shell form, array = exec form)', () => {
    const base = { entrypoint: exec(8, 'ddtrace-run'), cmd: exec(9, 'gunicorn', 'old:app') };
    expect(launch(base, ['gunicorn', 'new:app']).roots).toEqual([{ kind: 'module', module: 'new', why: 'gunicorn app module' }]);
    const plan = launch(base, 'celery -A jobs worker');
    expect(plan.roots).toEqual([{ kind: 'module', module: 'jobs', why: 'celery app' }]);
    expect(plan.description).toBe('ENTRYPOINT ["ddtrace-run"] + configured command celery -A jobs worker (svc/Dockerfile line 8)');
  });

  it('uses SHELL for shell form', () => {
    const plan = launch({ shell: ['/bin/bash', '-o', 'pipefail', '-c'], cmd: shell(3, 'python app.py') });
    expect(plan.programs).toEqual(['bash', 'python']);
    expect(plan.roots).toHaveLength(1);
  });
});

describe('shell form', () => {
  it('exec X, VAR=v X and cd dir && X', () => {
    const plan = launch({ cmd: shell(4, 'cd /srv/api && PYTHONPATH=/srv/lib exec python -m api') });
    expect(plan.roots).toEqual([{ kind: 'module', module: 'api', why: 'python -m', runsAsMain: true }]);
    expect(plan.sysPath).toEqual(['/srv/api', '/srv/lib']);
  });

  it('every Python command of a chain is a root; the last one leads sys.path', () => {
    const plan = launch({ cmd: shell(4, 'python scripts/migrate.py && echo ok && exec gunicorn -b :80 app:app') });
    expect(plan.roots).toEqual([
      { kind: 'script', path: '/app/scripts/migrate.py', why: 'python script' },
      { kind: 'module', module: 'app', why: 'gunicorn app module' },
    ]);
    expect(plan.program).toBe('gunicorn');
    expect(plan.sysPath).toEqual(['/app', '/app/scripts']);
  });

  it("sh -c '…' and bash -lc in exec form", () => {
    expect(launch({ cmd: exec(4, 'sh', '-c', 'exec python main.py') }).roots).toEqual([
      { kind: 'script', path: '/app/main.py', why: 'python script' },
    ]);
    expect(launch({ cmd: exec(4, '/bin/bash', '-lc', 'cd src; python -m worker "$0"', 'x') }).sysPath).toEqual(['/app/src']);
  });

  it('expands image ENV in shell form', () => {
    const plan = launch({ env: { APP_MODULE: 'shop.asgi:app', APP_HOME: '/opt/shop' }, cmd: shell(4, 'cd $APP_HOME && uvicorn ${APP_MODULE}') });
    expect(plan.roots).toEqual([{ kind: 'module', module: 'shop.asgi', why: 'uvicorn app module' }]);
    expect(plan.sysPath).toEqual([p('/opt/shop')]);
  });
});

describe('wrappers', () => {
  const cases: Array<[string[], string[]]> = [
    [['opentelemetry-instrument', '--traces_exporter', 'otlp', '--service_name=api', 'gunicorn', 'a:app'], ['opentelemetry-instrument', 'gunicorn']],
    [['ddtrace-run', '--debug', 'gunicorn', 'a:app'], ['ddtrace-run', 'gunicorn']],
    [['dumb-init', '--rewrite', '15:2', '--', 'gunicorn', 'a:app'], ['dumb-init', 'gunicorn']],
    [['/sbin/tini', '--', 'gunicorn', 'a:app'], ['tini', 'gunicorn']],
    [['tini', '-g', '--', 'gunicorn', 'a:app'], ['tini', 'gunicorn']],
    [['gosu', 'app', 'gunicorn', 'a:app'], ['gosu', 'gunicorn']],
    [['su-exec', 'app:app', 'gunicorn', 'a:app'], ['su-exec', 'gunicorn']],
    [['uv', 'run', '--no-sync', '--frozen', 'gunicorn', 'a:app'], ['uv', 'gunicorn']],
    [['poetry', 'run', 'gunicorn', 'a:app'], ['poetry', 'gunicorn']],
    [['pipenv', 'run', 'gunicorn', 'a:app'], ['pipenv', 'gunicorn']],
    [['newrelic-admin', 'run-program', 'gunicorn', 'a:app'], ['newrelic-admin', 'gunicorn']],
    [['env', 'FOO=1', 'gunicorn', 'a:app'], ['env', 'gunicorn']],
    [['timeout', '-k', '10', '3600', 'gunicorn', 'a:app'], ['timeout', 'gunicorn']],
    [['stdbuf', '-oL', '-e', 'L', 'gunicorn', 'a:app'], ['stdbuf', 'gunicorn']],
    [['xvfb-run', '-a', '--server-args=-screen 0 1280x1024x24', 'gunicorn', 'a:app'], ['xvfb-run', 'gunicorn']],
    [['secrets-init', '--provider=google', 'gunicorn', 'a:app'], ['secrets-init', 'gunicorn']],
    [['dockerize', '-wait', 'tcp://db:5432', '-timeout', '60s', 'gunicorn', 'a:app'], ['dockerize', 'gunicorn']],
    [['chpst', '-u', 'app', 'gunicorn', 'a:app'], ['chpst', 'gunicorn']],
    // Not in the image and unknown, but given `--` and a command: exec wrappers by convention.
    [['doppler', 'run', '--', 'gunicorn', 'a:app'], ['doppler', 'gunicorn']],
    [['/wait-for-it.sh', 'db:5432', '-t', '30', '--', 'gunicorn', 'a:app'], ['wait-for-it.sh', 'gunicorn']],
  ];
  it.each(cases)('%j reaches gunicorn', (argv, programs) => {
    const plan = launch({ cmd: exec(2, ...argv) });
    expect(plan.roots).toEqual([{ kind: 'module', module: 'a', why: 'gunicorn app module' }]);
    expect(plan.programs).toEqual(programs);
    expect(plan.program).toBe('gunicorn');
  });

  it('an unknown program given `--` and then only options is no wrapper', () => {
    const plan = launch({ cmd: exec(2, 'my-server', 'serve', '--', '--port', '80') });
    expect(plan.roots).toEqual([]);
    expect(plan.programs).toEqual(['my-server']);
  });

  it('nested wrappers keep every program; env VAR=x reaches the launched Python', () => {
    const plan = launch({ cmd: exec(2, 'tini', '--', 'env', 'PYTHONPATH=/x', 'opentelemetry-instrument', 'python', 'm.py') });
    expect(plan.programs).toEqual(['tini', 'env', 'opentelemetry-instrument', 'python']);
    expect(plan.sysPath).toEqual(['/app', '/x']);
  });

  it('uv run -m / uv run x.py / --directory', () => {
    expect(launch({ cmd: exec(2, 'uv', 'run', '--no-sync', '-m', 'svc.main') }).roots).toEqual([
      { kind: 'module', module: 'svc.main', why: 'python -m', runsAsMain: true },
    ]);
    const plan = launch({ cmd: exec(2, 'uv', 'run', '--directory', 'services/api', 'main.py') });
    expect(plan.roots).toEqual([{ kind: 'script', path: '/app/services/api/main.py', why: 'python script' }]);
  });
});

describe('HEALTHCHECK', () => {
  it('python -c in HEALTHCHECK adds an inline root next to the CMD roots', () => {
    const plan = launch({
      cmd: exec(5, 'gunicorn', 'app:app'),
      healthcheck: shell(6, 'python -c "import health.probe; health.probe.run()" || exit 1'),
    });
    expect(plan.roots).toEqual([
      { kind: 'module', module: 'app', why: 'gunicorn app module' },
      { kind: 'inline', imports: ['health.probe'], why: 'python -c' },
    ]);
  });

  it('a non-Python HEALTHCHECK adds nothing and raises nothing', () => {
    const plan = launch({ cmd: exec(5, 'gunicorn', 'app:app'), healthcheck: exec(6, 'CMD', 'curl', '-f', 'http://localhost/') });
    expect(plan.roots).toHaveLength(1);
    expect(plan.problems).toEqual([]);
  });
});
