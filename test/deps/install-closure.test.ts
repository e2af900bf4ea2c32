import { afterAll, describe, expect, it } from 'vitest';
import { analyzeInline, removeInlineRepos } from './analyze-inline-repo.js';

afterAll(removeInlineRepos);

const PY = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY app.py .\n';

/** `acme-billing-client` is known to no bundled source: only the repository or its virtualenv can describe it. */
const UV_LOCK = `version = 1
requires-python = ">=3.12"

[[package]]
name = "acme-billing-client"
version = "2.1.0"
source = { registry = "https://pypi.acme.internal/simple" }
dependencies = [
    { name = "httpx" },
]

[[package]]
name = "httpx"
version = "0.28.1"
source = { registry = "https://pypi.org/simple" }
`;

describe('closure of a loose install: recall on the images real incidents ship', () => {
  it('knows every requirement of flask, gunicorn, BigQuery, Firestore and pandas, so a missing package stays an error', async () => {
    const a = await analyzeInline({
      files: { Dockerfile: PY, 'requirements.txt': 'flask\ngunicorn\ngoogle-cloud-bigquery\ngoogle-cloud-firestore\npandas\n', 'app.py': '' },
      imports: ['google.cloud.storage', 'sqlalchemy', 'requests', 'numpy', 'google.api_core.retry'],
    });
    const deps = a.dependencies!;
    expect(deps.opaque).toEqual([]);
    expect(deps.missingPackages.map((m) => [m.module, m.severity])).toEqual([['google.cloud.storage', 'error'], ['sqlalchemy', 'error']]);
    expect(deps.transitiveOnly.map((t) => t.module)).toEqual(['requests', 'numpy', 'google.api_core.retry']);
  });
});

describe('closure of a loose install: what the repository itself knows', () => {
  it('reads edges from any uv.lock of the repository, so an unknown distribution is not opaque', async () => {
    const a = await analyzeInline({
      files: { Dockerfile: PY, 'requirements.txt': 'acme-billing-client>=2\n', 'app.py': '', 'tools/billing-cli/uv.lock': UV_LOCK },
      imports: ['httpx', 'redis'],
    });
    const deps = a.dependencies!;
    expect(deps.opaque).toEqual([]);
    expect(deps.transitiveOnly).toEqual([expect.objectContaining({ module: 'httpx', pulledInBy: ['acme-billing-client'] })]);
    expect(deps.missingPackages).toEqual([expect.objectContaining({ module: 'redis', severity: 'error' })]);
  });

  it('without such a lock the distribution is opaque, and the missing package is a warning that says so', async () => {
    const a = await analyzeInline({ files: { Dockerfile: PY, 'requirements.txt': 'acme-billing-client>=2\n', 'app.py': '' }, imports: ['redis'] });
    const deps = a.dependencies!;
    expect(deps.opaque).toEqual(['acme-billing-client']);
    expect(deps.missingPackages).toEqual([expect.objectContaining({ module: 'redis', severity: 'warning', incomplete: expect.stringContaining('acme-billing-client') })]);
  });

  it("reads Requires-Dist from the developer's virtualenv, extras apart", async () => {
    const metadata = 'Metadata-Version: 2.1\nName: acme-billing-client\nVersion: 2.1.0\nRequires-Dist: httpx>=0.27\nRequires-Dist: redis>=5; extra == "cache"\n\nA client.\n';
    const a = await analyzeInline({
      files: {
        Dockerfile: PY, 'requirements.txt': 'acme-billing-client[cache]>=2\n', 'app.py': '',
        '.venv/lib/python3.12/site-packages/acme_billing_client-2.1.0.dist-info/METADATA': metadata,
        '.venv/lib/python3.12/site-packages/acme_billing_client/__init__.py': '',
      },
      imports: ['httpx', 'redis'],
    });
    const deps = a.dependencies!;
    expect(deps.opaque).toEqual([]);
    expect(deps.transitiveOnly.map((t) => [t.module, t.pulledInBy])).toEqual([['httpx', ['acme-billing-client']], ['redis', ['acme-billing-client']]]);
    expect(deps.missingPackages).toEqual([]);
  });
});

describe('closure of a loose install: requirements are proof only for the release they describe', () => {
  it("a pin of a later release leaves unproven the absence of its own family's distributions only (elasticsearch 8 needs elastic-transport, 7 did not)", async () => {
    const a = await analyzeInline({
      files: { Dockerfile: PY, 'requirements.txt': 'typer==0.12.3\nelasticsearch==8.13.0\n', 'app.py': '' },
      imports: ['elastic_transport', 'stripe'],
    });
    const deps = a.dependencies!;
    expect(deps.missingPackages.map((m) => [m.module, m.severity])).toEqual([['elastic_transport', 'warning'], ['stripe', 'error']]);
    expect(deps.missingPackages[0]!.incomplete).toContain("elasticsearch 8.13.0's requirements are known only for 7.17.6 (debian)");
    expect(deps.missingPackages[0]!.incomplete).not.toContain('typer');
    // One newer pin must not turn every proven missing package of the image into a guess.
    expect(deps.missingPackages[1]!.incomplete).toBeUndefined();
  });

  it('isSameFamily: equal first words, or one starting the other', async () => {
    const { isSameFamily } = await import('../../src/deps/check/opaque-note.js');
    expect(isSameFamily('langchain-community', 'langchain')).toBe(true);
    expect(isSameFamily('elastic-transport', 'elasticsearch')).toBe(true);
    expect(isSameFamily('google-cloud-core', 'google-cloud-spanner')).toBe(true);
    expect(isSameFamily('rich', 'typer')).toBe(false);
    expect(isSameFamily('stripe', 'structlog')).toBe(false);
  });

  it('an unpinned install, or a pin of the known release or an earlier one, keeps the proof', async () => {
    for (const requirements of ['typer\n', 'typer==0.7.0\n', 'flask==2.0.3\ngunicorn==21.2.0\n']) {
      const a = await analyzeInline({ files: { Dockerfile: PY, 'requirements.txt': requirements, 'app.py': '' }, imports: ['redis'] });
      expect(a.dependencies!.missingPackages.map((m) => [m.module, m.severity])).toEqual([['redis', 'error']]);
    }
  });

  it('a row copied from a family template is no proof, pinned or not', async () => {
    const a = await analyzeInline({
      files: { Dockerfile: PY, 'requirements.txt': 'google-cloud-spanner==3.46.0\nopentelemetry-instrumentation-fastapi\n', 'app.py': '' },
      imports: ['google.cloud.exceptions', 'opentelemetry.instrumentation.asgi'],
    });
    const deps = a.dependencies!;
    expect(deps.missingPackages.map((m) => [m.module, m.severity])).toEqual([['google.cloud.exceptions', 'warning'], ['opentelemetry.instrumentation.asgi', 'warning']]);
    expect(deps.missingPackages[0]!.incomplete).toContain("google-cloud-spanner's requirements are known only from the google-cloud-* template");
  });

  it("the repository's own lock describes the pinned release exactly: it stays proof", async () => {
    const lock = 'version = 1\nrequires-python = ">=3.12"\n\n[[package]]\nname = "typer"\nversion = "0.12.3"\nsource = { registry = "https://pypi.org/simple" }\ndependencies = [\n    { name = "click" },\n    { name = "rich" },\n    { name = "shellingham" },\n]\n';
    const a = await analyzeInline({
      files: { Dockerfile: PY, 'requirements.txt': 'typer==0.12.3\n', 'app.py': '', 'tools/cli/uv.lock': lock },
      imports: ['rich.console', 'redis'],
    });
    const deps = a.dependencies!;
    expect(deps.transitiveOnly.map((t) => t.module)).toEqual(['rich.console']);
    expect(deps.missingPackages.map((m) => [m.module, m.severity])).toEqual([['redis', 'error']]);
  });

  it('langchain 0.1 pulls in langchain-community: the curated row is a superset of the releases in use', async () => {
    const a = await analyzeInline({ files: { Dockerfile: PY, 'requirements.txt': 'langchain==0.1.20\n', 'app.py': '' }, imports: ['langchain_community.document_loaders'] });
    expect(a.dependencies!.missingPackages).toEqual([]);
    expect(a.dependencies!.transitiveOnly.map((t) => [t.module, t.pulledInBy])).toEqual([['langchain_community.document_loaders', ['langchain']]]);
  });
});

describe('isLaterRelease: which pins leave a row of another release unproven', () => {
  it('a later major, or a later minor of a 0.x project; not a later minor within a major, nor an earlier release', async () => {
    const { isLaterRelease } = await import('../../src/deps/knowledge/release-assumption.js');
    expect(isLaterRelease('8.13.0', '7.17.6')).toBe(true);
    expect(isLaterRelease('0.12.3', '0.7.0')).toBe(true);
    expect(isLaterRelease('1.16.2', '1.13.0')).toBe(false);
    expect(isLaterRelease('4.25.3', '5.26.1')).toBe(false);
    expect(isLaterRelease('0.7.1', '0.7.0')).toBe(false);
    expect(isLaterRelease('main', '1.0')).toBe(false);
  });
});
