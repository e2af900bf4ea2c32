import { afterAll, describe, expect, it } from 'vitest';
import { analyzeInline, removeInlineRepos } from './analyze-inline-repo.js';

afterAll(removeInlineRepos);

const PYPROJECT = `[project]
name = "notifier"
version = "0.3.0"
requires-python = ">=3.11"
dependencies = ["requests>=2.31"]

[project.optional-dependencies]
redis = ["redis>=5"]
s3 = ["boto3>=1.34"]

[dependency-groups]
prod = ["gunicorn>=22", "orjson>=3.10"]
dev = ["pytest>=8"]
`;
const service = (run: string) => analyzeInline({
  files: { Dockerfile: `FROM python:3.13-slim\nWORKDIR /app\nCOPY pyproject.toml .\n${run}\n`, 'pyproject.toml': PYPROJECT },
  imports: ['requests', 'redis', 'boto3', 'orjson', 'pytest'],
});
const missing = async (run: string) => (await service(run)).dependencies!.missingPackages.map((m) => [m.module, m.severity]);

describe('extras and dependency groups of a pyproject.toml read as requirements', () => {
  it('uv pip install -r pyproject.toml --extra / --all-extras installs those optional dependencies', async () => {
    expect(await missing('RUN uv pip install --system -r pyproject.toml --extra redis')).toEqual([['boto3', 'error'], ['orjson', 'error'], ['pytest', 'error']]);
    expect(await missing('RUN uv pip install --system -r pyproject.toml --all-extras')).toEqual([['orjson', 'error'], ['pytest', 'error']]);
  });

  it('--group installs that PEP 735 group: of the pyproject -r names (uv), or of ./pyproject.toml or path:group (pip ≥ 25.1)', async () => {
    expect(await missing('RUN uv pip install --system --group prod -r pyproject.toml')).toEqual([['redis', 'error'], ['boto3', 'error'], ['pytest', 'error']]);
    expect(await missing('RUN pip install --group prod && pip install ".[s3]"')).toEqual([['redis', 'error'], ['pytest', 'error']]);
    expect(await missing('RUN pip install --group ./pyproject.toml:dev -r pyproject.toml')).toEqual([['redis', 'error'], ['boto3', 'error'], ['orjson', 'error']]);
  });
});
