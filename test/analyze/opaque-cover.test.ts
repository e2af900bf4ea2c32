import { describe, expect, it } from 'vitest';
import { findOpaqueCover, findOpaqueModuleCover } from '../../src/analyze/opaque-cover.js';
import type { ImageModel, ImagePath } from '../../src/types.js';

const entry = (path: string, line = 3): ImageModel['opaque'][number] => ({ path: path as ImagePath, line, reason: 'RUN x' });

describe('opaque content that could hold a path or module', () => {
  it('covers paths inside it and modules whose file or folder it is, not files that merely share a prefix', () => {
    const opaque = [entry('/app/gen'), entry('/app/fast.cpython-312-x86_64-linux-gnu.so'), entry('/app/notes.txt')];
    expect(findOpaqueCover(opaque, '/app/gen/a_pb2.py')).toBe(opaque[0]);
    const sysPath = ['/app' as ImagePath];
    expect(findOpaqueModuleCover(opaque, sysPath, ['gen', 'a_pb2'])).toBe(opaque[0]);
    expect(findOpaqueModuleCover(opaque, sysPath, ['fast'])).toBe(opaque[1]);
    expect(findOpaqueModuleCover(opaque, sysPath, ['notes'])).toBeUndefined();
    expect(findOpaqueModuleCover(opaque, sysPath, ['other'])).toBeUndefined();
    expect(findOpaqueModuleCover([entry('/app/pkg/mod.py')], sysPath, ['pkg'])).toBeDefined();
  });

  it('takes the latest entry when several cover', () => {
    const opaque = [entry('/', 2), entry('/app', 7)];
    expect(findOpaqueCover(opaque, '/app/x.py')?.line).toBe(7);
  });
});
