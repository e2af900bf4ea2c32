import { describe, expect, it } from 'vitest';
import { decodeBoundNames, encodeBoundNames } from '../../src/cache/bound-names-codec.js';
import { readBoundNames } from '../../src/python/bound-names.js';

describe('bound-names codec', () => {
  it('gives back exactly what was read', () => {
    const bound = readBoundNames('from .base import (\n    db,\n)\nfrom .models import *\ndef __getattr__(name):\n    pass\n');
    expect(decodeBoundNames(JSON.parse(JSON.stringify(encodeBoundNames(bound))))).toEqual(bound);
  });

  it('turns anything of another shape into a cache miss', () => {
    expect(decodeBoundNames([['db'], [], true])).toBeUndefined();
    expect(decodeBoundNames([['db'], [['models']], 0])).toBeUndefined();
    expect(decodeBoundNames(null)).toBeUndefined();
  });
});
