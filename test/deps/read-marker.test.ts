import { describe, expect, it } from 'vitest';
import { evaluateMarker } from '../../src/deps/evaluate-marker.js';
import { normalizeName } from '../../src/deps/normalize-name.js';

const py311 = { pythonVersion: '3.11' };

describe('normalizeName', () => {
  it('lowercases and folds runs of - _ . into one dash (PEP 503)', () => {
    expect(normalizeName('Foo.Bar_baz')).toBe('foo-bar-baz');
    expect(normalizeName('google_cloud__bigquery')).toBe('google-cloud-bigquery');
    expect(normalizeName('Flask')).toBe('flask');
  });
});

describe('evaluateMarker', () => {
  it('compares python_version as a version, not as text', () => {
    expect(evaluateMarker('python_version >= "3.9"', py311)).toBe(true);
    expect(evaluateMarker('python_version < "3.9"', py311)).toBe(false);
    expect(evaluateMarker('python_version < "3.12"', py311)).toBe(true);
    expect(evaluateMarker('"3.12" > python_version', py311)).toBe(true);
    expect(evaluateMarker("python_version ~= '3.10'", py311)).toBe(true);
    expect(evaluateMarker('python_version == "3.11.*"', py311)).toBe(true);
  });

  it('knows the image is Linux x86_64 CPython', () => {
    expect(evaluateMarker('sys_platform == "win32"', py311)).toBe(false);
    expect(evaluateMarker("sys_platform == 'linux'", py311)).toBe(true);
    expect(evaluateMarker('platform_system != "Windows"', py311)).toBe(true);
    expect(evaluateMarker('platform_machine == "x86_64"', py311)).toBe(true);
    expect(evaluateMarker('platform_machine == "aarch64"', { ...py311, machine: 'aarch64' })).toBe(true);
    expect(evaluateMarker('os_name == "nt"', py311)).toBe(false);
    expect(evaluateMarker('platform_python_implementation == "PyPy"', py311)).toBe(false);
    expect(evaluateMarker('implementation_name == "cpython"', py311)).toBe(true);
  });

  it('handles and / or / parentheses with precedence', () => {
    expect(evaluateMarker('sys_platform == "win32" or python_version >= "3.8" and os_name == "posix"', py311)).toBe(true);
    expect(evaluateMarker('(sys_platform == "win32" or python_version >= "3.8") and os_name == "nt"', py311)).toBe(false);
  });

  it('treats extra as false unless asked for', () => {
    expect(evaluateMarker('extra == "s3"', py311)).toBe(false);
    expect(evaluateMarker('extra == "S3"', { ...py311, extras: ['s3'] })).toBe(true);
  });

  it('supports in / not in on strings', () => {
    expect(evaluateMarker('"linux" in sys_platform', py311)).toBe(true);
    expect(evaluateMarker('platform_machine not in "arm64 aarch64"', py311)).toBe(true);
  });

  it('says undefined when the answer depends on what it cannot know', () => {
    expect(evaluateMarker('python_full_version >= "3.11.4"', py311)).toBeUndefined();
    expect(evaluateMarker('python_full_version >= "3.11.4"', { pythonVersion: '3.11.9' })).toBe(true);
    expect(evaluateMarker('python_full_version >= "3.10.2"', py311)).toBe(true);
    expect(evaluateMarker('platform_release >= "5.0"', py311)).toBeUndefined();
    // but a known false side settles an `and`
    expect(evaluateMarker('platform_release >= "5.0" and sys_platform == "win32"', py311)).toBe(false);
  });

  it('says undefined for a malformed marker', () => {
    expect(evaluateMarker('python_version >=', py311)).toBeUndefined();
    expect(evaluateMarker('(python_version >= "3.8"', py311)).toBeUndefined();
    expect(evaluateMarker('python_version >= 3.8', py311)).toBeUndefined();
  });
});
