import type { EngineName } from './python/syntax-node.js';
import type { ContextSource, Finding, ServiceAnalysis, ServiceStatus } from './types.js';
import { byCodeUnit } from './by-code-unit.js';

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
  /** With `--verbose`: how the dependency side decided. */
  details?: ServiceDetails;
}

/** Why dockguard decided what it did about a service's packages (`--verbose`). */
export interface ServiceDetails {
  /** `3.12 (base image)` or `3.14 (default: …)`. */
  python: string;
  /** One line per install: `line 8 pip: requirements.txt`. */
  installs: string[];
  /** How many distributions the image installs by name. */
  installed: number;
  /** Those whose installer also resolves their requirements. */
  resolving: string[];
  /** Distributions on the way whose requirements dockguard does not know (opaque). */
  opaque: string[];
  /** Each third-party import and the distribution it was matched to, with where that mapping came from. */
  imports: Array<{ module: string; distribution: string; source: string; installed: boolean }>;
}

export interface CheckResult {
  root: string;
  services: ServiceReport[];
  findings: Finding[];
  /** Findings the baseline accepts: counted in the summary, listed with --verbose, never blocking. */
  baselined: Finding[];
  /** With `--staged`: the operation the commit concludes, and files whose fix may sit unstaged in the working tree. */
  commit?: { operation?: string; unstagedFixFiles: string[] };
  /** Things the user should know that are not findings (rebase in progress, cache unusable, …). */
  notes: string[];
  stats: {
    durationMs: number;
    /** Services left out because the given paths cannot affect them. */
    unaffected: number;
    /** Distinct repository files in the import closures. */
    filesAnalysed: number;
    /** Files parsed in this run (the others came from the cache). */
    filesParsed: number;
    /** The Python parser that ran: the native tree-sitter binding or its WebAssembly build; absent when nothing was parsed. */
    parser?: EngineName;
    /** Milliseconds per phase of the pipeline, in order (the time before the first phase is startup's). */
    phasesMs?: Record<string, number>;
  };
}

export function toServiceReport(analysis: ServiceAnalysis, verbose = false): ServiceReport {
  const { service, launch } = analysis;
  const deps = analysis.dependencies;
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
    ...(verbose && deps
      ? {
          details: {
            python: `${deps.pythonVersion.version} (${deps.pythonVersion.source === 'base-image' ? 'from the base image' : deps.pythonVersion.source === 'command' ? 'from the command' : `default${deps.pythonVersion.note ? `: ${deps.pythonVersion.note}` : ''}`})`,
            installs: deps.installs.map((i) => `line ${i.line} ${i.tool}: ${[...i.files, ...i.inline].join(', ') || '(nothing readable)'}`),
            installed: deps.installed.length,
            resolving: deps.resolving,
            opaque: deps.opaque,
            imports: deps.checks.map((c) => ({ module: c.module, distribution: c.distribution, source: c.source, installed: c.installedAs !== undefined })),
          },
        }
      : {}),
  };
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Deterministic order: service, file, line, code. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      byCodeUnit(a.service, b.service) ||
      byCodeUnit(a.variant ?? '', b.variant ?? '') ||
      byCodeUnit(a.file, b.file) ||
      a.line - b.line ||
      byCodeUnit(a.code, b.code) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      byCodeUnit(a.message, b.message),
  );
}


export function exitCodeFor(result: CheckResult): 0 | 1 {
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
