import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('modules a RUN writes (fixture run-written-modules)', () => {
  it('a first-party module no file provides is a warning naming the RUN that may have written it; one the repository has and the image lacks stays an error', async () => {
    const result = await check({ cwd: makeFixtureRepo('run-written-modules') });
    const findings = result.findings.filter((f) => f.rule === 'missing-copy' || f.rule === 'missing-package');
    expect(findings.map((f) => ({ rule: f.rule, severity: f.severity, file: f.file, line: f.line, module: f.module, assumption: f.assumption }))).toEqual([
      {
        // `echo … > billing/gen/consts.py` under a namespace folder of the package billing: first-party, and written.
        rule: 'missing-copy', severity: 'warning', file: 'services/billing/billing/__main__.py', line: 1, module: 'billing.gen.consts',
        assumption: 'the image may hold it after all: /srv/billing/gen/consts.py comes from RUN echo, which may hold it',
      },
      {
        rule: 'missing-copy', severity: 'warning', file: 'services/billing/billing/__main__.py', line: 2, module: 'billing.version',
        assumption: 'the image may hold it after all: /srv/billing/version.py comes from RUN tee, which may hold it',
      },
      {
        rule: 'missing-copy', severity: 'warning', file: 'services/billing/billing/__main__.py', line: 3, module: 'billing._build_info',
        assumption: 'the image may hold it after all: RUN python scripts/gen_build_info.py (line 9) runs in /srv and may have written it',
      },
      {
        rule: 'missing-copy', severity: 'warning', file: 'services/events/app/main.py', line: 1, module: 'app.gen.events.v1',
        assumption: 'the image may hold it after all: RUN make proto (line 6) runs in /srv and may have written it',
      },
      {
        rule: 'missing-copy', severity: 'warning', file: 'services/ledger/ledger/main.py', line: 1, module: 'ledger.gen.ledger',
        assumption: 'the image may hold it after all: RUN buf generate (line 10) runs in /srv and may have written it',
      },
      // ledger/accounts.py is in the repository, and no COPY brings it: buf generate writes generated code, not it.
      { rule: 'missing-copy', severity: 'error', file: 'services/ledger/ledger/main.py', line: 2, module: 'ledger.accounts', assumption: undefined },
    ]);
  });

  it("protoc's output holds the packages of the protos' folders below their -I root: from payments import charge_pb2 is no missing package", async () => {
    const result = await check({ cwd: makeFixtureRepo('run-written-modules') });
    const payments = result.findings.filter((f) => f.service === 'services/payments/Dockerfile');
    expect(payments.map((f) => [f.rule, f.module])).toEqual([]);
  });
});
