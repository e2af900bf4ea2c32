import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('unknown content is not absence (fixture unknown-content)', () => {
  it('an entry script or import under content from a RUN (of this or another stage), an external image or an unresolved variable is a warning naming it', async () => {
    const result = await check({ cwd: makeFixtureRepo('unknown-content') });
    const missing = result.findings.filter((f) => f.rule === 'missing-copy' || f.rule === 'missing-package');
    expect(missing.map((f) => ({ severity: f.severity, evidence: f.evidence, file: f.file, line: f.line, module: f.module, assumption: f.assumption }))).toEqual([
      {
        severity: 'warning', evidence: 'assumed', file: 'services/caldav/Dockerfile', line: 15, module: '/app/bin/caldav-server',
        assumption: '/app comes from COPY --from=builder /app/venv, made by a RUN or the base image of stage builder (line 12), whose contents cannot be seen; assumed not to provide it',
      },
      {
        severity: 'warning', evidence: 'assumed', file: 'services/orders-grpc/orders/server.py', line: 5, module: 'orders.gen.orders_pb2',
        assumption: '/srv/orders/gen comes from RUN python -m grpc_tools.protoc (line 10), whose contents cannot be seen; assumed not to provide it',
      },
      {
        severity: 'warning', evidence: 'assumed', file: 'services/orders-grpc/orders/server.py', line: 5, module: 'orders.gen.orders_pb2_grpc',
        assumption: '/srv/orders/gen comes from RUN python -m grpc_tools.protoc (line 10), whose contents cannot be seen; assumed not to provide it',
      },
      {
        severity: 'warning', evidence: 'assumed', file: 'services/orders-grpc/orders/server.py', line: 6, module: 'pricing_rules.engine',
        assumption: '/opt/pricing-rules comes from RUN git clone (line 12), whose contents cannot be seen; assumed not to provide it',
      },
      // `orders` is found at /srv/orders: its submodules cannot come from the clone on PYTHONPATH.
      { severity: 'error', evidence: 'proven', file: 'services/orders-grpc/orders/server.py', line: 8, module: 'orders.pricing', assumption: undefined },
      {
        severity: 'warning', evidence: 'assumed', file: 'services/worker/worker/main.py', line: 3, module: 'acme_proto',
        assumption: '/srv/acme_proto comes from COPY --from=ghcr.io/acme/proto-stubs:2.4 (external image) (line 11), whose contents cannot be seen; assumed not to provide it',
      },
      {
        severity: 'warning', evidence: 'assumed', file: 'services/worker/worker/main.py', line: 5, module: 'worker.settings',
        assumption: '/srv/worker/settings.py comes from COPY ${SETTINGS_FILE} (a variable with no known value) (line 10), whose contents cannot be seen; assumed not to provide it',
      },
    ]);
    expect(result.findings.filter((f) => f.severity === 'error')).toHaveLength(1);
  });
});
