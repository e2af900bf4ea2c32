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

describe('unseenModuleCause for a third-party name (scope foreign)', () => {
  const causeIn = (dockerfile: string, module: string, sysPath: string[]): string | undefined => {
    const image = model(dockerfile, ['shop/__init__.py']);
    return unseenModuleCause(module, resolveDotted(imageTree(image.files, image.dirs), sysPath, module), sysPath, image, undefined, 'foreign');
  };
  const SITE = '/usr/local/lib/python3.12/site-packages';

  it('counts an external image, a clone and a download where Python looks', () => {
    expect(causeIn('FROM python:3.12-slim\nWORKDIR /srv\nCOPY --from=ghcr.io/acme/stubs:2 /stubs/acme_proto ./acme_proto\n', 'acme_proto', ['/srv', SITE]))
      .toBe('/srv/acme_proto comes from COPY --from=ghcr.io/acme/stubs:2 (external image), which may hold it');
    expect(causeIn('FROM python:3.12-slim\nRUN git clone https://example.com/rules.git /opt/rules\nENV PYTHONPATH=/opt/rules\n', 'pricing_rules', ['/opt/rules', SITE]))
      .toBe('/opt/rules comes from RUN git clone, which may hold it');
  });

  it('does not count content the modelled installs made: a builder stage\'s site-packages, a venv', () => {
    expect(causeIn(DOCKERFILE, 'stripe', ['/app', SITE])).toBeUndefined();
    expect(causeIn('FROM python:3.12-slim\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install flask\n', 'stripe', ['/app', '/opt/venv/lib/python3.12/site-packages'])).toBeUndefined();
  });
});
