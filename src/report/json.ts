import type { CheckResult } from '../result.js';

/** The JSON contract (version 1): stable keys; later versions only add fields. */
export function formatJson(result: CheckResult): string {
  const document = {
    version: 1,
    services: result.services,
    findings: result.findings,
    baselined: result.baselined,
    notes: result.notes,
    summary: {
      errors: result.findings.filter((f) => f.severity === 'error').length,
      warnings: result.findings.filter((f) => f.severity === 'warning').length,
      baselined: result.baselined.length,
      servicesChecked: result.services.filter((s) => s.status === 'checked').length,
      servicesSkipped: result.services.filter((s) => s.status === 'skipped').length,
      servicesFailed: result.services.filter((s) => s.status === 'failed').length,
      servicesUnaffected: result.stats.unaffected,
      filesAnalysed: result.stats.filesAnalysed,
      filesParsed: result.stats.filesParsed,
      durationMs: result.stats.durationMs,
      ...(result.stats.parser ? { parser: result.stats.parser } : {}),
      ...(result.stats.phasesMs ? { phasesMs: result.stats.phasesMs } : {}),
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
