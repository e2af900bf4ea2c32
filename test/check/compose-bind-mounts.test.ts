import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('compose bind mounts (fixture compose-bind-mounts)', () => {
  it('checks a service with the repository folders compose mounts into it, a dev target included', async () => {
    const result = await check({ cwd: makeFixtureRepo('compose-bind-mounts') });
    // The node image stays a node image, whatever Python the compose file mounts into it.
    expect(result.services.map((s) => [s.dockerfile, s.status, s.entrypoints])).toEqual([
      ['api/Dockerfile', 'checked', ['/usr/local/app/app.py']],
      ['frontend/Dockerfile', 'skipped', []],
      ['worker/Dockerfile', 'checked', ['/srv/main.py']],
    ]);
    // The worker reaches tasks/cleanup.py through the long-syntax mount; what the mount lacks is still proven missing.
    expect(result.findings.map((f) => ({ code: f.code, severity: f.severity, file: f.file, line: f.line, module: f.module }))).toEqual([
      { code: 'DG001', severity: 'error', file: 'worker/tasks/cleanup.py', line: 1, module: 'tasks.retention' },
    ]);
  });
});

describe('readComposeMounts', () => {
  it('keeps relative bind sources and drops named volumes and absolute host paths', async () => {
    const { parseDocument } = await import('yaml');
    const { readComposeMounts } = await import('../../src/discover/read-compose-mounts.js');
    const doc = parseDocument('- ./src:/app/src:ro\n- data:/var/lib/data\n- /etc/hosts:/etc/hosts\n- type: bind\n  source: ${CODE:-../lib}\n  target: /lib\n- type: volume\n  source: ./x\n  target: /x\n');
    const interpolate = (text: string) => text.replace(/\$\{\w+:-([^}]*)\}/g, '$1');
    expect(readComposeMounts(doc.contents, interpolate)).toEqual([
      { source: './src', target: '/app/src' },
      { source: '../lib', target: '/lib' },
    ]);
  });
});

describe('applyRunMounts', () => {
  it('hides what the image holds under the target; a file the build put at the same place keeps its COPY origin', async () => {
    const { applyRunMounts } = await import('../../src/dockerfile/apply-run-mounts.js');
    const { model } = await import('../dockerfile/model-helpers.js');
    const built = model('FROM python:3.12\nWORKDIR /app\nCOPY svc/ .\nCOPY --from=ghcr.io/acme/tools:1 /tools /app/tools\n', ['svc/a.py', 'svc/old.py']);
    const files = new Set(['svc/a.py', 'svc/new.py', 'README.md']);
    const snapshot = { files, dirs: new Set(['', 'svc']) } as never;
    const image = applyRunMounts(built, [{ repoPath: 'svc' as never, target: '/app' }], snapshot);
    expect([...image.files]).toEqual([
      ['/app/a.py', { repoPath: 'svc/a.py', line: 3 }],
      ['/app/new.py', { repoPath: 'svc/new.py', line: 0, mounted: true }],
    ]);
    expect(image.opaque).toEqual([]);
  });
});
