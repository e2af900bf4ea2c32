import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';
import { runCli, withoutTiming } from '../helpers/run-cli.js';

afterAll(removeFixtureRepos);

const BASELINE = [
  '{',
  '  "version": 1,',
  '  "about": "Findings accepted when dockguard was adopted: they do not block commits. Regenerate with: npx dockguard baseline",',
  '  "findings": [',
  '    {"rule":"missing-copy","service":"services/checkout/Dockerfile","file":"shared/money.py","module":"orders.pricing"}',
  '  ]',
  '}',
  '',
].join('\n');

const edit = (root: string, file: string, change: (text: string) => string) => writeFileSync(path.join(root, file), change(readFileSync(path.join(root, file), 'utf8')));

describe('dockguard baseline', () => {
  it('records today’s errors, after which they no longer block, while new ones do', () => {
    const root = makeFixtureRepo('transitive-partial-copy');
    expect(runCli(root, ['baseline'])).toEqual({ status: 0, stdout: 'wrote dockguard-baseline.json: 1 error finding accepted; commit it, and only new errors will block\n', stderr: '' });
    expect(readFileSync(path.join(root, 'dockguard-baseline.json'), 'utf8')).toBe(BASELINE);

    const accepted = runCli(root, ['check']);
    expect(accepted.status).toBe(0);
    expect(withoutTiming(accepted.stdout)).toBe('✔ dockguard: 1 service checked · 0 errors · 0 warnings · 1 baselined · <time>\n');
    expect(runCli(root, ['check', '--verbose']).stdout).toContain('accepted by the baseline (1):\n  DG001 missing-copy  shared/money.py:4  orders.pricing (services/checkout/Dockerfile)\n');

    // Lines added above the old problem: the entry still matches (no line numbers in a baseline).
    edit(root, 'shared/money.py', (text) => text.replace('from decimal import Decimal\n', 'from decimal import Decimal\nimport logging\n\nlog = logging.getLogger(__name__)\n'));
    expect(runCli(root, ['check']).status).toBe(0);

    // A new problem blocks.
    edit(root, 'services/checkout/app.py', (text) => `import yaml\n${text}`);
    const blocked = runCli(root, ['check']);
    expect(blocked.status).toBe(1);
    expect(blocked.stdout).toContain('error DG101 missing-package  services/checkout/app.py:1\n  module yaml is imported but no install provides pyyaml');
    expect(blocked.stdout).not.toContain('shared/money.py:');
  });

  it('reports an entry that no longer matches, so the file shrinks as problems are fixed', () => {
    const root = makeFixtureRepo('transitive-partial-copy');
    runCli(root, ['baseline']);
    edit(root, 'services/checkout/Dockerfile', (text) => text.replace('COPY shared/ shared/', 'COPY shared/ shared/\nCOPY orders/ orders/'));
    const run = runCli(root, ['check']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'note: 1 entry of dockguard-baseline.json no longer matches any finding (fixed?): missing-copy orders.pricing in shared/money.py (services/checkout/Dockerfile); run `npx dockguard baseline` to shrink it\n',
    );
  });

  it('reads --baseline from any path, --output writes elsewhere, and a damaged baseline stops the check with exit 2', () => {
    const root = makeFixtureRepo('transitive-partial-copy');
    expect(runCli(root, ['baseline', '--output', 'accepted.json']).stdout).toMatch(/^wrote accepted.json: 1 error finding accepted/);
    expect(readFileSync(path.join(root, 'accepted.json'), 'utf8')).toBe(BASELINE);
    expect(runCli(root, ['baseline', '--output', '../outside.json'])).toMatchObject({ status: 2, stderr: expect.stringContaining('the baseline must be written inside the repository') });
    expect(runCli(root, ['check', '--baseline', 'accepted.json']).status).toBe(0);
    expect(runCli(root, ['check']).status, 'no baseline at the default path').toBe(1);
    writeFileSync(path.join(root, 'accepted.json'), '{"version": 1, "findings": [{"rule": 3}]}');
    expect(runCli(root, ['check', '--baseline', 'accepted.json'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'dockguard: accepted.json: findings[0] needs string "rule", "service" and "file" (and "module" or "distribution")\n',
    });
  });

  it('--exit-zero reports the errors but exits 0 (report-only CI); --quiet prints errors and the summary only', () => {
    const root = makeFixtureRepo('transitive-partial-copy');
    const run = runCli(root, ['check', '--exit-zero']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('error DG001 missing-copy  shared/money.py:4');
    const quiet = runCli(root, ['check', '--quiet', '--select', 'missing-copy']);
    expect(quiet.status).toBe(1);
    expect(withoutTiming(quiet.stdout).split('\n').filter((l) => !l.startsWith(' '))).toEqual(['error DG001 missing-copy  shared/money.py:4', '', '✖ dockguard: 1 service checked · 1 error · 0 warnings · <time>', '']);
  });

  it('init on a repository that already has errors offers the baseline, saying how many errors it would record', () => {
    const broken = runCli(makeFixtureRepo('transitive-partial-copy'), ['init']);
    expect(broken.status).toBe(0);
    expect(broken.stdout).toContain(
      'This repository already has 1 error finding in 1 service (npx dockguard check lists them).\nTo adopt the hook without fixing them first: npx dockguard baseline records these 1 in dockguard-baseline.json; commit it, and only new errors will block.\n',
    );
    expect(runCli(makeFixtureRepo('multi-stage-correct'), ['init']).stdout).not.toContain('npx dockguard baseline');
  });
});
