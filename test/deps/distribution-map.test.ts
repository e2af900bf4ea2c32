import { describe, expect, it } from 'vitest';
import { createDistributionMap } from '../../src/deps/distribution-map.js';
import type { VenvIndex } from '../../src/deps/venv-metadata.js';

const bundled = createDistributionMap();
const names = (module: string, map = bundled) => map.candidatesFor(module).map((c) => c.distribution);

describe('bundled import → distribution table', () => {
  it.each([
    ['yaml', ['pyyaml']],
    ['dateutil.parser', ['python-dateutil']],
    ['dotenv', ['python-dotenv']],
    ['jwt', ['pyjwt']],
    ['attr', ['attrs']],
    ['PIL.Image', ['pillow', 'pillow-simd']],
    ['bs4', ['beautifulsoup4']],
    ['sklearn.linear_model', ['scikit-learn']],
    ['cv2', ['opencv-python', 'opencv-python-headless', 'opencv-contrib-python', 'opencv-contrib-python-headless']],
    ['psycopg2.extras', ['psycopg2', 'psycopg2-binary']],
    ['MySQLdb', ['mysqlclient', 'mysql-python']],
    ['mysql.connector', ['mysql-connector-python']],
    ['bson', ['pymongo']],
    ['pkg_resources', ['setuptools']],
    ['distutils.core', ['setuptools']],
    ['rest_framework.views', ['djangorestframework']],
    ['google.protobuf.json_format', ['protobuf']],
    ['google.auth.transport.requests', ['google-auth']],
    ['google.oauth2.service_account', ['google-auth']],
    ['googleapiclient.discovery', ['google-api-python-client']],
    ['grpc', ['grpcio']],
    ['snowflake.connector', ['snowflake-connector-python']],
    ['fitz', ['pymupdf']],
    ['vertexai.generative_models', ['google-cloud-aiplatform']],
  ])('%s → %j', (module, expected) => {
    // The hand-written rows come first; the generated knowledge may add alternatives after them.
    expect(names(module).slice(0, expected.length)).toEqual(expected);
    expect(bundled.candidatesFor(module).every((c) => c.source === 'bundled' || c.source === 'knowledge')).toBe(true);
  });

  it('writes every distribution PEP 503-normalised (Pillow → pillow)', () => {
    expect(bundled.candidatesFor('PIL')).toEqual([
      { distribution: 'pillow', source: 'bundled', prefix: 'PIL' },
      { distribution: 'pillow-simd', source: 'bundled', prefix: 'PIL' },
    ]);
  });

  it('is case-sensitive like Python imports: pil is not PIL', () => {
    expect(bundled.candidatesFor('pil')).toEqual([{ distribution: 'pil', source: 'identity', prefix: 'pil', isGuess: true }]);
  });

  it('matches whole dotted segments only', () => {
    expect(names('yamlx')).toEqual(['yamlx']);
    expect(bundled.candidatesFor('yaml.constructor')[0]?.prefix).toBe('yaml');
  });

  it('falls back to the normalised top-level name', () => {
    expect(bundled.candidatesFor('acme_internal_lib.adapters')).toEqual([{ distribution: 'acme-internal-lib', source: 'identity', prefix: 'acme_internal_lib', isGuess: true }]);
    expect(names('sentry_sdk.integrations.flask')).toEqual(['sentry-sdk']);
    expect(names('typing_extensions')).toEqual(['typing-extensions']);
  });
});

describe('namespace packages', () => {
  it.each([
    ['google.cloud.bigquery', 'google-cloud-bigquery', 'google.cloud.bigquery'],
    ['google.cloud.bigquery.table', 'google-cloud-bigquery', 'google.cloud.bigquery'],
    ['google.cloud.pubsub_v1', 'google-cloud-pubsub', 'google.cloud.pubsub_v1'],
    ['google.cloud.secretmanager', 'google-cloud-secret-manager', 'google.cloud.secretmanager'],
    ['google.cloud.storage.blob', 'google-cloud-storage', 'google.cloud.storage'],
    ['google.cloud.foo_v2', 'google-cloud-foo', 'google.cloud.foo_v2'],
    ['google.cloud.foo_v1p1beta1.types', 'google-cloud-foo', 'google.cloud.foo_v1p1beta1'],
    ['google.cloud.tasks_v2', 'google-cloud-tasks', 'google.cloud.tasks_v2'],
    ['google.cloud.bigquery_storage_v1', 'google-cloud-bigquery-storage', 'google.cloud.bigquery_storage_v1'],
    ['google.cloud.error_reporting', 'google-cloud-error-reporting', 'google.cloud.error_reporting'],
    ['google.cloud.sql.connector', 'cloud-sql-python-connector', 'google.cloud.sql.connector'],
    ['google.resumable_media.requests', 'google-resumable-media', 'google.resumable_media'],
    ['opentelemetry.instrumentation.flask', 'opentelemetry-instrumentation-flask', 'opentelemetry.instrumentation.flask'],
    ['opentelemetry.instrumentation.aiohttp_client', 'opentelemetry-instrumentation-aiohttp-client', 'opentelemetry.instrumentation.aiohttp_client'],
    ['opentelemetry.instrumentation.instrumentor', 'opentelemetry-instrumentation', 'opentelemetry.instrumentation.instrumentor'],
    ['opentelemetry.sdk.trace.export', 'opentelemetry-sdk', 'opentelemetry.sdk'],
    ['opentelemetry.trace', 'opentelemetry-api', 'opentelemetry.trace'],
    ['opentelemetry.exporter.otlp.proto.grpc.trace_exporter', 'opentelemetry-exporter-otlp-proto-grpc', 'opentelemetry.exporter.otlp.proto.grpc'],
    ['opentelemetry.exporter.prometheus', 'opentelemetry-exporter-prometheus', 'opentelemetry.exporter.prometheus'],
    ['azure.storage.blob', 'azure-storage-blob', 'azure.storage.blob'],
    ['azure.storage.blob.aio', 'azure-storage-blob', 'azure.storage.blob'],
    ['azure.identity', 'azure-identity', 'azure.identity'],
    ['azure.core.exceptions', 'azure-core', 'azure.core'],
    ['azure.keyvault.secrets', 'azure-keyvault-secrets', 'azure.keyvault.secrets'],
    ['azure.mgmt.compute.models', 'azure-mgmt-compute', 'azure.mgmt.compute'],
    ['azure.ai.textanalytics', 'azure-ai-textanalytics', 'azure.ai.textanalytics'],
    ['azure.cosmos', 'azure-cosmos', 'azure.cosmos'],
    ['airflow.providers.google.cloud.operators.bigquery', 'apache-airflow-providers-google', 'airflow.providers.google'],
    ['airflow.models', 'apache-airflow', 'airflow'],
    ['backports.zoneinfo', 'backports-zoneinfo', 'backports.zoneinfo'],
    ['ruamel.yaml', 'ruamel-yaml', 'ruamel.yaml'],
    ['zope.interface', 'zope-interface', 'zope.interface'],
  ])('%s → %s', (module, distribution, prefix) => {
    const [first] = bundled.candidatesFor(module);
    expect(first).toMatchObject({ distribution, prefix });
    expect(['bundled', 'knowledge']).toContain(first?.source);
  });

  it('names no distribution for a bare namespace root, and says it is one', () => {
    for (const root of ['google', 'google.cloud', 'azure', 'azure.storage', 'opentelemetry', 'opentelemetry.instrumentation']) {
      expect(bundled.candidatesFor(root), root).toEqual([]);
      expect(bundled.isNamespaceRoot(root), root).toBe(true);
    }
    expect(bundled.isNamespaceRoot('google.cloud.storage')).toBe(false);
    expect(bundled.isNamespaceRoot('yaml')).toBe(false);
  });
});

describe('precedence: config > venv > bundled > identity', () => {
  const venv: VenvIndex = {
    location: '/repo/.venv',
    pythonVersions: ['3.11'],
    modules: new Map([
      ['yaml', ['pyyaml']],
      ['google.cloud.storage', ['google-cloud-storage']],
      ['acme_internal', ['acme-platform-sdk']],
      ['cv2', ['opencv-python-headless']],
    ]),
    namespaces: new Map([['google', ['google-cloud-storage']], ['google.cloud', ['google-cloud-storage']], ['acme', ['acme-billing']]]),
    distributions: new Set(['pyyaml', 'google-cloud-storage', 'acme-platform-sdk', 'opencv-python-headless', 'acme-billing']),
    metadataDirs: new Map(),
  };

  it('takes the longest config prefix and nothing else', () => {
    const map = createDistributionMap({ packageMap: { yaml: 'my-yaml-fork', 'google.cloud': 'google-cloud', 'google.cloud.storage': 'Our_Storage' }, venv });
    expect(map.candidatesFor('yaml.loader')).toEqual([{ distribution: 'my-yaml-fork', source: 'config', prefix: 'yaml' }]);
    expect(map.candidatesFor('google.cloud.storage.blob')).toEqual([{ distribution: 'our-storage', source: 'config', prefix: 'google.cloud.storage' }]);
    expect(map.candidatesFor('google.cloud.pubsub')).toEqual([{ distribution: 'google-cloud', source: 'config', prefix: 'google.cloud' }]);
    expect(map.isNamespaceRoot('google.cloud')).toBe(false);
  });

  it('puts venv metadata before the bundled table and keeps the bundled alternatives', () => {
    const map = createDistributionMap({ venv });
    expect(map.candidatesFor('cv2').map((c) => [c.distribution, c.source])).toEqual([
      ['opencv-python-headless', 'venv'],
      ['opencv-python', 'bundled'],
      ['opencv-contrib-python', 'bundled'],
      ['opencv-contrib-python-headless', 'bundled'],
      ['opencv', 'knowledge'],
    ]);
    expect(map.candidatesFor('acme_internal.client')).toEqual([{ distribution: 'acme-platform-sdk', source: 'venv', prefix: 'acme_internal' }]);
  });

  it('uses the venv to learn namespace roots the table does not know', () => {
    const map = createDistributionMap({ venv });
    expect(map.isNamespaceRoot('acme')).toBe(true);
    expect(map.candidatesFor('acme')).toEqual([]);
    expect(map.candidatesFor('acme.billing.invoices')).toEqual([{ distribution: 'acme-billing', source: 'identity', prefix: 'acme.billing', isGuess: true }]);
  });

  it('falls through to the table when the venv only knows the namespace', () => {
    const map = createDistributionMap({ venv });
    expect(map.candidatesFor('google.cloud.bigquery')).toEqual([{ distribution: 'google-cloud-bigquery', source: 'bundled', prefix: 'google.cloud.bigquery' }]);
  });
});
