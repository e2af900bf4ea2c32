import { afterAll, describe, expect, it } from 'vitest';
import { missingPackage } from '../../src/rules/DG101-missing-package.js';
import { analyzeInline, removeInlineRepos } from '../deps/analyze-inline-repo.js';

afterAll(removeInlineRepos);
const files = { Dockerfile: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n', 'requirements.txt': 'PyYAML==6.0.2\n' };

describe('DG101 missing-package', () => {
  it('catches an import no install provides, naming the distribution, the files looked at and the fix', async () => {
    const [finding, ...rest] = missingPackage.check(await analyzeInline({ files, imports: ['yaml', 'dateutil.parser'] }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: 'DG101', rule: 'missing-package', severity: 'error', file: 'app.py', line: 2, module: 'dateutil.parser', distribution: 'python-dateutil' });
    expect(finding!.message).toContain('no install provides python-dateutil (looked at requirements.txt)');
    expect(finding!.fix).toMatchObject({ file: 'requirements.txt', line: 1, text: 'python-dateutil' });
  });

  it('gives a warning for a guarded import', async () => {
    const findings = missingPackage.check(await analyzeInline({ files, imports: ['?ujson'] }));
    expect(findings.map((f) => [f.module, f.severity])).toEqual([['ujson', 'warning']]);
  });

  it('does not catch installed, stdlib or renamed imports', async () => {
    expect(missingPackage.check(await analyzeInline({ files, imports: ['yaml', 'json', 'tomllib'] }))).toEqual([]);
  });

  it('is a warning when an installed distribution dockguard knows nothing of is named like a build of the one expected', async () => {
    const files = (requirements: string) => ({ Dockerfile: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-deps -r requirements.txt\n', 'requirements.txt': requirements });
    const fork = missingPackage.check(await analyzeInline({ files: files('python-magic-bin==0.4.14\n'), imports: ['magic'] }));
    expect(fork).toEqual([expect.objectContaining({ module: 'magic', severity: 'warning', assumption: expect.stringContaining('the modules of python-magic-bin are unknown to dockguard, and its name makes it a likely build of python-magic') })]);
    // Nothing installed resembles it: with every install known, the absence is proven.
    const unrelated = missingPackage.check(await analyzeInline({ files: files('flask==3.0.3\n'), imports: ['magic'] }));
    expect(unrelated).toEqual([expect.objectContaining({ module: 'magic', severity: 'error' })]);
  });

  it("checks the standard library of the Python the command names, not the base image's own python3", async () => {
    const ubuntu = { Dockerfile: 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y software-properties-common && add-apt-repository ppa:deadsnakes/ppa && apt-get install -y python3.12\n' };
    expect(missingPackage.check(await analyzeInline({ files: ubuntu, imports: ['tomllib'], programs: ['python3.12'] }))).toEqual([]);
    // Plain python3 beside another installed Python may be either (update-alternatives): the version is a guess.
    expect(missingPackage.check(await analyzeInline({ files: ubuntu, imports: ['tomllib'], programs: ['python3'] }))).toEqual([
      expect.objectContaining({ module: 'tomllib', severity: 'warning', assumption: expect.stringContaining("the image's Python is taken to be 3.10") }),
    ]);
    // Ubuntu 22.04's own python3 alone is 3.10, which has no tomllib.
    const plain = { Dockerfile: 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y python3\n' };
    expect(missingPackage.check(await analyzeInline({ files: plain, imports: ['tomllib'], programs: ['python3'] }))).toEqual([expect.objectContaining({ module: 'tomllib', severity: 'error' })]);
  });

  it('is a warning when the Python version it rests on is a guess (a distribution release dockguard does not know)', async () => {
    const findings = missingPackage.check(await analyzeInline({ files: { Dockerfile: 'FROM debian:sid\nRUN apt-get update && apt-get install -y python3\n' }, imports: ['distutils'], programs: ['python3'] }));
    expect(findings).toEqual([
      expect.objectContaining({ module: 'distutils', severity: 'warning', assumption: expect.stringContaining("the image's Python is taken to be 3.14 (cannot tell which release debian:sid is") }),
    ]);
  });
});

