import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('unknown content is not absence (fixture unknown-content)', () => {
  it('an entry script or import under content from a RUN (of this or another stage, a code generator\'s output), an external image or an unresolved variable is a warning naming it', async () => {
    const result = await check({ cwd: makeFixtureRepo('unknown-content') });
    const missing = result.findings.filter((f) => f.rule === 'missing-copy');
    expect(missing.map((f) => ({ severity: f.severity, evidence: f.evidence, file: f.file, line: f.line, module: f.module, assumption: f.assumption }))).toEqual([
      {
        severity: 'warning', evidence: 'assumed', file: 'services/caldav/Dockerfile', line: 15, module: '/app/bin/caldav-server',
        assumption: 'the image may hold it after all: /app comes from /app/venv in stage builder is not made by a COPY (RUN output or base image), which may hold it',
      },
      {
        // A code generator's --output: the module it names is unseen content, not a module deleted or renamed.
        severity: 'warning', evidence: 'assumed', file: 'services/catalog-api/catalog/app.py', line: 3, module: 'catalog.models',
        assumption: 'the image may hold it after all: /srv/catalog/models.py comes from RUN datamodel-codegen, which may hold it',
      },
      {
        // protoc writes inventory_pb2.py beside the server: a generated module, not a third-party one.
        severity: 'warning', evidence: 'assumed', file: 'services/inventory-grpc/server.py', line: 4, module: 'inventory_pb2',
        assumption: 'the image may hold it after all: /srv comes from RUN python -m grpc_tools.protoc, which may hold it',
      },
      {
        severity: 'warning', evidence: 'assumed', file: 'services/orders-grpc/orders/server.py', line: 5, module: 'orders.gen.orders_pb2',
        assumption: 'the image may hold it after all: /srv/orders/gen comes from RUN python -m grpc_tools.protoc, which may hold it',
      },
      {
        severity: 'warning', evidence: 'assumed', file: 'services/orders-grpc/orders/server.py', line: 5, module: 'orders.gen.orders_pb2_grpc',
        assumption: 'the image may hold it after all: /srv/orders/gen comes from RUN python -m grpc_tools.protoc, which may hold it',
      },
      // `orders` is found at /srv/orders: its submodules cannot come from the clone on PYTHONPATH.
      { severity: 'error', evidence: 'proven', file: 'services/orders-grpc/orders/server.py', line: 8, module: 'orders.pricing', assumption: undefined },
      {
        // `setup.py build_ext --inplace` compiles scoring/fastpath.pyx into the extension module beside it.
        severity: 'warning', evidence: 'assumed', file: 'services/scoring/scoring/__init__.py', line: 1, module: 'scoring.fastpath',
        assumption: 'the image may hold it after all: /app/scoring/fastpath comes from RUN python setup.py build_ext (builds scoring/fastpath.pyx in place), which may hold it',
      },
      // No source of scoring.weights exists, compiled or not.
      { severity: 'error', evidence: 'proven', file: 'services/scoring/scoring/__init__.py', line: 2, module: 'scoring.weights', assumption: undefined },
      {
        severity: 'warning', evidence: 'assumed', file: 'services/worker/worker/main.py', line: 3, module: 'acme_proto',
        assumption: 'the image may hold it after all: /srv/acme_proto comes from COPY --from=ghcr.io/acme/proto-stubs:2.4 (external image), which may hold it',
      },
      {
        severity: 'warning', evidence: 'assumed', file: 'services/worker/worker/main.py', line: 5, module: 'worker.settings',
        assumption: 'the image may hold it after all: /srv/worker/settings.py comes from COPY ${SETTINGS_FILE} (a variable with no known value), which may hold it',
      },
    ]);
    expect(result.findings.filter((f) => f.severity === 'error' && f.rule === 'missing-copy')).toHaveLength(2);
  });

  it('an import no install provides is only assumed missing when unseen content where Python looks first may hold it', async () => {
    const result = await check({ cwd: makeFixtureRepo('unknown-content') });
    // pricing_rules is in no repository folder: a third-party name, but /opt/pricing-rules (a RUN git clone on PYTHONPATH) may be it.
    const missing = result.findings.filter((f) => f.rule === 'missing-package');
    expect(missing.map((f) => ({ severity: f.severity, evidence: f.evidence, file: f.file, line: f.line, module: f.module, assumption: f.assumption }))).toEqual([
      // Generated stubs beside it change nothing for a third-party import no install provides.
      { severity: 'error', evidence: 'proven', file: 'services/inventory-grpc/server.py', line: 5, module: 'redis', assumption: undefined },
      {
        severity: 'warning', evidence: 'assumed', file: 'services/orders-grpc/orders/server.py', line: 6, module: 'pricing_rules.engine',
        assumption: 'the image may hold it after all: /opt/pricing-rules comes from RUN git clone, which may hold it',
      },
    ]);
  });
});
