import { describe, expect, it } from 'vitest';
import { pythonVersionOfImage, pythonVersionOfService } from '../../src/deps/python-version.js';
import { NEWEST_PYTHON } from '../../src/deps/stdlib.js';

describe('pythonVersionOfImage', () => {
  it.each([
    ['python:3.11-slim', '3.11'],
    ['python:3.12.4-bookworm', '3.12'],
    ['python:3.8', '3.8'],
    ['python:3.13-alpine3.20', '3.13'],
    ['docker.io/library/python:3.10-slim-bullseye', '3.10'],
    ['mirror.gcr.io/library/python:3.9@sha256:0123abcd', '3.9'],
    ['pypy:3.10', '3.10'],
    ['pypy:3.9-slim', '3.9'],
    ['ghcr.io/astral-sh/uv:python3.12-bookworm-slim', '3.12'],
    ['tiangolo/uvicorn-gunicorn-fastapi:python3.10', '3.10'],
  ])('%s runs Python %s, read from the tag', (image, version) => {
    expect(pythonVersionOfImage(image)).toEqual({ version, source: 'base-image' });
  });

  it.each([
    'registry.example.com:5000/base/python:3.12-slim',
    'public.ecr.aws/lambda/python:3.12',
    'apache/airflow:2.9.1-python3.11',
    'ghcr.io/acme/python:3.9',
  ])('%s is not the official python image: its tag proves no version', (image) => {
    const result = pythonVersionOfImage(image);
    expect(result.source).toBe('default');
    expect(result.version).toBe(NEWEST_PYTHON);
  });

  it('takes the newest Python for python:3 and untagged python images, saying so', () => {
    for (const image of ['python:3-slim', 'python:3', 'python', 'python:latest', 'python:slim-bookworm']) {
      const result = pythonVersionOfImage(image);
      expect(result.version, image).toBe(NEWEST_PYTHON);
      expect(result.source, image).toBe('base-image');
      expect(result.note, image).toMatch(/newest Python 3/);
    }
  });

  it.each([
    ['gcr.io/distroless/python3-debian12', '3.11'],
    ['gcr.io/distroless/python3-debian11:nonroot', '3.9'],
    ['gcr.io/distroless/python3', '3.11'],
    ['debian:bookworm', '3.11'],
    ['debian:bookworm-slim', '3.11'],
    ['debian:12', '3.11'],
    ['debian:bullseye', '3.9'],
    ['ubuntu:22.04', '3.10'],
    ['ubuntu:24.04', '3.12'],
    ['ubuntu:jammy', '3.10'],
    ['alpine:3.19', '3.11'],
    ['alpine:3.20.1', '3.12'],
  ])('%s: the OS python3 is %s, with a note', (image, version) => {
    const result = pythonVersionOfImage(image);
    expect(result.version).toBe(version);
    expect(result.source).toBe('base-image');
    expect(result.note).toContain(`Python ${version}`);
  });

  it('clamps versions outside the supported range and says so', () => {
    const old = pythonVersionOfImage('python:3.7-slim');
    expect(old.version).toBe('3.8');
    expect(old.note).toMatch(/3\.7/);
    expect(pythonVersionOfImage('ubuntu:20.04').version).toBe('3.8');
  });

  it.each([
    [undefined, /unknown/],
    ['', /unknown/],
    ['continuumio/miniconda3', /cannot tell/],
    ['continuumio/miniconda3:24.1.2-0', /cannot tell/],
    ['node:20-slim', /cannot tell/],
    ['python:${PY_VERSION}-slim', /unresolved variable/],
    ['debian:sid', /release/],
  ])('falls back to the newest Python for %s with a note', (image, note) => {
    const result = pythonVersionOfImage(image);
    expect(result.version).toBe(NEWEST_PYTHON);
    expect(result.source).toBe('default');
    expect(result.note).toMatch(note);
  });
});

describe('pythonVersionOfService', () => {
  it('takes the version a command names over the base image (a deadsnakes python3.12 on Ubuntu 22.04)', () => {
    expect(pythonVersionOfService('ubuntu:22.04', ['python3.12'])).toMatchObject({ version: '3.12', source: 'command' });
    expect(pythonVersionOfService('python:3.11-slim', ['/usr/local/bin/python3.13'])).toMatchObject({ version: '3.13', source: 'command' });
  });

  it("keeps the base image's version for an unversioned command", () => {
    expect(pythonVersionOfService('ubuntu:22.04', ['python3'])).toMatchObject({ version: '3.10', source: 'base-image' });
    expect(pythonVersionOfService('python:3.11-slim', ['gunicorn'])).toMatchObject({ version: '3.11', source: 'base-image' });
  });
});

