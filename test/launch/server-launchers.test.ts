import { describe, expect, it } from 'vitest';
import { exec, launch, shell } from './make-image.js';
import { asImagePath } from '../../src/types.js';

describe('gunicorn', () => {
  it('module:app root; --pythonpath entries then --chdir on sys.path; -b value is not the app', () => {
    const plan = launch({
      cmd: exec(14, 'gunicorn', '-b', '0.0.0.0:8000', '--chdir', 'src', '--pythonpath', '/libs,vendor', '-k', 'gthread', 'shop.wsgi:create_app()'),
    });
    expect(plan.roots).toEqual([{ kind: 'module', module: 'shop.wsgi', why: 'gunicorn app module' }]);
    expect(plan.sysPath).toEqual(['/libs', '/app/src/vendor', '/app/src']);
    expect(plan.programs).toEqual(['gunicorn']);
    expect(plan.description).toBe('CMD ["gunicorn", "-b", "0.0.0.0:8000", "--chdir", "src", "--pythonpath", "/libs,vendor", "-k", "gthread", "shop.wsgi:create_app()"] (svc/Dockerfile line 14)');
  });

  it('the cwd is on sys.path by default; -c config is a script root against the start-up cwd', () => {
    const plan = launch({ cmd: shell(2, 'gunicorn --config=conf/gunicorn.py --chdir /srv app:app') });
    expect(plan.roots).toEqual([
      { kind: 'module', module: 'app', why: 'gunicorn app module' },
      { kind: 'script', path: '/app/conf/gunicorn.py', why: 'gunicorn config' },
    ]);
    expect(plan.sysPath).toEqual(['/srv']);
  });

  it('./gunicorn.conf.py counts only when it is in the image', () => {
    const withConf = launch({ files: { '/app/gunicorn.conf.py': 'bind = ":80"' }, cmd: exec(2, 'gunicorn', 'app') });
    expect(withConf.roots).toContainEqual({ kind: 'script', path: '/app/gunicorn.conf.py', why: 'gunicorn config' });
    expect(launch({ cmd: exec(2, 'gunicorn', 'app') }).roots).toHaveLength(1);
  });

  it('reads GUNICORN_CMD_ARGS too (python: config module form)', () => {
    const plan = launch({
      env: { GUNICORN_CMD_ARGS: '--chdir /code --config python:conf.gunicorn --workers 2' },
      cmd: exec(2, 'gunicorn', 'web:app'),
    });
    expect(plan.roots).toEqual([
      { kind: 'module', module: 'web', why: 'gunicorn app module' },
      { kind: 'module', module: 'conf.gunicorn', why: 'gunicorn config' },
    ]);
    expect(plan.sysPath).toEqual(['/code']);
  });
});

describe('gunicorn config file', () => {
  const conf = (text: string) => ({ '/app/gunicorn.conf.py': text });

  it('takes wsgi_app, chdir and pythonpath from ./gunicorn.conf.py when the command line names no app', () => {
    const plan = launch({
      files: conf('"""Gunicorn settings."""\nimport multiprocessing\n\nbind = "0.0.0.0:8000"\nworkers = multiprocessing.cpu_count() * 2 + 1\nchdir = "src"  # the code lives here\npythonpath = "/libs"\nwsgi_app: str = \'shop.wsgi:application\'\n'),
      cmd: exec(3, 'gunicorn'),
    });
    expect(plan.fallback).toBe(false);
    expect(plan.roots).toEqual([
      { kind: 'module', module: 'shop.wsgi', why: 'gunicorn app module' },
      { kind: 'script', path: '/app/gunicorn.conf.py', why: 'gunicorn config' },
    ]);
    expect(plan.sysPath).toEqual(['/libs', '/app/src']);
  });

  it('lets the command line win over the file, setting by setting, and reads -c files too', () => {
    const plan = launch({ files: { '/app/conf/prod.py': 'wsgi_app = "old:app"\nchdir = "/srv"\n' }, cmd: exec(3, 'gunicorn', '-c', 'conf/prod.py', 'web:app') });
    expect(plan.roots[0]).toEqual({ kind: 'module', module: 'web', why: 'gunicorn app module' });
    expect(plan.sysPath).toEqual(['/srv']);
  });

  it('applies the file\'s chdir to an app given on the command line (it decides where the app is imported from)', () => {
    expect(launch({ files: conf('chdir = "/code/src"\n'), cmd: exec(3, 'gunicorn', 'main:app') }).sysPath).toEqual(['/code/src']);
  });

  it.each([
    ['an expression', 'import os\nwsgi_app = os.environ.get("APP", "main:app")\n', 'to an expression'],
    ['a block', 'import os\nif os.environ.get("DEBUG"):\n    chdir = "/dev"\nwsgi_app = "main:app"\n', 'inside a block'],
    ['two assignments', 'wsgi_app = "a:app"\nwsgi_app = "b:app"\n', 'more than once'],
  ])('cannot tell what runs when the file sets a setting in %s', (_what, text, why) => {
    const plan = launch({ files: conf(text), cmd: exec(3, 'gunicorn', 'main:app') });
    expect(plan.fallback).toBe(true);
    expect(plan.problems.map((p) => p.message).join('\n')).toContain(why);
  });

  it('does not read settings written inside a docstring', () => {
    const plan = launch({ files: conf('"""Example:\nwsgi_app = "other:app"\n"""\nwsgi_app = "main:app"\n'), cmd: exec(3, 'gunicorn') });
    expect(plan.roots[0]).toEqual({ kind: 'module', module: 'main', why: 'gunicorn app module' });
  });

  it('still says so when neither the command line nor the file names an app', () => {
    const plan = launch({ files: conf('bind = ":80"\n'), cmd: exec(3, 'gunicorn') });
    expect(plan.fallback).toBe(true);
    expect(plan.problems.map((p) => p.message).join('\n')).toContain('gunicorn is given no app module');
  });
});

describe('uvicorn', () => {
  it('module:app root with --app-dir on sys.path, then PYTHONPATH', () => {
    const plan = launch({
      env: { PYTHONPATH: '/shared' },
      cmd: exec(3, 'uvicorn', 'api.main:app', '--host', '0.0.0.0', '--port', '80', '--app-dir', 'src', '--factory'),
    });
    expect(plan.roots).toEqual([{ kind: 'module', module: 'api.main', why: 'uvicorn app module' }]);
    expect(plan.sysPath).toEqual(['/app/src', '/shared']);
  });

  it('takes UVICORN_APP when no argument names the app; cwd by default', () => {
    const plan = launch({ env: { UVICORN_APP: 'main:app' }, cmd: exec(3, 'uvicorn', '--port', '80') });
    expect(plan.roots).toEqual([{ kind: 'module', module: 'main', why: 'uvicorn app module' }]);
    expect(plan.sysPath).toEqual(['/app']);
  });
});

describe('flask', () => {
  const files = { '/app/web/__init__.py': '', '/app/web/views/__init__.py': '', '/app/web/views/app.py': '' };

  it('--app file path: climbs packages, inserts the first non-package dir', () => {
    const plan = launch({ files, cmd: exec(5, 'flask', '--app', 'web/views/app.py:create_app()', 'run', '--host', '0.0.0.0') });
    expect(plan.roots).toEqual([{ kind: 'module', module: 'web.views.app', why: 'flask app' }]);
    expect(plan.sysPath).toEqual(['/app']);
  });

  it('FLASK_APP dotted module keeps the cwd', () => {
    const plan = launch({ files, env: { FLASK_APP: 'web.views.app:app' }, cmd: exec(5, 'flask', 'run') });
    expect(plan.roots).toEqual([{ kind: 'module', module: 'web.views.app', why: 'flask app' }]);
    expect(plan.sysPath).toEqual(['/app']);
  });

  it('defaults to wsgi.py, then app.py in the cwd', () => {
    expect(launch({ files: { '/app/wsgi.py': '' }, cmd: exec(5, 'flask', 'run') }).roots).toEqual([
      { kind: 'module', module: 'wsgi', why: 'flask default app' },
    ]);
    expect(launch({ cmd: exec(5, 'flask', 'run') }).roots).toEqual([{ kind: 'module', module: 'app', why: 'flask default app' }]);
  });
});

describe('celery', () => {
  it('-A proj: module root, proj.celery too when the image has it, cwd on sys.path', () => {
    const plan = launch({ files: { '/app/proj/__init__.py': '', '/app/proj/celery.py': '' }, cmd: shell(7, 'celery -A proj worker -l info') });
    expect(plan.roots).toEqual([
      { kind: 'module', module: 'proj', why: 'celery app' },
      { kind: 'module', module: 'proj.celery', why: 'celery app' },
    ]);
    expect(plan.sysPath).toEqual(['/app']);
  });

  it('--app=proj.tasks:app after the subcommand', () => {
    const plan = launch({ cmd: exec(7, 'celery', 'worker', '--app=proj.tasks:app', '--concurrency', '4') });
    expect(plan.roots).toEqual([{ kind: 'module', module: 'proj.tasks', why: 'celery app' }]);
  });
});

describe('functions-framework', () => {
  it('script root ./main.py by default; its dir goes to sysPathTail, not sysPath', () => {
    const plan = launch({ cmd: exec(6, 'functions-framework', '--target', 'handle', '--port', '8080') });
    expect(plan.roots).toEqual([{ kind: 'script', path: '/app/main.py', why: 'functions-framework source' }]);
    expect(plan.sysPath).toEqual([]);
    expect(plan.sysPathTail).toEqual(['/app']);
  });

  it('--source or FUNCTION_SOURCE picks another file', () => {
    expect(launch({ cmd: exec(6, 'functions-framework', '--source=fn/entry.py') }).sysPathTail).toEqual(['/app/fn']);
    const plan = launch({ env: { FUNCTION_SOURCE: '/srv/f.py', FUNCTION_TARGET: 'f' }, cmd: exec(6, 'functions-framework') });
    expect(plan.roots).toEqual([{ kind: 'script', path: '/srv/f.py', why: 'functions-framework source' }]);
  });
});

describe('other servers', () => {
  it('streamlit run x.py: script root, its dir on sys.path', () => {
    const plan = launch({ cmd: exec(2, 'streamlit', 'run', '--server.port', '8501', 'ui/Home.py') });
    expect(plan.roots).toEqual([{ kind: 'script', path: '/app/ui/Home.py', why: 'streamlit script' }]);
    expect(plan.sysPath).toEqual(['/app/ui']);
  });

  it("streamlit run x.py: each .py file directly in the pages/ folder beside it is a page, and a root", () => {
    const files = { '/app/ui/Home.py': '', '/app/ui/pages/1_Data.py': '', '/app/ui/pages/2_Admin.py': '', '/app/ui/pages/lib/helpers.py': '', '/app/ui/pages/README.md': '', '/app/pages/x.py': '' };
    const plan = launch({ files, cmd: exec(2, 'streamlit', 'run', 'ui/Home.py') });
    expect(plan.roots).toEqual([
      { kind: 'script', path: '/app/ui/Home.py', why: 'streamlit script' },
      { kind: 'script', path: '/app/ui/pages/1_Data.py', why: 'streamlit page' },
      { kind: 'script', path: '/app/ui/pages/2_Admin.py', why: 'streamlit page' },
    ]);
    expect(plan.sysPath).toEqual(['/app/ui']);
  });

  it('python -m awslambdaric pkg.handlers.main.handler: the handler module, imported from the working directory', () => {
    const plan = launch({ workdir: asImagePath('/function'), entrypoint: exec(9, 'python', '-m', 'awslambdaric'), cmd: exec(10, 'pkg.handlers.main.handler') });
    expect(plan.roots).toEqual([{ kind: 'module', module: 'pkg.handlers.main', why: 'Lambda handler module' }]);
    expect(plan.sysPath).toEqual(['/function']);
    expect(launch({ entrypoint: exec(9, '/usr/local/bin/python', '-m', 'awslambdaric'), cmd: exec(10, 'app/handler.lambda_handler') }).roots).toEqual([
      { kind: 'module', module: 'app.handler', why: 'Lambda handler module' },
    ]);
  });

  it('locust -f /loadtest/locustfile.py: the file is imported by name with its folder, then the cwd, on sys.path', () => {
    const files = { '/loadtest/locustfile.py': '', '/loadtest/shapes.py': '' };
    const plan = launch({ files, cmd: exec(23, 'locust', '-f', '/loadtest/locustfile.py', '--headless') });
    expect(plan.roots).toEqual([{ kind: 'script', path: '/loadtest/locustfile.py', why: 'locustfile' }]);
    expect(plan.sysPath).toEqual(['/loadtest', '/app']);
  });

  it('locust: --locustfile=name without .py, comma lists, and the locustfile.py default', () => {
    const files = { '/app/tests/load.py': '', '/app/smoke.py': '', '/app/locustfile.py': '' };
    expect(launch({ files, cmd: exec(3, 'locust', '--locustfile=tests/load,smoke.py') }).roots).toEqual([
      { kind: 'script', path: '/app/tests/load.py', why: 'locustfile' },
      { kind: 'script', path: '/app/smoke.py', why: 'locustfile' },
    ]);
    expect(launch({ files, cmd: exec(3, 'locust', '--headless', '-u', '10') }).roots).toEqual([
      { kind: 'script', path: '/app/locustfile.py', why: 'locustfile' },
    ]);
  });

  it('fastapi run x.py: package root like flask; default main.py search', () => {
    const files = { '/app/api/__init__.py': '', '/app/api/main.py': '', '/app/app/main.py': '' };
    const plan = launch({ files, cmd: exec(2, 'fastapi', 'run', 'api/main.py', '--port', '80') });
    expect(plan.roots).toEqual([{ kind: 'module', module: 'api.main', why: 'fastapi app' }]);
    expect(plan.sysPath).toEqual(['/app']);
    expect(launch({ files, cmd: exec(2, 'fastapi', 'run') }).roots).toEqual([
      { kind: 'module', module: 'main', why: 'fastapi app' },
    ]);
  });

  it('hypercorn / daphne / waitress-serve module:app with the cwd on sys.path', () => {
    expect(launch({ cmd: exec(2, 'hypercorn', '-b', '0.0.0.0:80', 'svc.asgi:app') }).roots).toEqual([
      { kind: 'module', module: 'svc.asgi', why: 'hypercorn app module' },
    ]);
    expect(launch({ cmd: exec(2, 'daphne', '-b', '0.0.0.0', '-p', '80', 'site.asgi:application') }).sysPath).toEqual(['/app']);
    expect(launch({ cmd: exec(2, 'waitress-serve', '--port=80', '--app=hello:app') }).roots).toEqual([
      { kind: 'module', module: 'hello', why: 'waitress-serve app module' },
    ]);
  });
});
