import { describe, expect, it } from 'vitest';
import { exec, launch, shell } from './make-image.js';

const ENTRY = `#!/bin/sh
set -e
# wait for the database, then migrate
python -c "import app.db; app.db.wait()"
exec gunicorn --chdir /app/src -c /app/gunicorn.conf.py "app.wsgi:application"
`;

describe('entry scripts', () => {
  it('follows ./entrypoint.sh to its python and exec gunicorn lines', () => {
    const plan = launch({ files: { '/app/entrypoint.sh': ENTRY }, entrypoint: exec(20, './entrypoint.sh') });
    expect(plan.roots).toEqual([
      { kind: 'inline', imports: ['app.db'], why: 'python -c' },
      { kind: 'module', module: 'app.wsgi', why: 'gunicorn app module' },
      { kind: 'script', path: '/app/gunicorn.conf.py', why: 'gunicorn config' },
    ]);
    expect(plan.program).toBe('gunicorn');
    expect(plan.programs).toEqual(['entrypoint.sh', 'python', 'gunicorn']);
    expect(plan.sysPath).toEqual(['/app/src', '/app']);
  });

  it('exec "$@" continues with the CMD arguments', () => {
    const script = '#!/bin/bash\nset -euo pipefail\nexport PYTHONPATH=/app/libs\nexec "$@"\n';
    const plan = launch({
      files: { '/usr/local/bin/docker-entrypoint.sh': script },
      entrypoint: exec(20, 'docker-entrypoint.sh'),
      cmd: exec(21, 'uvicorn', 'api.main:app', '--port', '80'),
    });
    expect(plan.roots).toEqual([{ kind: 'module', module: 'api.main', why: 'uvicorn app module' }]);
    expect(plan.sysPath).toEqual(['/app', '/app/libs']);
    expect(plan.programs).toEqual(['docker-entrypoint.sh', 'uvicorn']);
  });

  it('set -- gunicorn "$@" when the first argument is an option', () => {
    const script = 'if [ "${1#-}" != "$1" ]; then\n  set -- gunicorn "$@"\nfi\nexec "$@"\n';
    const plan = launch({ files: { '/docker-entrypoint.sh': script }, entrypoint: exec(3, '/docker-entrypoint.sh'), cmd: exec(4, '--bind', ':80', 'svc:app') });
    expect(plan.roots).toEqual([{ kind: 'module', module: 'svc', why: 'gunicorn app module' }]);
  });

  it('CMD ["sh", "start.sh"] reads the script relative to WORKDIR', () => {
    const plan = launch({ workdir: '/srv' as never, files: { '/srv/bin/start.sh': 'cd /srv/app\nexec python -m worker\n' }, cmd: exec(4, 'sh', 'bin/start.sh') });
    expect(plan.roots).toEqual([{ kind: 'module', module: 'worker', why: 'python -m', runsAsMain: true }]);
    expect(plan.sysPath).toEqual(['/srv/app']);
  });

  it('an executable Python script with a shebang runs as python <script>', () => {
    const plan = launch({ files: { '/app/bin/serve': '#!/usr/bin/env python3\nimport app\n' }, cmd: exec(4, '/app/bin/serve') });
    expect(plan.roots).toEqual([{ kind: 'script', path: '/app/bin/serve', why: 'python script' }]);
    expect(plan.sysPath).toEqual(['/app/bin']);
  });

  it('both branches of an if in the script are roots', () => {
    const script = 'if [ "$ROLE" = worker ]; then exec celery -A jobs worker; else exec gunicorn web:app; fi';
    const plan = launch({ files: { '/app/run.sh': script }, cmd: shell(4, './run.sh') });
    expect(plan.roots.map((r) => (r.kind === 'module' ? r.module : r.kind))).toEqual(['jobs', 'web']);
  });
});

describe('paths the shell works out at run time', () => {
  it('$(pwd), $PWD and the script folder ($(dirname "$0"), $(cd "$(dirname "$0")" && pwd)) are the directories they name', () => {
    const script = [
      '#!/bin/sh',
      'set -e',
      'SCRIPT_DIR="$(cd "$(dirname "$0")" && pwd)"',
      'cd -- "$SCRIPT_DIR/.."',
      'export PYTHONPATH="${PYTHONPATH:-}:$(pwd)/src"',
      'exec python -m app',
      '',
    ].join('\n');
    const plan = launch({ files: { '/srv/bin/start.sh': script }, cmd: exec(9, '/srv/bin/start.sh') });
    expect(plan.roots).toEqual([{ kind: 'module', module: 'app', why: 'python -m', runsAsMain: true }]);
    expect(plan.sysPath).toEqual(['/srv', '/srv/src']);
    const inline = launch({ cmd: shell(9, 'PYTHONPATH=$PWD/src python -m app') });
    expect(inline.sysPath).toEqual(['/app', '/app/src']);
    const pushd = launch({ files: { '/app/run.sh': '#!/bin/sh\npushd src\nexec python main.py\n' }, cmd: exec(9, '/app/run.sh') });
    expect(pushd.roots).toEqual([{ kind: 'script', path: '/app/src/main.py', why: 'python script' }]);
  });
});

describe('fallback: nothing Python could be derived', () => {
  const problemOf = (plan: ReturnType<typeof launch>) => {
    expect(plan.fallback).toBe(true);
    expect(plan.roots).toEqual([]);
    expect(plan.problems).toHaveLength(1);
    const [problem] = plan.problems;
    expect(problem).toMatchObject({ rule: 'entrypoint-unknown', severity: 'warning', file: 'svc/Dockerfile' });
    return problem!;
  };

  it('no CMD or ENTRYPOINT', () => {
    const problem = problemOf(launch({}));
    expect(problem.line).toBe(0);
    expect(problem.message).toBe(
      "svc/Dockerfile has no CMD or ENTRYPOINT and no entrypoint is configured, so the Python the container runs is unknown; checking all of the service's Python files instead",
    );
  });

  it('CMD ["python3"] starts a REPL', () => {
    const problem = problemOf(launch({ cmd: exec(7, 'python3') }));
    expect(problem.line).toBe(7);
    expect(problem.message).toContain('from CMD ["python3"] (svc/Dockerfile line 7): it starts an interactive Python shell');
  });

  it('an unknown binary', () => {
    const plan = launch({ cmd: shell(7, 'nginx -g "daemon off;"') });
    expect(problemOf(plan).message).toContain('`nginx` is not a Python launcher dockguard knows');
    expect(plan.program).toBe('nginx');
  });

  it('an entry script that is not in the image, or cannot be read', () => {
    expect(problemOf(launch({ entrypoint: exec(3, './entrypoint.sh') })).message).toContain(
      'the entry script ./entrypoint.sh is not in the image',
    );
    expect(problemOf(launch({ files: { '/app/entrypoint.sh': undefined }, entrypoint: exec(3, './entrypoint.sh') })).message).toContain(
      'the entry script /app/entrypoint.sh could not be read',
    );
  });

  it('exec "$@" without CMD arguments blames the exec line, not earlier commands', () => {
    const plan = launch({ files: { '/app/e.sh': 'echo starting\nexec "$@"\n' }, entrypoint: exec(3, '/app/e.sh') });
    expect(problemOf(plan).message).toContain('`exec` has nothing to run');
  });

  it('a wrapper used without its command', () => {
    expect(problemOf(launch({ cmd: exec(3, 'poetry', 'install') })).message).toContain('`poetry` is not followed by `run <command>`');
  });

  it('gunicorn without an app module', () => {
    expect(problemOf(launch({ cmd: exec(3, 'gunicorn', '-c', 'gunicorn.conf.py') })).message).toContain('gunicorn is given no app module');
  });

  it('scripts that call themselves stop instead of looping', () => {
    const plan = launch({ files: { '/app/loop.sh': 'exec /app/loop.sh' }, cmd: exec(3, '/app/loop.sh') });
    expect(problemOf(plan).message).toContain('too deeply');
  });

  it('follows only the branch the CMD arguments decide, and stops at an unconditional exec', () => {
    const script = [
      '#!/bin/sh',
      'set -e',
      'if [ "$1" = "serve" ]; then exec uvicorn app.main:app',
      'elif [ "$1" = "debug" ]; then exec python -m debugpy -m uvicorn app.main:app; fi',
      'case "$1" in',
      '  beat) exec celery -A app.tasks beat ;;',
      '  *) exec "$@" ;;',
      'esac',
    ].join('\n');
    const image = { files: { '/usr/local/bin/entry.sh': script }, entrypoint: exec(7, 'entry.sh') };
    expect(launch({ ...image, cmd: exec(8, 'serve') }).roots).toEqual([{ kind: 'module', module: 'app.main', why: 'uvicorn app module' }]);
    expect(launch({ ...image, cmd: exec(8, 'beat') }).roots).toEqual([{ kind: 'module', module: 'app.tasks', why: 'celery app' }]);
    expect(launch({ ...image, cmd: exec(8, 'python', 'job.py') }).roots).toEqual([{ kind: 'script', path: '/app/job.py', why: 'python script' }]);
  });

  it('the image ENV decides a test on a variable; an unset one leaves both branches, the taken-only-if one assumed', () => {
    const script = 'if [ "$APP_ENV" = "development" ]; then exec python -m app.dev; else exec gunicorn app.wsgi:app; fi';
    const production = launch({ files: { '/app/start.sh': script }, env: { APP_ENV: 'production' }, cmd: exec(4, './start.sh') });
    expect(production.roots).toEqual([{ kind: 'module', module: 'app.wsgi', why: 'gunicorn app module' }]);
    const unset = launch({ files: { '/app/start.sh': script }, cmd: exec(4, './start.sh') });
    expect(unset.roots).toEqual([
      { kind: 'module', module: 'app.dev', why: 'python -m', runsAsMain: true, assumption: 'runs only when [ "$APP_ENV" = "development" ] holds' },
      { kind: 'module', module: 'app.wsgi', why: 'gunicorn app module', assumption: 'runs only when [ "$APP_ENV" = "development" ] does not hold' },
    ]);
    expect(unset.programAssumptions).toEqual({
      'start.sh': 'runs only when [ "$APP_ENV" = "development" ] holds',
      python: 'runs only when [ "$APP_ENV" = "development" ] holds',
      gunicorn: 'runs only when [ "$APP_ENV" = "development" ] does not hold',
    });
  });

  it('a ${DEBUG:-} default does not decide a test: the deployment may set DEBUG', () => {
    const plan = launch({ files: { '/app/run.sh': '#!/bin/bash\nset -eu\nif [ -n "${DEBUG:-}" ]; then\n  exec python -m debugpy -m app\nfi\nexec python -m app\n' }, entrypoint: exec(4, './run.sh') });
    expect(plan.roots).toEqual([
      { kind: 'module', module: 'debugpy', why: 'python -m', runsAsMain: true, assumption: 'runs only when [ -n "${DEBUG:-}" ] holds' },
      { kind: 'module', module: 'app', why: 'python -m', runsAsMain: true },
    ]);
  });

  it('a step whose failure the script survives is assumed: || true, or no set -e before the next command', () => {
    const roots = (script: string) => launch({ files: { '/start.sh': script }, cmd: exec(4, '/start.sh') }).roots;
    expect(roots('#!/bin/sh\npython /app/prestart.py || true\nexec uvicorn app.main:app\n')[0]).toEqual({
      kind: 'script', path: '/app/prestart.py', why: 'python script', assumption: 'its failure does not stop the container: `|| true` follows it',
    });
    expect(roots('#!/bin/sh\npython -m app.seed\nexec uvicorn app.main:app\n')[0]?.assumption).toBe(
      'its failure does not stop the container: the script goes on to the next command (no `set -e`)',
    );
    // With set -e (or `|| exit 1`) a failing step stops the container: proven.
    expect(roots('#!/bin/sh\nset -e\npython -m app.seed\nexec uvicorn app.main:app\n')[0]?.assumption).toBeUndefined();
    expect(roots('#!/bin/bash -e\npython -m app.seed\nexec uvicorn app.main:app\n')[0]?.assumption).toBeUndefined();
    expect(roots('#!/bin/sh\npython -m app.seed || exit 1\nexec uvicorn app.main:app\n')[0]?.assumption).toBeUndefined();
    // A -f test on the very file decides it from the image.
    expect(roots('#!/bin/sh\nset -e\n[ -f /app/prestart.py ] && python /app/prestart.py\nexec uvicorn app.main:app\n')).toEqual([
      { kind: 'module', module: 'app.main', why: 'uvicorn app module' },
    ]);
  });

  it('a module named by a variable the image does not set is unknown (DG008), not a missing module', () => {
    for (const cmd of [shell(5, 'gunicorn --bind 0.0.0.0:8000 "$APP_MODULE"'), shell(5, 'python -m $SERVICE_MODULE'), exec(5, 'sh', '-c', 'uvicorn ${APP} --port 80')]) {
      const plan = launch({ cmd });
      expect(plan.fallback).toBe(true);
      expect(plan.problems.map((p) => [p.rule, p.severity])).toEqual([['entrypoint-unknown', 'warning']]);
      expect(plan.problems[0]?.message).toMatch(/is given \$\{?[A-Z_]+\}?, a variable the image does not set/);
    }
    // Set by the image's ENV, it names the module.
    expect(launch({ env: { APP_MODULE: 'proj.app:app' }, cmd: shell(5, 'gunicorn "$APP_MODULE"') }).roots).toEqual([
      { kind: 'module', module: 'proj.app', why: 'gunicorn app module' },
    ]);
  });
});

