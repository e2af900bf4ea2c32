import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/result.js';
import { formatText } from '../../src/report/text.js';

const result = (assumption?: string): CheckResult => ({
  root: '/repo',
  services: [],
  notes: [],
  baselined: [],
  stats: { durationMs: 10, unaffected: 0, filesAnalysed: 1, filesParsed: 1 },
  findings: [
    {
      code: 'DG101',
      rule: 'missing-package',
      severity: assumption ? 'warning' : 'error',
      service: 'Dockerfile',
      file: 'app.py',
      line: 2,
      message: 'module yaml is imported but no install provides pyyaml (looked at requirements.txt)',
      module: 'yaml',
      evidence: assumption ? 'assumed' : 'proven',
      ...(assumption ? { assumption } : {}),
    },
  ],
});

describe('text report: evidence', () => {
  it('prints the assumption of an assumed finding under its message', () => {
    const text = formatText(result("the base image's contents are unknown"), { color: false });
    expect(text).toContain(
      "warning DG101 missing-package  app.py:2\n  module yaml is imported but no install provides pyyaml (looked at requirements.txt)\n  assumed: the base image's contents are unknown\n",
    );
  });

  it('prints no assumption line for a proven finding', () => {
    expect(formatText(result(), { color: false })).not.toContain('assumed:');
  });

  it('says the fix once: under the message, not also at its end', () => {
    const base = result();
    const fix = { file: 'requirements.txt', line: 2, text: 'pyyaml', description: 'add it to requirements.txt after line 2' };
    const finding = { ...base.findings[0]!, message: `${base.findings[0]!.message}; fix: ${fix.description}`, fix };
    const text = formatText({ ...base, findings: [finding] }, { color: false });
    expect(text).toContain(
      '  module yaml is imported but no install provides pyyaml (looked at requirements.txt)\n  in Dockerfile\n  fix: add it to requirements.txt after line 2\n    pyyaml\n',
    );
    expect(text.match(/fix: add it/g)).toHaveLength(1);
  });
});
