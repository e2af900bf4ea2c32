import { describe, expect, it } from 'vitest';
import { looksLikePythonImage } from '../../src/launch/looks-like-python-image.js';
import { asImagePath, type ImageModel, type LaunchPlan, type RunRecord } from '../../src/types.js';
import { makeImage, type TestImage } from './make-image.js';

const plan = (programs: string[] = []): LaunchPlan => ({
  program: programs.at(-1),
  programs,
  roots: [],
  sysPath: [],
  sysPathTail: [],
  description: '',
  fallback: programs.length === 0,
  problems: [],
});
const run = (command: string): RunRecord => ({
  line: 5, stage: '0', command, form: 'shell', workdir: asImagePath('/'), env: {}, bindMounts: [],
});
const image = (spec: TestImage): ImageModel => makeImage({ baseImage: 'debian:12-slim', ...spec });

describe('looksLikePythonImage', () => {
  it.each([
    'python:3.12-slim',
    'docker.io/library/python:3.11@sha256:abc',
    'cimg/python:3.12',
    'pypy:3.10',
    'continuumio/miniconda3:24.1.2-0',
    'mambaorg/micromamba:1.5',
    'ghcr.io/astral-sh/uv:python3.12-bookworm-slim',
    'gcr.io/distroless/python3-debian12',
    'mcr.microsoft.com/azure-functions/python:4-python3.11',
  ])('base image %s is Python', (baseImage) => {
    expect(looksLikePythonImage(image({ baseImage }), plan())).toBe(true);
  });

  it('a Python launcher or Python wrapper in the plan', () => {
    expect(looksLikePythonImage(image({}), plan(['tini', 'gunicorn']))).toBe(true);
    expect(looksLikePythonImage(image({}), plan(['ddtrace-run', 'myserver']))).toBe(true);
  });

  it('a RUN that installs or uses Python tooling', () => {
    expect(looksLikePythonImage(image({ runs: [run('apt-get update && apt-get install -y python3-pip')] }), plan())).toBe(true);
    expect(looksLikePythonImage(image({ runs: [run('uv sync --frozen')] }), plan())).toBe(true);
  });

  it('a COPY --from a Python tool image', () => {
    const copies = [{ from: 'ghcr.io/astral-sh/uv:0.5' }] as unknown as ImageModel['copies'];
    expect(looksLikePythonImage(image({ copies }), plan())).toBe(true);
  });

  it('a .py file in the image', () => {
    expect(looksLikePythonImage(image({ files: { '/srv/tool/run.py': '' } }), plan())).toBe(true);
  });

  it('is false for a node or nginx image with no Python anywhere', () => {
    const node = image({ baseImage: 'node:20-alpine', runs: [run('npm ci && npm run build')], files: { '/app/index.js': '' } });
    expect(looksLikePythonImage(node, plan(['node']))).toBe(false);
    expect(looksLikePythonImage(image({ baseImage: 'nginx:1.27', runs: [run('rm -rf /etc/nginx/conf.d/default.conf')] }), plan(['nginx']))).toBe(false);
    expect(looksLikePythonImage(image({ baseImage: 'ghcr.io/acme/pipeline-tools:1', runs: [run('echo uvicorn-less')] }), plan())).toBe(false);
  });
});
