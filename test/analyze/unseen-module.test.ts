import { describe, expect, it } from 'vitest';
import { unseenModuleCause } from '../../src/analyze/unseen-module.js';
import { imageTree, resolveDotted } from '../../src/python/module-finder.js';
import { model } from '../dockerfile/model-helpers.js';

const DOCKERFILE = 'FROM python:3.12-slim AS builder\nRUN pip install --target=/deps requests\nFROM python:3.12-slim\nWORKDIR /app\nCOPY --from=builder /deps /usr/local/lib/python3.12/site-packages\nCOPY shop ./shop\n';

function cause(module: string): string | undefined {
  const image = model(DOCKERFILE, ['shop/__init__.py', 'shop/cart.py']);
  const sysPath = ['/app', '/usr/local/lib/python3.12/site-packages'];
  const resolution = resolveDotted(imageTree(image.files, image.dirs), sysPath, module);
  return unseenModuleCause(module, resolution, sysPath, image, undefined);
}

describe('unseenModuleCause', () => {
  it('lets content nobody can see hold a top-level module on sys.path', () => {
    expect(cause('stripe')).toBe('/usr/local/lib/python3.12/site-packages comes from /deps in stage builder is not made by a COPY (RUN output or base image), which may hold it');
  });
  it('looks for a submodule of a package that resolved only in that package folder', () => {
    expect(cause('shop.checkout')).toBeUndefined();
  });
});
