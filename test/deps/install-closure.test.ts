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
