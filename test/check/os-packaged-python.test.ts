import { afterAll, describe, expect, it } from 'vitest';
import { removeFixtureRepos } from '../helpers/fixture-repo.js';
import { checkFixture, summarize } from '../helpers/finding-summary.js';
import { analyzeInline, removeInlineRepos } from '../deps/analyze-inline-repo.js';

afterAll(removeFixtureRepos);
afterAll(removeInlineRepos);

describe('os-packaged-python', () => {
  it("counts what apt's Depends bring and builds nothing: python3-requests brings chardet, python3-opencv cv2 and numpy, python3-psycopg2 and py3-psycopg2 are prebuilt", async () => {
    const result = await checkFixture('os-packaged-python');
    // vision: redis is the one import no python3-* package brings. ingest: psycopg2 from Alpine needs no libpq-dev, gcc or libpq line.
    expect(summarize(result)).toEqual([
      { code: 'DG101', severity: 'error', file: 'services/vision/app.py', line: 8, module: 'redis' },
    ]);
    const redis = result.findings.find((f) => f.module === 'redis')!;
    expect(redis.message).toContain('looked at RUN line 2');
    expect(redis.message).not.toContain('installs no Python packages');
  });
});

describe('os-packaged-python behind a virtualenv', () => {
  const dockerfile = (venv: string) => `FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-venv python3-numpy python3-scipy \\
    && rm -rf /var/lib/apt/lists/*
RUN ${venv}
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY app.py .
CMD ["python", "app.py"]
`;

  it("a venv made without --system-site-packages leads PATH: Debian's python3-numpy is not on its sys.path", async () => {
    const a = await analyzeInline({ files: { Dockerfile: dockerfile('python3 -m venv /opt/venv'), 'requirements.txt': 'flask==3.1.0\n', 'app.py': '' }, imports: ['numpy', 'flask'] });
    expect(a.dependencies!.missingPackages.map((m) => [m.module, m.severity])).toEqual([['numpy', 'error']]);
  });

  it('with --system-site-packages the venv sees them', async () => {
    const a = await analyzeInline({ files: { Dockerfile: dockerfile('python3 -m venv --system-site-packages /opt/venv'), 'requirements.txt': 'flask==3.1.0\n', 'app.py': '' }, imports: ['numpy', 'flask'] });
    expect(a.dependencies!.missingPackages).toEqual([]);
  });
});
