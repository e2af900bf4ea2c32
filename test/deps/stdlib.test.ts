import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  NEWEST_PYTHON,
  SUPPORTED_PYTHON_VERSIONS,
  addedToStdlibLater,
  isStdlib,
  removedFromStdlib,
  toSupportedVersion,
} from '../../src/deps/stdlib.js';

describe('stdlib lists', () => {
  it('covers Python 3.8 to 3.14, oldest first', () => {
    expect(SUPPORTED_PYTHON_VERSIONS).toEqual(['3.8', '3.9', '3.10', '3.11', '3.12', '3.13', '3.14']);
    expect(NEWEST_PYTHON).toBe('3.14');
  });

  it('ships a header that says how to regenerate the data', () => {
    const data = JSON.parse(readFileSync(new URL('../../data/stdlib.json', import.meta.url), 'utf8')) as { header: string };
    expect(data.header).toContain('scripts/gen-stdlib.py');
    expect(data.header).toContain('3.14');
  });

  it.each(SUPPORTED_PYTHON_VERSIONS)('knows the always-present modules on %s', (version) => {
    for (const name of ['os', 'sys', 'json', 'asyncio', 'typing', '__future__', '_thread', 'collections.abc', 'xml.etree.ElementTree']) {
      expect(isStdlib(name, version), `${name} on ${version}`).toBe(true);
    }
    for (const name of ['requests', 'yaml', 'numpy', 'test', 'typing_extensions', 'tomli', 'importlib_metadata']) {
      expect(isStdlib(name, version), `${name} on ${version}`).toBe(false);
    }
  });

  it('has tomllib only from 3.11', () => {
    expect(isStdlib('tomllib', '3.10')).toBe(false);
    expect(isStdlib('tomllib', '3.11')).toBe(true);
    expect(isStdlib('tomllib', '3.14')).toBe(true);
    expect(addedToStdlibLater('tomllib', '3.10')).toBe('added in Python 3.11');
    expect(addedToStdlibLater('tomllib', '3.11')).toBeUndefined();
  });

  it('has zoneinfo and graphlib only from 3.9', () => {
    expect(isStdlib('zoneinfo', '3.8')).toBe(false);
    expect(isStdlib('zoneinfo', '3.9')).toBe(true);
    expect(isStdlib('graphlib', '3.8')).toBe(false);
  });

  it('drops distutils, imp and asyncore in 3.12 and says so', () => {
    for (const name of ['distutils', 'imp', 'asyncore', 'asynchat', 'smtpd']) {
      expect(isStdlib(name, '3.11'), name).toBe(true);
      expect(isStdlib(name, '3.12'), name).toBe(false);
      expect(removedFromStdlib(name, '3.12'), name).toBe('removed in Python 3.12');
      expect(removedFromStdlib(name, '3.14'), name).toBe('removed in Python 3.12');
    }
    expect(removedFromStdlib('distutils.core', '3.13')).toBe('removed in Python 3.12');
    expect(removedFromStdlib('distutils', '3.11')).toBeUndefined();
  });

  it('drops the dead batteries in 3.13', () => {
    for (const name of ['cgi', 'cgitb', 'telnetlib', 'pipes', 'crypt', 'imghdr', 'lib2to3', 'uu']) {
      expect(isStdlib(name, '3.12'), name).toBe(true);
      expect(isStdlib(name, '3.13'), name).toBe(false);
      expect(removedFromStdlib(name, '3.13'), name).toBe('removed in Python 3.13');
    }
  });

  it('drops formatter/parser/symbol in 3.10 and binhex in 3.11, dummy_threading in 3.9', () => {
    expect(isStdlib('parser', '3.9')).toBe(true);
    expect(removedFromStdlib('parser', '3.10')).toBe('removed in Python 3.10');
    expect(removedFromStdlib('binhex', '3.11')).toBe('removed in Python 3.11');
    expect(isStdlib('dummy_threading', '3.8')).toBe(true);
    expect(removedFromStdlib('dummy_threading', '3.9')).toBe('removed in Python 3.9');
  });

  it('keeps Windows-only modules on 3.8/3.9 like sys.stdlib_module_names does later', () => {
    for (const version of ['3.8', '3.9', '3.13']) {
      expect(isStdlib('winreg', version)).toBe(true);
      expect(isStdlib('msvcrt', version)).toBe(true);
    }
  });

  it('adds the documented 3.14 modules', () => {
    expect(isStdlib('annotationlib', '3.13')).toBe(false);
    expect(isStdlib('annotationlib', '3.14')).toBe(true);
    expect(isStdlib('compression.zstd', '3.14')).toBe(true);
    expect(isStdlib('_zstd', '3.14')).toBe(true);
  });

  it('never calls a module removed when it was never stdlib', () => {
    expect(removedFromStdlib('requests', '3.13')).toBeUndefined();
    expect(removedFromStdlib('os', '3.13')).toBeUndefined();
  });

  it('maps any version string onto a supported minor', () => {
    expect(toSupportedVersion('3.11.4')).toBe('3.11');
    expect(toSupportedVersion('3.7')).toBe('3.8');
    expect(toSupportedVersion('3.15')).toBe('3.14');
    expect(toSupportedVersion('nonsense')).toBe('3.14');
    expect(isStdlib('tomllib', '3.11.9')).toBe(true);
  });
});

describe('stdlib submodules', () => {
  it('knows the submodules of the recorded versions', async () => {
    const { stdlibHasSubmodule } = await import('../../src/deps/stdlib.js');
    expect(stdlibHasSubmodule('logging.handlers', '3.12')).toBe(true);
    expect(stdlibHasSubmodule('email.mime.text', '3.8')).toBe(true);
    expect(stdlibHasSubmodule('os.path', '3.11')).toBe(true);
    expect(stdlibHasSubmodule('importlib.resources.abc', '3.10')).toBe(false);
    expect(stdlibHasSubmodule('importlib.resources.abc', '3.11')).toBe(true);
    expect(stdlibHasSubmodule('logging.formatters', '3.12')).toBe(false);
    expect(stdlibHasSubmodule('requests.adapters', '3.12')).toBe(false);
  });

  it('does not claim what it has not recorded: 3.14 and test packages', async () => {
    const { stdlibHasSubmodule } = await import('../../src/deps/stdlib.js');
    expect(stdlibHasSubmodule('logging.handlers', '3.14')).toBe(true);
    expect(stdlibHasSubmodule('logging.formatters', '3.14')).toBeUndefined();
    expect(stdlibHasSubmodule('unittest.test.helpers', '3.11')).toBeUndefined();
  });
});
