import { afterAll, describe, expect, it } from 'vitest';
import { analyzeInline, removeInlineRepos } from './analyze-inline-repo.js';

afterAll(removeInlineRepos);

const PY = 'FROM python:3.12-slim\nWORKDIR /app\n';
const REQS = 'requests==2.32.3\n';

describe('analyzeDependencies: RUNs whose installs dockguard cannot see', () => {
  it('reads python setup.py install / develop as pip install . / -e . (the project and its install_requires)', async () => {
    const setup = 'from setuptools import setup\nsetup(name="billing", version="1.0", py_modules=["app"], install_requires=["requests>=2.31"])\n';
    for (const verb of ['install', 'develop']) {
      const a = await analyzeInline({ files: { Dockerfile: `${PY}COPY . .\nRUN python setup.py ${verb}\n`, 'setup.py': setup, 'app.py': '' }, imports: ['requests', 'redis'] });
      expect(a.dependencies!.installed).toContain('requests');
      expect(a.dependencies!.missingPackages.map((m) => [m.module, m.severity])).toEqual([['redis', 'error']]);
    }
  });

  it('makes the installs unknown after make/just/invoke tasks that name an installer: a missing package is a warning naming the RUN', async () => {
    const runners: Array<[string, Record<string, string>]> = [
      ['make install', { Makefile: 'install:\n\tpip install --no-cache-dir -r requirements.txt\n' }],
      ['just install', { justfile: 'install:\n    uv pip install --system -r requirements.txt\n' }],
      ['invoke install', { 'tasks.py': 'from invoke import task\n\n@task\ndef install(c):\n    c.run("pip install -r requirements.txt")\n' }],
      ['python scripts/bootstrap.py', { 'scripts/bootstrap.py': 'import subprocess, sys\nsubprocess.check_call([sys.executable, "-m", "pip", "install", "-r", "requirements.txt"])\n' }],
    ];
    for (const [command, files] of runners) {
      const a = await analyzeInline({ files: { Dockerfile: `${PY}COPY . .\nRUN ${command}\n`, 'requirements.txt': REQS, 'app.py': '', ...files }, imports: ['requests'] });
      const missing = a.dependencies!.missingPackages;
      expect(missing.map((m) => [m.module, m.severity])).toEqual([['requests', 'warning']]);
      expect(missing[0]!.incomplete).toContain(`line 4 runs \`${command.split(' ').slice(0, 3).join(' ')}\``);
      expect(missing[0]!.fix?.description).toMatch(/^no RUN installs Python packages with pip: add this RUN/);
    }
  });

  it('keeps the proof when the task or script names no installer', async () => {
    const a = await analyzeInline({
      files: {
        Dockerfile: `${PY}COPY . .\nRUN pip install -r requirements.txt && make assets && python manage.py collectstatic --noinput\n`,
        Makefile: 'assets:\n\tnpx tailwindcss -i app/static/in.css -o app/static/out.css\n',
        'manage.py': 'import os, sys\nfrom django.core.management import execute_from_command_line\nexecute_from_command_line(sys.argv)\n',
        'requirements.txt': REQS, 'app.py': '',
      },
      imports: ['requests', 'redis'],
    });
    expect(a.dependencies!.missingPackages.map((m) => [m.module, m.severity])).toEqual([['redis', 'error']]);
  });
});
