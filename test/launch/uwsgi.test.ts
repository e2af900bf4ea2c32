import { describe, expect, it } from 'vitest';
import { readUwsgiIni } from '../../src/launch/launchers/uwsgi.js';
import { exec, launch } from './make-image.js';

/** Shaped like healthchecks' docker/uwsgi.ini: chdir, module, conditional blocks, daemons and a pre-app hook. */
const INI = [
  '[uwsgi]',
  'strict',
  'master',
  'if-not-env = LISTEN_IPV6',
  'http-socket = :8000',
  'endif =',
  'chdir = /opt/hc',
  'module = hc.wsgi:application',
  '; migrations before the app loads',
  'hook-pre-app = exec:./manage.py migrate',
  'attach-daemon = ./manage.py sendalerts --skip-checks',
  'attach-daemon = ./manage.py sendreports --loop',
  'attach-daemon = python3 -m hc.smtpd',
  '',
  '[other]',
  'module = not.this.one',
].join('\n');

describe('uwsgi', () => {
  it('imports the ini file\'s module from its chdir, and follows the Python daemons it attaches', () => {
    const files = { '/opt/hc/docker/uwsgi.ini': INI, '/opt/hc/hc/__init__.py': '', '/opt/hc/hc/wsgi.py': '', '/opt/hc/manage.py': '' };
    const plan = launch({ files, workdir: '/opt/hc' as never, cmd: exec(30, 'uwsgi', '/opt/hc/docker/uwsgi.ini') });
    expect(plan.fallback).toBe(false);
    expect(plan.roots).toEqual([
      { kind: 'module', module: 'hc.wsgi', why: 'uwsgi module' },
      { kind: 'script', path: '/opt/hc/manage.py', why: 'uwsgi hook-pre-app' },
      { kind: 'module', module: 'hc.smtpd', why: 'uwsgi attach-daemon' },
    ]);
    expect(plan.sysPath[0]).toBe('/opt/hc');
  });

  it('reads the app, chdir and pythonpath from the command line, %d and $(VAR) included', () => {
    const files = { '/srv/conf/app.ini': '[uwsgi]\nchdir = %d..\npythonpath = $(APP_LIBS)\npythonpath = vendor\nwsgi-file = web/app.py\n', '/srv/web/app.py': '' };
    const plan = launch({ files, env: { APP_LIBS: '/srv/libs' }, cmd: exec(8, 'uwsgi', '--ini', '/srv/conf/app.ini', '--http', ':8080') });
    expect(plan.fallback).toBe(false);
    expect(plan.roots).toEqual([{ kind: 'script', path: '/srv/web/app.py', why: 'uwsgi wsgi-file' }]);
    expect(plan.sysPath.slice(0, 3), 'the last pythonpath given comes first').toEqual(['/srv/vendor', '/srv/libs', '/srv']);
    const direct = launch({ files: { '/app/shop/wsgi.py': '' }, cmd: exec(5, 'uwsgi', '--http', ':80', '--module', 'shop.wsgi:app', '--chdir', '/app') });
    expect(direct.roots).toEqual([{ kind: 'module', module: 'shop.wsgi', why: 'uwsgi module' }]);
    // A flag before the config file does not take it as its value.
    const flagFirst = launch({ files, env: { APP_LIBS: '/srv/libs' }, cmd: exec(8, 'uwsgi', '--master', '--die-on-term', '/srv/conf/app.ini') });
    expect(flagFirst.roots).toEqual([{ kind: 'script', path: '/srv/web/app.py', why: 'uwsgi wsgi-file' }]);
  });

  it('says why when it cannot tell the app: no module, a missing ini, a YAML config, an unknown variable', () => {
    const cases: Array<[string[], string]> = [
      [['uwsgi', '--http', ':80'], 'uwsgi is given no Python app'],
      [['uwsgi', '/etc/uwsgi/app.ini'], "uwsgi's configuration /etc/uwsgi/app.ini is not in the image"],
      [['uwsgi', '--yaml', 'app.yaml'], 'a format dockguard does not read'],
      [['uwsgi', '--module', '$(APP).wsgi'], 'a variable dockguard cannot resolve'],
    ];
    for (const [argv, message] of cases) {
      const plan = launch({ cmd: exec(3, ...argv) });
      expect(plan.fallback, argv.join(' ')).toBe(true);
      expect(plan.problems.map((p) => p.message).join('\n'), argv.join(' ')).toContain(message);
    }
  });

  it('reads only the [uwsgi] section of an ini file', () => {
    expect(readUwsgiIni(INI).filter((s) => s.key === 'module')).toEqual([{ key: 'module', value: 'hc.wsgi:application' }]);
  });
});
