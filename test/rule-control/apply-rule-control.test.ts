import { describe, expect, it } from 'vitest';
import { applyRuleControl } from '../../src/rule-control/apply-rule-control.js';
import type { Finding } from '../../src/types.js';

const finding = (rule: string, overrides: Partial<Finding> = {}): Finding => ({
  code: 'DG000',
  rule,
  severity: 'error',
  service: 'services/api/Dockerfile',
  file: 'services/api/app.py',
  line: 3,
  message: 'm',
  evidence: 'proven',
  ...overrides,
});

const rulesOf = (findings: Finding[]) => findings.map((f) => `${f.rule}:${f.severity}`);

describe('applyRuleControl', () => {
  const all = [finding('missing-copy'), finding('missing-package'), finding('transitive-only', { severity: 'warning' })];

  it('turns rules off, and changes the severity of proven findings', () => {
    const out = applyRuleControl(all, { settings: { 'transitive-only': 'off', 'missing-package': 'warning' }, ignore: [] });
    expect(rulesOf(out)).toEqual(['missing-copy:error', 'missing-package:warning']);
  });

  it('never raises an assumed finding to an error', () => {
    const assumed = finding('missing-package', { severity: 'warning', evidence: 'assumed', assumption: 'guessed name' });
    expect(rulesOf(applyRuleControl([assumed], { settings: { 'missing-package': 'error' }, ignore: [] }))).toEqual(['missing-package:warning']);
    expect(rulesOf(applyRuleControl([finding('unused-ignore', { severity: 'warning' })], { settings: { 'unused-ignore': 'error' }, ignore: [] }))).toEqual(['unused-ignore:error']);
  });

  it('drops findings of the given rules on ignored paths, by file or by service', () => {
    const legacy = finding('missing-package', { file: 'legacy/old.py' });
    const control = { settings: {}, ignore: [{ paths: ['legacy/**'], rules: ['missing-package'] }] };
    expect(applyRuleControl([legacy, finding('missing-copy', { file: 'legacy/old.py' }), finding('missing-package')], control).map((f) => `${f.rule} ${f.file}`)).toEqual([
      'missing-copy legacy/old.py',
      'missing-package services/api/app.py',
    ]);
    expect(applyRuleControl([finding('missing-copy')], { settings: {}, ignore: [{ paths: ['services/api/**'], rules: [] }] })).toEqual([]);
  });

  it('--select keeps only the selected rules and turns on one the config has off; --ignore drops', () => {
    expect(rulesOf(applyRuleControl(all, { settings: { 'transitive-only': 'off' }, ignore: [], select: ['transitive-only'] }))).toEqual(['transitive-only:warning']);
    expect(rulesOf(applyRuleControl(all, { settings: {}, ignore: [], ignoreRules: ['missing-copy'] }))).toEqual(['missing-package:error', 'transitive-only:warning']);
  });
});
