import type { ContextSource, Finding, ServiceAnalysis, ServiceStatus } from './types.js';

/** One service as the reporters show it (the JSON `services[]` entry). */
export interface ServiceReport {
  dockerfile: string;
  name?: string;
  variant?: string;
  /** Repository-relative build context (`.` for the root); null when unknown. */
  context: string | null;
  contextSource: ContextSource;
  contextOrigin?: string;
  /** Modules and files the container starts from. */
  entrypoints: string[];
  /** The command that was followed, e.g. `CMD ["gunicorn", "app:app"] (line 12)`. */
  launch?: string;
  status: ServiceStatus;
  reason?: string;
}

export interface CheckResult {
  root: string;
  services: ServiceReport[];
  findings: Finding[];
  /** Things the user should know that are not findings (rebase in progress, cache unusable, …). */
  notes: string[];
  stats: {
    durationMs: number;
    /** Services left out because the given paths cannot affect them. */
    unaffected: number;
    /** Distinct repository files in the import closures. */
    filesAnalysed: number;
  };
}

export function toServiceReport(analysis: ServiceAnalysis): ServiceReport {
  const { service, launch } = analysis;
  return {
    dockerfile: service.dockerfile,
    ...(service.name !== undefined ? { name: service.name } : {}),
    ...(service.variant !== undefined ? { variant: service.variant } : {}),
    context: service.context === undefined ? null : service.context === '' ? '.' : service.context,
    contextSource: service.contextSource,
    ...(service.contextOrigin !== undefined ? { contextOrigin: service.contextOrigin } : {}),
    entrypoints: analysis.entrypoints,
    ...(launch ? { launch: launch.fallback ? `no entrypoint derived: ${launch.description}; every Python file of the service folder is a root` : launch.description } : {}),
    status: analysis.status,
    ...(analysis.reason !== undefined ? { reason: analysis.reason } : {}),
  };
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Deterministic order: service, file, line, code. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      a.service.localeCompare(b.service) ||
      (a.variant ?? '').localeCompare(b.variant ?? '') ||
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.code.localeCompare(b.code) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.message.localeCompare(b.message),
  );
}

export function exitCodeFor(result: CheckResult): 0 | 1 {
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
