import { afterAll, describe, expect, it } from 'vitest';
import { formatGitlab } from '../../src/report/gitlab.js';
import { formatSarif } from '../../src/report/sarif.js';
import { checkFixture } from '../helpers/finding-summary.js';
import { removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('GitLab Code Quality report', () => {
  it('lists each distinct problem with the fields GitLab requires (fixture report-formats)', async () => {
    const result = await checkFixture('report-formats');
    const issues = JSON.parse(formatGitlab(result));
    expect(issues.map(({ fingerprint: _, ...rest }: { fingerprint: string }) => rest)).toEqual([
      {
        description: 'DG101 missing-package: module yaml is imported but no install provides pyyaml (looked at services/api/requirements.txt); fix: add it to services/api/requirements.txt after line 2; in services/api/Dockerfile',
        check_name: 'DG101',
        severity: 'critical',
        location: { path: 'services/api/app.py', lines: { begin: 1 } },
      },
      {
        description: 'DG001 missing-copy: module shared.events (shared/events/) is imported but not copied into the image; in 2 services: services/api/Dockerfile, services/worker/Dockerfile',
        check_name: 'DG001',
        severity: 'critical',
        location: { path: 'shared/audit.py', lines: { begin: 3 } },
      },
      {
        description: 'DG004 unmodelled-source: COPY --from=ghcr.io/acme/proto-stubs:2.4 copies from an external image whose files cannot be seen',
        check_name: 'DG004',
        severity: 'minor',
        location: { path: 'services/worker/Dockerfile', lines: { begin: 10 } },
      },
      {
        description:
          'DG001 missing-copy: module acme_proto (acme_proto/) is imported but not copied into the image (assumed: the image may hold it after all: /srv/acme_proto comes from COPY --from=ghcr.io/acme/proto-stubs:2.4 (external image), which may hold it); in services/worker/Dockerfile',
        check_name: 'DG001',
        severity: 'minor',
        location: { path: 'services/worker/worker/main.py', lines: { begin: 3 } },
      },
    ]);
    // The same identity as in SARIF, so both tell new problems from old alike.
    const sarif = JSON.parse(formatSarif(result, { version: '0' })).runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['dockguard/v1']);
    expect(issues.map((i: { fingerprint: string }) => i.fingerprint)).toEqual(sarif);
  });

  it('is an empty array for a clean repository', async () => {
    expect(formatGitlab(await checkFixture('multi-stage-correct'))).toBe('[]\n');
  });
});
