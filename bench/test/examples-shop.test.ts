import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT, expectedFindings, runAstScript } from './helpers.js';

const SHOP = path.join(REPO_ROOT, 'examples', 'shop');
const CLI = path.join(REPO_ROOT, 'dist', 'bundle', 'cli.js');

describe('examples/shop', () => {
  it('builds both services from examples/shop in docker-compose.yml', () => {
    const compose = parse(readFileSync(path.join(SHOP, 'docker-compose.yml'), 'utf8'));
    expect(compose.services.checkout.build).toEqual({ context: '.', dockerfile: 'services/checkout/Dockerfile' });
    expect(compose.services.catalog.build).toEqual({ context: '.', dockerfile: 'services/catalog/Dockerfile' });
  });

  it('is valid Python', () => {
    expect(runAstScript(SHOP)).toMatch(/errors 0/);
  });

  it('has exactly one planted bug: checkout lacks orders.pricing; catalog is clean', () => {
    const services = Object.fromEntries(expectedFindings(SHOP).map((s) => [s.dockerfile, s]));
    expect(services['services/checkout/Dockerfile']).toMatchObject({
      entry: 'app',
      missing: [{ file: 'services/checkout/handlers/quote.py', line: 10, module: 'orders.pricing' }],
      missing_distributions: [],
    });
    expect(services['services/catalog/Dockerfile']).toMatchObject({ entry: 'main', missing: [], missing_distributions: [] });
  });

  it('is reported by the built CLI with that one finding', () => {
    const run = spawnSync(process.execPath, [CLI, 'check', 'examples/shop', '--format', 'json'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.status).toBe(1);
    const findings = JSON.parse(run.stdout).findings as Array<Record<string, unknown>>;
    expect(findings.map((f) => [f.code, f.service, f.file, f.line, f.module])).toEqual([
      ['DG001', 'examples/shop/services/checkout/Dockerfile', 'examples/shop/services/checkout/handlers/quote.py', 10, 'orders.pricing'],
    ]);
    expect(execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: SHOP, encoding: 'utf8' }).trim()).toBe(REPO_ROOT);
  });
});
