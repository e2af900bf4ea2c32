import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

/**
 * The fixture with its two submodules registered as gitlinks (not checked
 * out, as in a fresh clone without --recursive); committed, or staged as the
 * first commit so that --staged checks everything.
 */
function submoduleRepo(commit: boolean): string {
  const dir = makeFixtureRepo('submodule-copy', { commit: false });
  git(dir, 'update-index', '--add', '--cacheinfo', '160000,1111111111111111111111111111111111111111,vendor/payments-sdk');
  git(dir, 'update-index', '--add', '--cacheinfo', '160000,2222222222222222222222222222222222222222,services/billing/proto');
  if (commit) git(dir, 'commit', '-q', '-m', 'fixture');
  return dir;
}

describe('submodule-copy: COPY from a git submodule', () => {
  for (const staged of [false, true]) {
    it(`takes the submodule as present with unseen contents${staged ? ' (--staged)' : ''}`, async () => {
      const result = await check({ cwd: submoduleRepo(!staged), staged });
      expect(result.findings.map((f) => [f.rule, f.severity, f.file, f.line, f.module ?? ''])).toEqual([
        ['unmodelled-source', 'warning', 'services/billing/Dockerfile', 5, ''],
        ['missing-copy', 'warning', 'services/billing/billing/server.py', 1, 'payments_sdk.client'],
        ['missing-copy', 'warning', 'services/billing/billing/server.py', 2, 'proto.billing_pb2'],
      ]);
      expect(result.findings.map((f) => f.assumption ?? f.message)).toEqual([
        'COPY source "vendor/payments-sdk/payments_sdk" is not in the repository but exists when the image is built (in git submodule vendor/payments-sdk, whose files are not in this repository); what it puts in the image cannot be seen',
        'the image may hold it after all: /app/payments_sdk comes from COPY vendor/payments-sdk/payments_sdk (in git submodule vendor/payments-sdk, whose files are not in this repository), which may hold it',
        'the image may hold it after all: services/billing/proto/billing_pb2.py may exist when the image is built (in git submodule services/billing/proto, whose files are not in this repository), and its folder is copied whole',
      ]);
      expect(result.notes.filter((n) => n.startsWith('submodules are not checked: '))).toHaveLength(1);
    });
  }
});
