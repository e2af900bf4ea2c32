import { describe, expect, it } from 'vitest';
import { parse } from 'smol-toml';
import { proposePackageFix } from '../../src/deps/check/propose-package-fix.js';
import type { DeclarationTarget, InstalledSet } from '../../src/deps/installed/installed-set.js';
import type { ImageModel } from '../../src/types.js';

const image = { dockerfile: 'Dockerfile' } as ImageModel;
const target = (kind: DeclarationTarget['kind'], file: string): DeclarationTarget => ({ file, kind, afterLine: 3, installLine: 7 });
const proposed = (distribution: string, kind: DeclarationTarget['kind'], file: string) =>
  proposePackageFix(distribution, { declarations: [] } as unknown as InstalledSet, image, target(kind, file)).text;

describe('the dependency line a finding proposes', () => {
  it('is a line a TOML parser reads as the distribution with its extras, for poetry and Pipfile', () => {
    for (const [kind, file] of [['poetry', 'pyproject.toml'], ['pipfile', 'Pipfile']] as const) {
      const line = proposed('pydantic[email,timezone]', kind, file);
      expect(line).toBe('pydantic = { version = "*", extras = ["email", "timezone"] }');
      expect(parse(line)).toEqual({ pydantic: { version: '*', extras: ['email', 'timezone'] } });
      expect(parse(proposed('db-dtypes', kind, file))).toEqual({ 'db-dtypes': '*' });
    }
  });

  it('keeps extras in the requirement syntax of requirements files and PEP 621 lists', () => {
    expect(proposed('pydantic[email]', 'requirements', 'requirements.txt')).toBe('pydantic[email]');
    expect(proposed('pydantic[email]', 'pep621', 'pyproject.toml')).toBe('    "pydantic[email]",');
  });
});
