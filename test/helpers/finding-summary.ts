import { check } from '../../src/pipeline.js';
import type { CheckResult } from '../../src/result.js';
import { makeFixtureRepo } from './fixture-repo.js';

export async function checkFixture(name: string): Promise<CheckResult> {
  return check({ cwd: makeFixtureRepo(name) });
}

/** The identifying fields of every finding, in output order. */
export function summarize(result: CheckResult) {
  return result.findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    file: f.file,
    line: f.line,
    ...(f.module ? { module: f.module } : {}),
  }));
}
