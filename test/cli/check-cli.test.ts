import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';
import { runCli, withoutTiming } from '../helpers/run-cli.js';

afterAll(removeFixtureRepos);

describe('dockguard check (built CLI)', () => {
  it('blocks a missing COPY with exit 1 and prints the finding, chain and fix', () => {
    const repo = makeFixtureRepo('transitive-partial-copy');
    const run = runCli(repo, ['check']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(withoutTiming(run.stdout)).toBe(
      [
        'error DG001 missing-copy  shared/money.py:4',
        '  module orders.pricing (orders/pricing/) is imported but not copied into the image',
        '  in services/checkout/Dockerfile',
        '  import chain:',
        '    services/checkout/Dockerfile:16       starts app',
        '    services/checkout/app.py:4            imports handlers.cart',
        '    services/checkout/handlers/cart.py:4  imports shared.money',
        '    shared/money.py:4                     imports orders.pricing',
        "  fix: add after line 13 of services/checkout/Dockerfile (the last COPY of the image's stage)",
        '    COPY orders/pricing/ ./orders/pricing/',
        '',
        '✖ dockguard: 1 service checked · 1 error · 0 warnings · <time>',
        '',
      ].join('\n'),
    );
  });

  it('exits 0 on a correct repository and says what it checked', () => {
    const run = runCli(makeFixtureRepo('multi-stage-correct'), ['check']);
    expect(run.status).toBe(0);
    expect(withoutTiming(run.stdout)).toBe('✔ dockguard: 1 service checked · 0 errors · 0 warnings · <time>\n');
  });

  it('prints exactly one JSON document with --format json', () => {
    const run = runCli(makeFixtureRepo('flat-layout'), ['check', '--format', 'json']);
    expect(run.status).toBe(1);
    const doc = JSON.parse(run.stdout);
    expect(doc.version).toBe(1);
    expect(doc.services).toEqual([
      expect.objectContaining({ dockerfile: 'svc/Dockerfile', context: 'svc', contextSource: 'inferred', status: 'checked', entrypoints: ['/app/main.py'] }),
    ]);
    expect(doc.findings).toEqual([
      expect.objectContaining({
        code: 'DG001',
        rule: 'missing-copy',
        severity: 'error',
        service: 'svc/Dockerfile',
        file: 'svc/main.py',
        line: 4,
        module: 'helper',
        fix: expect.objectContaining({ text: 'COPY helper.py ./', line: 5, file: 'svc/Dockerfile' }),
      }),
    ]);
    expect(doc.summary).toMatchObject({ errors: 1, warnings: 0, servicesChecked: 1 });
  });

  it('checks only the services a path affects', () => {
    const repo = makeFixtureRepo('service-kinds');
    const run = runCli(repo, ['check', '--format', 'json', 'tools/cli.py']);
    const doc = JSON.parse(run.stdout);
    expect(doc.services.map((s: { dockerfile: string }) => s.dockerfile)).toEqual(['tools/Dockerfile']);
    expect(doc.summary.servicesUnaffected).toBe(2);
  });

  it('exits 2 with one clear line outside a git repository', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dockguard-nogit-'));
    try {
      const run = runCli(dir, ['check']);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^dockguard: not a git repository: .*\n {2}hint: run dockguard inside a git repository/);
      expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with one line when work nobody awaits fails, not 1 as if it had found something', () => {
    // The preload fails a detached promise as soon as the CLI can hear of it.
    const dir = mkdtempSync(path.join(tmpdir(), 'dockguard-preload-'));
    try {
      const preload = path.join(dir, 'fail-detached.mjs');
      writeFileSync(
        preload,
        "process.on('newListener', (event) => { if (event === 'unhandledRejection') setImmediate(() => Promise.reject(new Error('detached work failed'))); });\n",
      );
      const run = runCli(makeFixtureRepo('transitive-partial-copy'), ['check'], { NODE_OPTIONS: `--import ${pathToFileURL(preload).href}` });
      expect(run.status).toBe(2);
      expect(run.stderr).toBe('dockguard: internal error: detached work failed (this is a bug in dockguard; set DOCKGUARD_DEBUG=1 for details and report it)\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 naming the key path of a bad config', () => {
    const repo = makeFixtureRepo('flat-layout');
    writeFileSync(path.join(repo, 'dockguard.config.json'), JSON.stringify({ services: [{ dockerfile: 'svc/Dockerfile', context: 3 }], colour: true }));
    const run = runCli(repo, ['check']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('dockguard.config.json');
    expect(run.stderr).toContain('services[0].context');
    expect(run.stderr).toContain('colour');
  });

  it('exits 2 for a path that is not in the repository', () => {
    const run = runCli(makeFixtureRepo('flat-layout'), ['check', 'svc/nope.py']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^dockguard: svc\/nope\.py: no such file or folder/);
  });

  it('reports an undecodable Python file by name instead of crashing', () => {
    const repo = makeFixtureRepo('flat-layout');
    writeFileSync(path.join(repo, 'svc', 'config.py'), Buffer.from([0x73, 0x3d, 0x22, 0xff, 0xfe, 0x22, 0x0a]));
    const run = runCli(repo, ['check', '--format', 'json']);
    expect(run.status).toBe(1);
    const doc = JSON.parse(run.stdout);
    expect(doc.findings).toContainEqual(expect.objectContaining({ code: 'DG007', rule: 'file-unreadable', file: 'svc/config.py' }));
  });

  it('lists the rules in --help', () => {
    const run = runCli(process.cwd(), ['check', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('DG001  missing-copy');
    expect(run.stdout).toContain('Exit codes: 0 no errors, 1 errors found, 2 dockguard could not run.');
  });
});

describe('dockguard check --verbose', () => {
  it('explains the Python version, the installs read and how each import was matched', () => {
    const run = runCli(makeFixtureRepo('deps-check-renamed-imports'), ['check', '--verbose']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('  python 3.11 (from the base image)\n');
    expect(run.stdout).toContain('  installs line 5 pip: services/media-api/requirements.txt\n');
    expect(run.stdout).toContain('  import PIL → pillow (bundled) installed\n');
    expect(run.stdout).toContain('  import google.cloud.storage → google-cloud-storage (bundled) installed\n');
  });

  it('adds the same details to the JSON services', () => {
    const run = runCli(makeFixtureRepo('deps-check-renamed-imports'), ['check', '--verbose', '--format', 'json']);
    const [service] = JSON.parse(run.stdout).services;
    expect(service.details.imports).toContainEqual({ module: 'yaml', distribution: 'pyyaml', source: 'bundled', installed: true });
  });
});
