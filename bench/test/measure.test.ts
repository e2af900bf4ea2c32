import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without type declarations
import { runMeasured, summarize } from '../lib/measure.mjs';
// @ts-expect-error plain ESM script without type declarations
import { summarizeFindings } from '../lib/report.mjs';

describe('summarize', () => {
  it('takes the middle value and the nearest-rank p95', () => {
    expect(summarize([5, 1, 3, 2, 4])).toEqual({ median: 3, p95: 5 });
    expect(summarize([10, 20, 30, 40])).toEqual({ median: 25, p95: 40 });
  });
});

describe('runMeasured', () => {
  it('reports the exit code, stdout and a peak RSS that sees a large allocation', async () => {
    const small = await runMeasured(process.execPath, ['-e', 'process.stdout.write("hi"); process.exit(3)'], { cwd: process.cwd() });
    expect(small.code).toBe(3);
    expect(small.stdout).toBe('hi');
    const big = await runMeasured(process.execPath, ['-e', 'Buffer.alloc(200 * 1024 * 1024, 1); setTimeout(() => {}, 100)'], { cwd: process.cwd() });
    expect(big.peakKiB / 1024).toBeGreaterThan(small.peakKiB / 1024 + 150);
    expect(big.wallMs).toBeGreaterThan(90);
    if (existsSync('/usr/bin/time')) expect(big.cpuMs).toBeGreaterThan(0);
  });
});

describe('summarizeFindings', () => {
  const planted = [{ dockerfile: 'services/cart/Dockerfile' }];
  it('collects the services of error findings wherever the JSON holds them, counting warnings apart', () => {
    const stdout = JSON.stringify({
      services: [{ dockerfile: 'services/cart/Dockerfile', status: 'checked' }],
      findings: [
        { code: 'DG001', severity: 'error', service: 'services/cart/Dockerfile', module: 'acme_search.x' },
        { code: 'DG001', severity: 'error', service: 'services/cart/Dockerfile', module: 'acme_search.y' },
        { code: 'DG101', severity: 'warning', service: 'services/media/Dockerfile', module: 'ujson' },
      ],
    });
    expect(summarizeFindings(stdout, planted)).toEqual({
      parsed: true,
      findings: 3,
      errors: 2,
      flaggedServices: ['services/cart/Dockerfile'],
      expectedServices: ['services/cart/Dockerfile'],
    });
  });
  it('says so when the output is not JSON', () => {
    expect(summarizeFindings('boom', planted).parsed).toBe(false);
  });
});
