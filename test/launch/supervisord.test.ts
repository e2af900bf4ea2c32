import { describe, expect, it } from 'vitest';
import { readSupervisorConfig } from '../../src/launch/follow-supervisord.js';
import { exec, launch } from './make-image.js';

const CONFIG = [
  '[supervisord]',
  'nodaemon=true',
  'environment=PYTHONPATH="/app"',
  '',
  '; Background workers',
  '[program:celery_worker]',
  'command=celery -A onyx.background.celery.apps.primary worker',
  '    --hostname=primary@%%n',
  '    -Q celery',
  'autorestart=true',
  '',
  '[program:watchdog]',
  'command=python -m onyx.utils.watchdog',
  'directory=/app',
  '',
  '[program:proxy]',
  "command=nginx -g 'daemon off;'",
  '',
  '[supervisorctl]',
  'serverurl=unix:///tmp/supervisor.sock',
].join('\n');

describe('supervisord', () => {
  it('follows every [program:x] command= with the [supervisord] environment', () => {
    const files = {
      '/etc/supervisor/conf.d/supervisord.conf': CONFIG,
      '/app/onyx/__init__.py': '',
      '/app/onyx/background/celery/apps/primary.py': '',
    };
    const plan = launch({ files, workdir: '/app' as never, cmd: exec(12, '/usr/bin/supervisord', '-c', '/etc/supervisor/conf.d/supervisord.conf') });
    expect(plan.fallback).toBe(false);
    expect(plan.roots).toEqual([
      { kind: 'module', module: 'onyx.background.celery.apps.primary', why: 'celery app' },
      { kind: 'module', module: 'onyx.utils.watchdog', why: 'python -m', runsAsMain: true },
    ]);
    expect(plan.sysPath).toEqual(['/app']);
  });

  it('follows the programs of the files an [include] section names, relative to the including file', () => {
    const files = {
      '/etc/supervisord.conf': '[supervisord]\nnodaemon=true\n\n[include]\nfiles = supervisor/*.conf /etc/extra.ini\n',
      '/etc/supervisor/web.conf': '[program:web]\ncommand=gunicorn shop.wsgi:application\ndirectory=/srv\n',
      '/etc/extra.ini': '[program:worker]\ncommand=celery -A shop worker\ndirectory=/srv\n',
    };
    const plan = launch({ files, cmd: exec(9, 'supervisord', '-c', '/etc/supervisord.conf') });
    expect(plan.fallback).toBe(false);
    expect(plan.roots).toEqual([
      { kind: 'module', module: 'shop.wsgi', why: 'gunicorn app module' },
      { kind: 'module', module: 'shop', why: 'celery app' },
    ]);
  });

  it("without a configuration in the image, uses the one Debian's supervisor package installs: it includes conf.d/*.conf", () => {
    const files = { '/etc/supervisor/conf.d/app.conf': '[program:app]\ncommand=uvicorn api.main:app --port 8000\ndirectory=/srv\n' };
    const run = { line: 2, stage: '0', command: 'apt-get update && apt-get install -y --no-install-recommends \\\n    nginx supervisor', form: 'shell' as const, workdir: '/' as never, env: {}, bindMounts: [] };
    const plan = launch({ files, runs: [run], cmd: exec(9, '/usr/bin/supervisord', '-n') });
    expect(plan.fallback).toBe(false);
    expect(plan.roots).toEqual([{ kind: 'module', module: 'api.main', why: 'uvicorn app module' }]);
    // Installed by pip, supervisord ships no configuration: it does not start.
    expect(launch({ files, runs: [{ ...run, command: 'pip install supervisor' }], cmd: exec(9, 'supervisord', '-n') }).fallback).toBe(true);
  });

  it('says which configuration it could not find', () => {
    const plan = launch({ cmd: exec(3, 'supervisord', '-n') });
    expect(plan.fallback).toBe(true);
    expect(plan.problems[0]!.message).toContain("supervisord's configuration");
  });

  it('reads sections, continuation lines and comments', () => {
    const sections = readSupervisorConfig(CONFIG);
    expect(sections.get('program:celery_worker')?.get('command')).toBe(
      'celery -A onyx.background.celery.apps.primary worker --hostname=primary@%%n -Q celery',
    );
    expect([...sections.keys()]).toEqual(['supervisord', 'program:celery_worker', 'program:watchdog', 'program:proxy', 'supervisorctl']);
  });
});
