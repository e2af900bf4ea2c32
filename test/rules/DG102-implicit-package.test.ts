import { afterAll, describe, expect, it } from 'vitest';
import { implicitPackage } from '../../src/rules/DG102-implicit-package.js';
import { analyzeInline, ref, removeInlineRepos } from '../deps/analyze-inline-repo.js';

afterAll(removeInlineRepos);
const UV_LOCK = 'version = 1\nrevision = 1\nrequires-python = ">=3.12"\n\n[[package]]\nname = "job"\nversion = "1.0.0"\nsource = { editable = "." }\ndependencies = [\n    { name = "google-cloud-bigquery" },\n    { name = "pandas" },\n]\n\n[[package]]\nname = "google-cloud-bigquery"\nversion = "3.27.0"\nsource = { registry = "https://pypi.org/simple" }\n\n[[package]]\nname = "pandas"\nversion = "2.2.3"\nsource = { registry = "https://pypi.org/simple" }\n';
const PYPROJECT = '[project]\nname = "job"\nversion = "1.0.0"\ndependencies = [\n    "google-cloud-bigquery>=3.25",\n    "pandas>=2.2",\n]\n';
const files = (lock: string) => ({
  Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen --no-dev\n',
  'pyproject.toml': PYPROJECT,
  'uv.lock': lock,
});
const bigqueryJob = { 'job.py': { imports: [ref('google.cloud', 3, ['bigquery'])], calls: ['Client', 'query_and_wait', 'to_dataframe'] } };

describe('DG102 implicit-package', () => {
  it('catches BigQuery to_dataframe() with a lock that lacks db-dtypes', async () => {
    const findings = implicitPackage.check(await analyzeInline({ files: files(UV_LOCK), modules: bigqueryJob }));
    expect(findings).toEqual([expect.objectContaining({ code: 'DG102', severity: 'error', file: 'job.py', line: 3, distribution: 'db-dtypes' })]);
    expect(findings[0]!.fix).toMatchObject({ file: 'pyproject.toml', line: 6, text: '    "db-dtypes",' });
    expect(findings[0]!.fix!.description).toContain('uv add db-dtypes');
  });

  it('does not catch it when the lock has db-dtypes', async () => {
    const lock = UV_LOCK.replace('    { name = "pandas" },', '    { name = "db-dtypes" },\n    { name = "pandas" },') + '\n[[package]]\nname = "db-dtypes"\nversion = "1.3.1"\nsource = { registry = "https://pypi.org/simple" }\n';
    expect(implicitPackage.check(await analyzeInline({ files: files(lock), modules: bigqueryJob }))).toEqual([]);
  });

  it('reads the container command: gunicorn -k uvicorn.workers.UvicornWorker needs uvicorn', async () => {
    const dockerfile = 'FROM python:3.12-slim\nRUN pip install gunicorn fastapi\nCMD ["gunicorn", "-k", "uvicorn.workers.UvicornWorker", "app:app"]\n';
    const findings = implicitPackage.check(await analyzeInline({ files: { Dockerfile: dockerfile }, programs: ['gunicorn'] }));
    expect(findings.map((f) => [f.file, f.line, f.distribution])).toEqual([['Dockerfile', 3, 'uvicorn']]);
  });
});
