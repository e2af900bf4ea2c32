import { describe, expect, it } from 'vitest';
import { imageTree, resolveDotted } from '../../src/python/module-finder.js';

/** A tree from a list of image files; directories are derived from them. */
function tree(files: string[]) {
  const dirs = new Set<string>(['/']);
  for (const f of files) {
    const parts = f.split('/');
    for (let i = 2; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return imageTree(new Set(files), dirs);
}

describe('resolveDotted (Python path finder semantics)', () => {
  it('finds a regular package and runs every __init__.py on the way', () => {
    const t = tree(['/app/orders/__init__.py', '/app/orders/pricing/__init__.py', '/app/orders/pricing/rules.py']);
    const r = resolveDotted(t, ['/app'], 'orders.pricing.rules');
    expect(r.found && r.module.executed).toEqual([
      { file: '/app/orders/__init__.py', module: 'orders' },
      { file: '/app/orders/pricing/__init__.py', module: 'orders.pricing' },
      { file: '/app/orders/pricing/rules.py', module: 'orders.pricing.rules' },
    ]);
  });

  it('resolves namespace packages (no __init__.py) across several sys.path entries', () => {
    const t = tree(['/a/ns/x.py', '/b/ns/y.py']);
    expect(resolveDotted(t, ['/a', '/b'], 'ns.y').found).toBe(true);
    expect(resolveDotted(t, ['/a', '/b'], 'ns.x').found).toBe(true);
  });

  it('lets a regular package on a later entry hide namespace portions of an earlier one', () => {
    const t = tree(['/d1/a/x.py', '/d2/a/__init__.py']);
    const r = resolveDotted(t, ['/d1', '/d2'], 'a.x');
    expect(r.found).toBe(false);
    expect(!r.found && r.resolved).toBe(1);
  });

  it('prefers a module file in a later entry over a bare directory in an earlier one', () => {
    const t = tree(['/d1/util/readme.txt', '/d2/util.py']);
    const r = resolveDotted(t, ['/d1', '/d2'], 'util');
    expect(r.found && r.module.file).toBe('/d2/util.py');
  });

  it('fails on a submodule of a plain module', () => {
    const t = tree(['/app/config.py']);
    expect(resolveDotted(t, ['/app'], 'config.sub').found).toBe(false);
  });

  it('reports how far resolution got before failing', () => {
    const t = tree(['/app/orders/__init__.py', '/app/orders/models.py']);
    const r = resolveDotted(t, ['/app'], 'orders.pricing.rules');
    expect(r.found).toBe(false);
    expect(!r.found && r.resolved).toBe(1);
  });
});
