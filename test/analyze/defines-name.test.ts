import { describe, expect, it } from 'vitest';
import { readBoundNames } from '../../src/python/bound-names.js';
import { importTarget, packageOf, submoduleCandidates } from '../../src/analyze/import-targets.js';

const binds = (source: string, name: string): boolean => {
  const bound = readBoundNames(source);
  return bound.isOpaque || bound.names.has(name);
};

describe('readBoundNames', () => {
  it('sees functions, classes, assignments and imports bound in __init__.py', () => {
    expect(binds('def rules():\n    pass\n', 'rules')).toBe(true);
    expect(binds('class Rules:\n    pass\n', 'Rules')).toBe(true);
    expect(binds('rules: dict = {}\n', 'rules')).toBe(true);
    expect(binds('from .impl import rules\n', 'rules')).toBe(true);
    expect(binds('def __getattr__(name):\n    ...\n', 'anything')).toBe(true);
    expect(binds('rules, helpers = load()\n', 'helpers')).toBe(true);
    expect(binds('with open(p) as rules:\n    pass\n', 'rules')).toBe(true);
  });

  it('reads a parenthesised from-import spread over many lines, with aliases and comments', () => {
    const source = 'from .base import (  # the models\n    Column,\n    db,\n    key_type as kt,\n)\n';
    expect([...readBoundNames(source).names]).toEqual(['Column', 'db', 'kt']);
  });

  it('sees bindings under if, try and with, global declarations, and names promised by __all__', () => {
    const source = [
      'try:',
      '    from ._speedups import render',
      'except ImportError:',
      '    from ._pure import render_slow as render',
      'if settings.DEBUG:',
      '    from .debug import toolbar',
      'else:',
      '    toolbar = None',
      'def setup():',
      '    global registry',
      '    registry = {}',
      '    local_only = 1',
      '__all__ = ["render", "exported_later"]',
      '',
    ].join('\n');
    const { names } = readBoundNames(source);
    for (const name of ['render', 'toolbar', 'registry', 'setup', 'exported_later']) expect(names.has(name)).toBe(true);
    expect(names.has('local_only')).toBe(false);
  });

  it('lists star imports to follow, and marks bindings it cannot read as opaque', () => {
    expect(readBoundNames('from .models import *\n').starImports).toEqual([{ module: 'models', level: 1, names: ['*'] }]);
    expect(readBoundNames('globals().update(load())\n').isOpaque).toBe(true);
    expect(readBoundNames('def __getattr__(name):\n    return 1\n').isOpaque).toBe(true);
    expect(readBoundNames('class Lazy:\n    def __getattr__(self, name):\n        return 1\n').isOpaque).toBe(false);
  });

  it('does not mistake a mention for a binding', () => {
    expect(binds('"""Pricing rules live in the rules submodule."""\n', 'rules')).toBe(false);
    expect(binds('x = rules_cache\n', 'rules')).toBe(false);
    expect(binds('if rules == 3:\n    pass\n', 'rules')).toBe(false);
    expect(binds('settings.rules = 3\nitems[rules] = 1\n', 'rules')).toBe(false);
    expect(binds('values = [rules for rules in range(3)]\n', 'rules')).toBe(false);
  });
});

describe('importTarget', () => {
  const ref = (module: string, level: number, names: string[] = []) => ({ module, level, names, line: 1, guarded: false, dynamic: false });

  it('keeps absolute imports and lists from-import names as possible submodules', () => {
    const imported = ref('orders.pricing', 0, ['rules', 'Rule']);
    const target = importTarget(imported, '');
    expect(target).toEqual({ module: 'orders.pricing' });
    expect(submoduleCandidates(target!, imported)).toEqual(['orders.pricing.rules', 'orders.pricing.Rule']);
    // A star import names no submodule; a relative one's candidates are absolute.
    const relative = ref('', 1, ['models', '*']);
    expect(submoduleCandidates(importTarget(relative, 'svc.handlers')!, relative)).toEqual(['svc.handlers.models']);
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
