/**
 * What a service's image installs and how that compares with what its code
 * imports: the input of the dependency rules (DG101–DG111). Filled by
 * `analyzeDependencies`; every decision is made there, rules only word it.
 * No logic lives here.
 */
import type { ChainLink, Fix, Problem, Severity } from '../types.js';
import type { CandidateSource } from './distribution-map.js';

/** One install the image runs, as looked at: for messages ("looked at requirements.txt, uv.lock"). */
export interface InstallSummary {
  /** Dockerfile line of the RUN. */
  line: number;
  stage: string;
  tool: string;
  /** Repository files it installs from (requirements, pyproject, lock). */
  files: string[];
  /** Inline specs / paths as written. */
  inline: string[];
}

/** Why the installed set may be missing packages dockguard cannot see. */
export interface IncompleteReason {
  file: string;
  line: number;
  reason: string;
}

/** How one imported module was matched to distributions (for `--verbose`). */
export interface ImportCheck {
  module: string;
  distribution: string;
  source: CandidateSource | 'removed-stdlib';
  /** The installed distribution that satisfied it; undefined when none did. */
  installedAs?: string;
}

/** DG101: an import no install provides. */
export interface MissingPackage {
  module: string;
  file: string;
  line: number;
  severity: Severity;
  guarded: boolean;
  /** Guarded by a run-time condition rather than an `except`. */
  conditional?: true;
  /** Optional because it sits in a Python-version branch: the branch in words (see ExternalImport). */
  condition?: string;
  chain: ChainLink[];
  /** Normalised distributions any of which would provide the module; empty when none can (`imp`). */
  expected: string[];
  /** `removed in Python 3.12` for a module the image's stdlib no longer has. */
  removedFromStdlib?: string;
  /** Files the installs read, for the message. */
  lookedAt: string[];
  /** Set when the installed set is incomplete, and the finding is a warning because of it. */
  incomplete?: string;
  /** The guesses the finding rests on: how the import was reached (the closure's), and a distribution only guessed from the import's name. */
  assumption?: string;
  fix?: Fix;
}

/** DG102: a package needed by how the code uses another one. */
export interface ImplicitNeed {
  ruleId: string;
  file: string;
  line: number;
  /** Normalised alternatives, any one of which satisfies the need. */
  alternatives: string[];
  evidence: string[];
  reason: string;
  severity: Severity;
  incomplete?: string;
  /** Why the code that needs it may never run: one of several alternatives its configuration picks. */
  runsIf?: string;
  fix?: Fix;
}

/** DG103: a program of the container command that no install provides. */
export interface MissingProgram {
  program: string;
  file: string;
  line: number;
  alternatives: string[];
  severity: Severity;
  incomplete?: string;
  /** The program starts only under this runtime condition. */
  assumption?: string;
  fix?: Fix;
}

/** DG104: a distribution that needs OS libraries the image lacks. */
export interface SystemNeed {
  distribution: string;
  /** Where the distribution is installed (file and line of the requirement or RUN). */
  file: string;
  line: number;
  /** Packages to add, one per unmet group (first alternative), and the manager. */
  packages: string[];
  manager: 'apt' | 'apk';
  when: 'build' | 'runtime';
  reason: string;
  severity: Severity;
  fix?: Fix;
  /** Why the absence is not proven (unknown base image, OS packages dockguard cannot read): makes it a warning. */
  assumption?: string;
}

/** DG105: a declaration and its companion lock disagree. */
export interface LockDriftIssue {
  distribution: string;
  declaredIn: string;
  line: number;
  specifier: string;
  lock: string;
  problem: 'missing-from-lock' | 'version-outside-specifier';
  lockedVersion?: string;
  fix?: Fix;
}

/** DG106: a loose requirements file installed while a lock beside it exists. */
export interface UnlockedInstall {
  file: string;
  /** Dockerfile and line of the install. */
  dockerfile: string;
  line: number;
  installed: string;
  lock: string;
  fix?: Fix;
}

/** DG107: an imported distribution that is only installed as another package's dependency. */
export interface TransitiveOnly {
  module: string;
  distribution: string;
  file: string;
  line: number;
  chain: ChainLink[];
  /** The installed distributions that pull it in (known dependencies), or the lock that pins it. */
  pulledInBy: string[];
  lock?: string;
  /** Where the team declares dependencies, when known. */
  declaredIn?: string;
  fix?: Fix;
}

export interface DependencyAnalysis {
  /** Python minor the image runs, and where that came from. */
  pythonVersion: { version: string; source: 'base-image' | 'command' | 'default'; note?: string };
  installs: InstallSummary[];
  /** Normalised names of every distribution the image is known to install. */
  installed: string[];
  /** Where each installed distribution is named (a requirements line, a lock entry, the RUN itself, the base image), first place first. */
  installedFrom?: Array<{ distribution: string; file: string; line: number; via: string }>;
  /** Installed distributions whose installer also resolves their requirements (the roots of the closure). */
  resolving: string[];
  /** Distributions (or `name[extra]`) on the closure whose requirements no source knows. */
  opaque: string[];
  incomplete: IncompleteReason[];
  checks: ImportCheck[];
  missingPackages: MissingPackage[];
  implicitNeeds: ImplicitNeed[];
  missingPrograms: MissingProgram[];
  systemNeeds: SystemNeed[];
  lockDrift: LockDriftIssue[];
  unlockedInstalls: UnlockedInstall[];
  transitiveOnly: TransitiveOnly[];
  /** Reader and install problems (dependency-file-*, install-command-unanalysable). */
  problems: Problem[];
  /** Repository shell scripts whose installs were read (a RUN calls them): inputs of the check. */
  scripts?: string[];
  /** Missing modules marked `unlessProvided` that an installed distribution is known (not guessed) to provide. */
  providedModules?: string[];
}
