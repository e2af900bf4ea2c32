import { mkdtempSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDistributionMap } from '../../src/deps/distribution-map.js';
import { providedModules, readVenvIndex } from '../../src/deps/venv-metadata.js';
import { FIXTURES } from '../helpers/fixture-repo.js';

const FIXTURE_ROOT = path.join(FIXTURES, 'venv-basic');
const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

/** A repository directory whose virtualenv sits at `.venv`, as on a developer's machine. */
function repoWithDotVenv(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'dockguard-venv-'));
  temps.push(root);
  // A link is enough: the reader follows it like any directory, and the fixture stays read-only.
  symlinkSync(path.join(FIXTURE_ROOT, 'venv-fixture'), path.join(root, '.venv'));
  return root;
}

describe('providedModules (RECORD → import prefixes)', () => {
  it('keeps namespace depth: google/cloud/storage/__init__.py → google.cloud.storage', () => {
    const record = 'google/cloud/storage/__init__.py,sha256=x,1\ngoogle/cloud/storage/blob.py,sha256=x,2\ngoogle_cloud_storage-2.14.0.dist-info/RECORD,,\n';
    expect(providedModules(record, 'google\n')).toEqual({ modules: ['google.cloud.storage'], namespaces: ['google', 'google.cloud'] });
  });

  it('turns plain modules and extension modules into names and skips scripts, caches and metadata', () => {
    const record = [
      'six.py,sha256=x,1',
      '__pycache__/six.cpython-311.pyc,,',
      '_cffi_backend.cpython-311-x86_64-linux-gnu.so,sha256=x,1',
      '../../../bin/gunicorn,sha256=x,1',
      'foo-1.0.data/scripts/run.sh,,',
      'distutils-precedence.pth,sha256=x,1',
      'numpy.libs/libgfortran-040039e1.so.5.0.0,sha256=x,1',
      'licenses/LICENSE.txt,sha256=x,1',
    ].join('\n');
    expect(providedModules(record, '')).toEqual({ modules: ['_cffi_backend', 'six'], namespaces: [] });
  });

  it('reads quoted RECORD paths and Windows line endings', () => {
    expect(providedModules('"odd_pkg/__init__.py",sha256=x,1\r\n"odd_pkg/a,b.txt",,\r\n', '').modules).toEqual(['odd_pkg']);
  });

  it('uses top_level.txt only for names RECORD does not explain', () => {
    expect(providedModules('', 'yaml\n_yaml\n')).toEqual({ modules: ['_yaml', 'yaml'], namespaces: [] });
    expect(providedModules('google/protobuf/__init__.py,,\n', 'google\n').modules).toEqual(['google.protobuf']);
  });
});

describe('readVenvIndex', () => {
  it('reads every dist-info and egg-info of the given virtualenv', async () => {
    const index = await readVenvIndex(FIXTURE_ROOT, { venvDirs: ['venv-fixture'] });
    expect(index).toBeDefined();
    expect(index?.location).toBe(path.join(FIXTURE_ROOT, 'venv-fixture'));
    expect(index?.pythonVersions).toEqual(['3.11']);
    expect([...(index?.distributions ?? [])].sort()).toEqual([
      'google-cloud-core', 'google-cloud-storage', 'gunicorn', 'legacy-reports', 'opencv-python-headless', 'protobuf', 'pyyaml', 'six',
    ]);
    const modules = Object.fromEntries(index?.modules ?? []);
    expect(modules).toMatchObject({
      yaml: ['pyyaml'],
      _yaml: ['pyyaml'],
      'google.cloud.storage': ['google-cloud-storage'],
      'google.cloud.client': ['google-cloud-core'],
      'google.cloud._helpers': ['google-cloud-core'],
      'google.protobuf': ['protobuf'],
      'google._upb._message': ['protobuf'],
      cv2: ['opencv-python-headless'],
      gunicorn: ['gunicorn'],
      six: ['six'],
      legacy_reports: ['legacy-reports'],
    });
    expect(modules.google).toBeUndefined();
    expect(index?.namespaces.get('google.cloud')?.slice().sort()).toEqual(['google-cloud-core', 'google-cloud-storage']);
  });

  it('finds .venv at the repository root by default', async () => {
    const root = repoWithDotVenv();
    const index = await readVenvIndex(root);
    expect(index?.location).toBe(path.join(root, '.venv'));
    expect(index?.distributions.has('pyyaml')).toBe(true);
  });

  it('prefers $VIRTUAL_ENV when it lies inside the repository, ignores it outside', async () => {
    const root = repoWithDotVenv();
    mkdirSync(path.join(root, 'services', 'api'), { recursive: true });
    symlinkSync(path.join(FIXTURE_ROOT, 'venv-fixture'), path.join(root, 'services', 'api', 'env'));
    const inside = await readVenvIndex(root, { virtualEnv: path.join(root, 'services', 'api', 'env') });
    expect(inside?.location).toBe(path.join(root, 'services', 'api', 'env'));
    const outside = await readVenvIndex(root, { virtualEnv: path.join(FIXTURE_ROOT, 'venv-fixture') });
    expect(outside?.location).toBe(path.join(root, '.venv'));
  });

  it('returns undefined when there is no virtualenv', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'dockguard-novenv-'));
    temps.push(root);
    expect(await readVenvIndex(root)).toBeUndefined();
    expect(await readVenvIndex(FIXTURE_ROOT, { venvDirs: ['missing'] })).toBeUndefined();
  });

  it('feeds the distribution map: venv answers carry source venv', async () => {
    const venv = await readVenvIndex(FIXTURE_ROOT, { venvDirs: ['venv-fixture'] });
    const map = createDistributionMap({ venv });
    expect(map.candidatesFor('google.cloud.storage.blob')[0]).toEqual({ distribution: 'google-cloud-storage', source: 'venv', prefix: 'google.cloud.storage' });
    expect(map.candidatesFor('legacy_reports.render')).toEqual([{ distribution: 'legacy-reports', source: 'venv', prefix: 'legacy_reports' }]);
    expect(map.isNamespaceRoot('google.cloud')).toBe(true);
  });
});
