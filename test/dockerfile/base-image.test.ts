import { describe, expect, it } from 'vitest';
import { describeBaseImage, parseImageReference } from '../../src/dockerfile/base-image.js';
import { aptProvides } from '../../src/deps/check/apt-closure.js';

const known = (reference: string) => {
  const base = describeBaseImage(reference);
  if (base.kind !== 'known') throw new Error(`${reference} should be known: ${base.why}`);
  return base;
};

describe('parseImageReference', () => {
  it('drops Docker Hub, its mirrors, library/ and the digest', () => {
    expect(parseImageReference('docker.io/library/python:3.13-slim@sha256:b04b')).toEqual({ repository: 'python', tag: '3.13-slim' });
    expect(parseImageReference('mirror.gcr.io/library/python:3.9')).toEqual({ repository: 'python', tag: '3.9' });
    expect(parseImageReference('public.ecr.aws/docker/library/python:3.12-alpine')).toEqual({ repository: 'python', tag: '3.12-alpine' });
    expect(parseImageReference('ghcr.io/astral-sh/uv')).toEqual({ repository: 'ghcr.io/astral-sh/uv', tag: 'latest' });
    expect(parseImageReference('registry.example.com:5000/base/python:3.12').repository).toBe('registry.example.com:5000/base/python');
  });
});

describe('describeBaseImage', () => {
  it('tells the official python full, slim and alpine images apart', () => {
    expect(known('python:3.12').ids).toEqual(['python-full']);
    expect(known('python:3.11-bookworm').ids).toEqual(['python-full']);
    expect(known('python:3.12-slim-bookworm').ids).toEqual(['python-slim']);
    expect(known('docker.io/library/python:3.13-slim@sha256:b04b').ids).toEqual(['python-slim']);
    expect(known('python:3.12-alpine3.20').family).toBe('alpine');
    expect(known('python:3.12-slim').systemPackages).not.toContain('gcc');
    expect(known('python:3.12').systemPackages).toEqual(expect.arrayContaining(['gcc', 'libpq-dev', 'default-libmysqlclient-dev', 'file']));
    expect(known('python:3.12').programs.pip).toBe('/usr/local/bin/pip');
  });

  it('knows which Python distributions the official images ship: pip, and setuptools and wheel up to Python 3.12.5', () => {
    expect(known('python:3.11-slim').distributions).toEqual(['pip', 'setuptools', 'wheel']);
    expect(known('python:3.8').distributions).toEqual(['pip', 'setuptools', 'wheel']);
    expect(known('python:3.11.9-alpine3.20').distributions).toEqual(['pip', 'setuptools', 'wheel']);
    // Tags of 3.12 patch releases built before docker-library/python#954 keep them; the 3.12 tag follows its newest patch.
    expect(known('python:3.12.4-slim-bookworm').distributions).toEqual(['pip', 'setuptools', 'wheel']);
    expect(known('python:3.12.5').distributions).toEqual(['pip', 'setuptools', 'wheel']);
    expect(known('python:3.12.6').distributions).toEqual(['pip']);
    expect(known('python:3.12-slim').distributions).toEqual(['pip']);
    expect(known('python:3-slim').distributions).toEqual(['pip']);
    expect(known('python:slim').distributions).toEqual(['pip']);
    expect(known('python:latest').distributions).toEqual(['pip']);
    expect(known('python:3.13-alpine').distributions).toEqual(['pip']);
    // An image built on the official one inherits what it ships.
    expect(known('ghcr.io/astral-sh/uv:python3.11-bookworm-slim').distributions).toEqual(['pip', 'setuptools', 'wheel']);
    expect(known('debian:bookworm-slim').distributions).toEqual([]);
  });

  it('knows the uv images: /uv and /uvx alone, or on a python or Debian image', () => {
    expect(known('ghcr.io/astral-sh/uv:0.5.4').programs).toEqual({ uv: '/uv', uvx: '/uvx' });
    const onPython = known('ghcr.io/astral-sh/uv:python3.12-bookworm-slim');
    expect(onPython.ids).toEqual(['uv-python', 'python-slim']);
    expect(onPython.pythonImage).toBe('python:3.12-slim-bookworm');
    expect(onPython.programs.uv).toBe('/usr/local/bin/uv');
    expect(known('ghcr.io/astral-sh/uv:bookworm-slim').ids).toEqual(['uv-debian', 'debian']);
  });

  it("knows the locust image's program and distribution", () => {
    const locust = known('docker.io/locustio/locust:2.44.1');
    expect(locust.programs.locust).toBe('/opt/venv/bin/locust');
    expect(locust.distributions).toEqual(['locust']);
  });

  it('models an image it does not know as unknown, never as empty', () => {
    expect(describeBaseImage('ghcr.io/acme/ml-base:2024.10')).toMatchObject({ kind: 'unknown', reference: 'ghcr.io/acme/ml-base:2024.10' });
    expect(describeBaseImage('registry.example.com/base/python:3.12').kind).toBe('unknown');
    expect(describeBaseImage(undefined).kind).toBe('unknown');
    expect(describeBaseImage('${BASE}').kind).toBe('unknown');
  });
});

describe('aptProvides', () => {
  it('counts a library that an installed package depends on (Debian bookworm data)', () => {
    expect(aptProvides(new Set(['file']), 'libmagic1')).toBe(true);
    expect(aptProvides(new Set(['gcc']), 'libgomp1')).toBe(true);
    expect(aptProvides(new Set(['libpq-dev']), 'libpq5')).toBe(true);
    expect(aptProvides(new Set(['curl', 'zip']), 'libmagic1')).toBe(false);
  });
});
