import { describe, expect, it } from 'vitest';
import { definesName } from '../../src/analyze/defines-name.js';
import { importTarget, packageOf } from '../../src/analyze/import-targets.js';

describe('definesName', () => {
  it('sees functions, classes, assignments and imports bound in __init__.py', () => {
    expect(definesName('def rules():\n    pass\n', 'rules')).toBe(true);
    expect(definesName('class Rules:\n    pass\n', 'Rules')).toBe(true);
    expect(definesName('rules: dict = {}\n', 'rules')).toBe(true);
    expect(definesName('from .impl import rules\n', 'rules')).toBe(true);
    expect(definesName('def __getattr__(name):\n    ...\n', 'anything')).toBe(true);
    expect(definesName('rules, helpers = load()\n', 'helpers')).toBe(true);
    expect(definesName('with open(p) as rules:\n    pass\n', 'rules')).toBe(true);
    expect(definesName('from .impl import *\n', 'rules')).toBe(true);
  });

  it('does not mistake a mention for a binding', () => {
    expect(definesName('"""Pricing rules live in the rules submodule."""\n', 'rules')).toBe(false);
    expect(definesName('x = rules_cache\n', 'rules')).toBe(false);
    expect(definesName('if rules == 3:\n    pass\n', 'rules')).toBe(false);
  });
});

describe('importTarget', () => {
  const ref = (module: string, level: number, names: string[] = []) => ({ module, level, names, line: 1, guarded: false, dynamic: false });

  it('keeps absolute imports and lists from-import names as possible submodules', () => {
    expect(importTarget(ref('orders.pricing', 0, ['rules', 'Rule']), '')).toEqual({
      module: 'orders.pricing',
      submoduleCandidates: ['orders.pricing.rules', 'orders.pricing.Rule'],
    });
  });

  it('resolves relative imports against the importing package', () => {
    expect(importTarget(ref('', 1, ['x']), 'svc.handlers')?.module).toBe('svc.handlers');
    expect(importTarget(ref('models', 2), 'svc.handlers')?.module).toBe('svc.models');
  });

  it('gives up on relative imports that climb above the top-level package or have no package', () => {
    expect(importTarget(ref('x', 3), 'svc.handlers')).toBeUndefined();
    expect(importTarget(ref('x', 1), '')).toBeUndefined();
  });

  it('knows the package of modules and package __init__ files', () => {
    expect(packageOf('svc.handlers.quote', false)).toBe('svc.handlers');
    expect(packageOf('svc.handlers', true)).toBe('svc.handlers');
    expect(packageOf('main', false)).toBe('');
  });
});
