import type { IncompleteReason, InstallSummary } from '../dependency-analysis.js';

/** Where one installed distribution came from. */
export interface InstalledEntry {
  /** PEP 503-normalised. */
  name: string;
  extras: string[];
  /** The release an exact pin names (`==0.12.3`); undefined for a range or no specifier. */
  version?: string;
  /** The requirement's file and line, or the Dockerfile and RUN line for inline specs. */
  file: string;
  line: number;
  via: 'requirements' | 'lock' | 'pyproject' | 'inline' | 'project' | 'base-image';
  /** The installer also resolves its dependencies, which no file lists (pip -r of a loose file). */
  pullsDependencies?: boolean;
  /** Installed by apt/apk (python3-psycopg2, py3-psycopg2): prebuilt, its own Depends bring its libraries. */
  osPackage?: 'apt' | 'apk';
  /** Stage whose RUN installed it (undefined for base-image packages). */
  stage?: string;
  /** Set for a lock entry no declaration names: the lock and the file the team declares in. */
  transitive?: { lock: string; declaredIn: string };
}

/** A file the team edits to add a dependency, and how (for fixes). */
export interface DeclarationTarget {
  file: string;
  kind: 'requirements' | 'pep621' | 'poetry' | 'pipfile' | 'dockerfile';
  /** Line the new entry goes after. */
  afterLine: number;
  /** Lock regenerated from it, and the command that adds a package (`uv add`). */
  lock?: string;
  command?: string;
  /** Dockerfile line of the install that reads it. */
  installLine: number;
}

/**
 * Every distribution the image installs, indexed by normalised name so each
 * import is one lookup. Records why the set may be incomplete and which
 * files were read, for messages and fixes.
 */
export class InstalledSet {
  private readonly byName = new Map<string, InstalledEntry[]>();
  readonly incomplete: IncompleteReason[] = [];
  readonly installs: InstallSummary[] = [];
  /** Dockerfile lines of apt/apk installs that put Python packages in the image (for messages). */
  readonly osPythonInstalls: Array<{ line: number; manager: 'apt' | 'apk' }> = [];
  /** Top-level import names of local projects the image installs (`pip install .`). */
  readonly projectModules = new Set<string>();
  readonly declarations: DeclarationTarget[] = [];
  /** apt/apk packages installed per stage label. */
  readonly systemPackages = new Map<string, Set<string>>();
  /** OS package managers each stage's RUNs use (`apt`, `apk`, `dnf`). */
  readonly systemManagers = new Map<string, Set<string>>();
  /** Stages whose OS packages cannot all be known (a RUN installs some dockguard cannot read), with why. */
  readonly systemUnknown = new Map<string, string>();
  /** Every repository file an install found in the image, with the image path it was named by. */
  readonly fileReads: Array<{ repoPath: string; imagePath: string; line: number }> = [];
  /** Repository shell scripts a RUN calls whose installs were read (inputs of the check, like dependency files). */
  readonly scripts = new Set<string>();
  /** Stage of the install being read; stamped on entries as they are added. */
  currentStage: string | undefined;
  /** The install being read resolves dependencies (no `--no-deps`, not a lock). */
  currentPullsDependencies = false;

  add(entry: InstalledEntry): void {
    if (entry.stage === undefined && this.currentStage !== undefined) entry = { ...entry, stage: this.currentStage };
    if (entry.via !== 'lock' && entry.via !== 'base-image' && this.currentPullsDependencies) entry = { ...entry, pullsDependencies: true };
    const list = this.byName.get(entry.name);
    if (list) list.push(entry);
    else this.byName.set(entry.name, [entry]);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  entriesOf(name: string): readonly InstalledEntry[] {
    return this.byName.get(name) ?? [];
  }

  /** True when `name` is installed with one of `extras` asked for. */
  hasWithExtra(name: string, extras: readonly string[]): boolean {
    return this.entriesOf(name).some((e) => e.extras.some((x) => extras.includes(x)));
  }

  names(): string[] {
    return [...this.byName.keys()].sort();
  }

  /** Repository files the installs read, in install order, without repeats. */
  lookedAt(): string[] {
    const pip = this.installs.flatMap((i) => (i.files.length > 0 ? i.files : i.inline.length > 0 ? [`RUN line ${i.line}`] : []));
    return [...new Set([...pip, ...this.osPythonInstalls.map((i) => `RUN line ${i.line}`)])];
  }

  /** One sentence on why absence proves little, or undefined when the set is complete. */
  incompleteNote(): string | undefined {
    const first = this.incomplete[0];
    if (!first) return undefined;
    const more = this.incomplete.length > 1 ? ` (and ${this.incomplete.length - 1} more)` : '';
    return `${first.reason}${more}`;
  }
}
