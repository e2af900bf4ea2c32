import { describe, expect, it } from 'vitest';
import { globalFinding, withEvidence } from '../../src/run-rules.js';
import type { Observation } from '../../src/types.js';

const observed: Observation = { code: 'DG001', rule: 'missing-copy', severity: 'error', file: 'app.py', line: 3, message: 'module x is imported but not copied into the image' };

describe('evidence: an error is a proof', () => {
  it('marks an observation without an assumption as proven and keeps its severity', () => {
    expect(withEvidence(observed)).toMatchObject({ severity: 'error', evidence: 'proven' });
    expect(withEvidence(observed)).not.toHaveProperty('assumption');
  });

  it('makes an observation that names an assumption an assumed warning, keeping the assumption in words', () => {
    const finding = withEvidence({ ...observed, assumption: "the base image's contents are unknown" });
    expect(finding).toMatchObject({ severity: 'warning', evidence: 'assumed', assumption: "the base image's contents are unknown" });
  });

  it('never raises an assumed warning or info', () => {
    expect(withEvidence({ ...observed, severity: 'info', assumption: 'a guess' }).severity).toBe('info');
  });

  it('applies the same line to discovery problems', () => {
    const finding = globalFinding({ rule: 'context-unknown', file: 'svc/Dockerfile', line: 0, message: 'cannot tell', assumption: 'a COPY source is produced by the build' });
    expect(finding).toMatchObject({ service: 'svc/Dockerfile', severity: 'warning', evidence: 'assumed' });
    expect(globalFinding({ rule: 'context-unknown', file: 'svc/Dockerfile', line: 0, message: 'cannot tell' })).toMatchObject({ severity: 'error', evidence: 'proven' });
  });
});
