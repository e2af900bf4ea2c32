import { afterAll, describe, expect, it } from 'vitest';
import { readSetupCfg, readSetuptoolsProject } from '../../src/deps/read-setuptools-project.js';
import { missingPackage } from '../../src/rules/DG101-missing-package.js';
import { asRepoPath } from '../../src/types.js';
import { analyzeInline, removeInlineRepos } from './analyze-inline-repo.js';

afterAll(removeInlineRepos);

const env = { pythonVersion: '3.12' };
const py = (text: string) => ({ py: { path: asRepoPath('setup.py'), text } });
const namesOf = async (files: Parameters<typeof readSetuptoolsProject>[0]) => {
  const reading = await readSetuptoolsProject(files, env);
  if ('unread' in reading) return reading;
  return { name: reading.project.name, requires: reading.project.requirements.map((r) => `${r.name}@${r.source.file}:${r.source.line}`), extras: Object.fromEntries(Object.entries(reading.project.extras).map(([k, v]) => [k, v.map((r) => r.name)])) };
};

describe('setup.py read from its parse tree', () => {
  it('reads literal keywords of setup(...), a list bound once to a name, and extras_require', async () => {
    const text = [
      'from setuptools import find_packages, setup',
      '',
      'REQUIRES = [',
      '    "falcon>=3",',
      "    'gunicorn',  # the server",
      ']',
      '',
      'if __name__ == "__main__":',
      '    setup(',
      '        name="inventory",',
      '        packages=find_packages(exclude=["tests"]),',
      '        install_requires=REQUIRES,',
      '        extras_require={"gcp": ["google-cloud-storage"], "dev": ("pytest",)},',
      '    )',
    ].join('\n');
    expect(await namesOf(py(text))).toEqual({
      name: 'inventory',
      requires: ['falcon@setup.py:4', 'gunicorn@setup.py:5'],
      extras: { gcp: ['google-cloud-storage'], dev: ['pytest'] },
    });
  });

  it.each([
    ['a file read at build time', 'with open("requirements.txt") as f:\n    reqs = f.read().splitlines()\nsetup(name="x", install_requires=reqs)\n', 'install_requires is bound to a name'],
    ['a list built with +', 'BASE = ["a"]\nsetup(name="x", install_requires=BASE + ["b"])\n', 'install_requires is computed'],
    ['a list changed later', 'REQS = ["a"]\nREQS.append("b")\nsetup(name="x", install_requires=REQS)\n', 'install_requires is bound to a name'],
    ['a name bound twice', 'REQS = ["a"]\nREQS = ["b"]\nsetup(name="x", install_requires=REQS)\n', 'install_requires is bound to a name'],
    ['a **kwargs splat', 'kw = dict(install_requires=["a"])\nsetup(name="x", **kw)\n', 'setup(...) takes **kw'],
    ['an f-string entry', 'V = "1"\nsetup(name="x", install_requires=[f"a=={V}"])\n', 'not a plain string'],
    ['a call inside a function', 'def main():\n    setup(name="x", install_requires=["a"])\nmain()\n', 'inside a function or a condition'],
    ['no setup() call', 'print("hello")\n', 'no setup(...) call'],
    ['pbr, which reads requirements.txt', 'import setuptools\nsetuptools.setup(setup_requires=["pbr>=2.0.0"], pbr=True)\n', 'pbr takes install_requires from requirements.txt'],
  ])('does not guess when install_requires comes from %s', async (_what, text, why) => {
    const reading = await readSetuptoolsProject(py(text), env);
    expect(reading).toEqual({ unread: expect.stringContaining(why) });
  });

  it('takes setup.py keywords over setup.cfg options, and setup.cfg where setup.py is silent', async () => {
    const cfg = { path: asRepoPath('setup.cfg'), text: '[metadata]\nname = billing\n\n[options]\npackages = find:\ninstall_requires =\n    requests>=2\n    # pinned by the platform team\n    celery[redis]==5.3.6 ; python_version >= "3.8"\n\n[options.extras_require]\npdf =\n    weasyprint\n' };
    expect(await namesOf({ cfg, ...py('from setuptools import setup\nsetup()\n') })).toEqual({
      name: 'billing',
      requires: ['requests@setup.cfg:7', 'celery@setup.cfg:9'],
      extras: { pdf: ['weasyprint'] },
    });
    expect(await namesOf({ cfg, ...py('import setuptools\nsetuptools.setup(install_requires=["flask"])\n') })).toMatchObject({ name: 'billing', requires: ['flask@setup.py:2'] });
  });

  it('does not follow setup.cfg file: and attr: directives', () => {
    expect(readSetupCfg('[options]\ninstall_requires = file: requirements.txt\n')).toEqual({ unread: expect.stringContaining('file: requirements.txt') });
  });
});

describe('pip install . of a setuptools project without a [project] table', () => {
  const image = 'FROM python:3.12-slim\nWORKDIR /srv\nCOPY . .\nRUN pip install --no-cache-dir .\n';
  // The pyproject.toml of many setup.py projects holds only tool settings and the build system.
  const toolsOnly = '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n\n[tool.black]\nline-length = 100\n';
  const setupPy = 'from setuptools import setup, find_packages\nsetup(name="inventory", packages=find_packages(), install_requires=["falcon>=3", "gunicorn"])\n';

  it('installs what setup.py declares: its imports are provided, and one it lacks is a proven error', async () => {
    const analysis = await analyzeInline({ files: { Dockerfile: image, 'pyproject.toml': toolsOnly, 'setup.py': setupPy }, imports: ['falcon', 'redis'] });
    expect(missingPackage.check(analysis).map((f) => [f.module, f.severity, f.assumption])).toEqual([['redis', 'error', undefined]]);
  });

  it('says why when setup.py computes its dependencies, and never proves a package missing then', async () => {
    const computed = 'from setuptools import setup\nsetup(name="inventory", install_requires=open("requirements.txt").read().splitlines())\n';
    const analysis = await analyzeInline({ files: { Dockerfile: image, 'pyproject.toml': toolsOnly, 'setup.py': computed, 'requirements.txt': 'falcon\n' }, imports: ['falcon'] });
    const findings = missingPackage.check(analysis);
    expect(findings.map((f) => [f.module, f.severity])).toEqual([['falcon', 'warning']]);
    expect(findings[0]!.assumption).toContain('install_requires is computed (open("requirements.txt")');
  });

  it('leaves a project built by another backend from its own tables as unknown', async () => {
    const flit = '[build-system]\nrequires = ["flit_core"]\nbuild-backend = "flit_core.buildapi"\n\n[tool.flit.metadata]\nmodule = "inventory"\nrequires = ["falcon"]\n';
    const analysis = await analyzeInline({ files: { Dockerfile: image, 'pyproject.toml': flit }, imports: ['falcon'] });
    expect(missingPackage.check(analysis).map((f) => [f.module, f.severity])).toEqual([['falcon', 'warning']]);
  });
});

describe('a local project named by path in a requirements file', () => {
  const image = 'FROM python:3.12-slim\nWORKDIR /srv\nCOPY libs ./libs\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n';
  const common = { 'libs/common/pyproject.toml': '[project]\nname = "acme-common"\nversion = "1.0"\ndependencies = ["pydantic>=2"]\n', 'libs/common/acme_common/__init__.py': '' };
  const legacy = { 'libs/legacy/setup.py': 'from setuptools import setup\nsetup(name="acme-legacy", install_requires=["requests"])\n', 'libs/legacy/acme_legacy/__init__.py': '' };

  it('installs the project at that folder with its dependencies, so what none provides is proven missing', async () => {
    const analysis = await analyzeInline({
      files: { Dockerfile: image, 'requirements.txt': 'flask==3.0.3\n-e ./libs/common\n./libs/legacy\n', ...common, ...legacy },
      imports: ['pydantic', 'requests', 'flask', 'redis'],
    });
    expect(missingPackage.check(analysis).map((f) => [f.module, f.severity])).toEqual([['redis', 'error']]);
    expect(analysis.dependencies?.incomplete ?? []).toEqual([]);
  });

  it('still cannot tell what a path installs when no project file is there when the RUN starts', async () => {
    const late = 'FROM python:3.12-slim\nWORKDIR /srv\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY libs ./libs\n';
    const analysis = await analyzeInline({ files: { Dockerfile: late, 'requirements.txt': '-e ./libs/common\n', ...common }, imports: ['redis'] });
    expect(missingPackage.check(analysis)).toEqual([expect.objectContaining({ module: 'redis', severity: 'warning', assumption: expect.stringContaining('whose name only a build could tell') })]);
  });
});

