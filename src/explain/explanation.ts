/**
 * What `dockguard explain` shows of one service: the JSON contract of
 * `--format json` (version 1; later versions only add fields). Every value
 * is read from the check's own image model, launch plan, import walk and
 * dependency analysis; nothing here is decided anew. No logic lives here.
 */
import type { ChainLink, SysPathEntry } from '../types.js';

export interface Explanation {
  version: 1;
  service: ExplainedService;
  /** `checked`, `skipped`, `failed`, or `unaffected` when the check left the service out (`--staged`). */
  status: 'checked' | 'skipped' | 'failed' | 'unaffected';
  /** Why it was skipped, failed or unaffected. */
  reason?: string;
  /** What the check found for it (none when it was left out). */
  findings: Array<{ code: string; rule: string; severity: string; file: string; line: number; message: string; module?: string; evidence: string; assumption?: string }>;
  /** Why a checked service without errors is clean, one sentence each. */
  clean?: string[];
  image: ImageTreeSummary;
  /** The sys.path the import walk used, in order, each entry with why it is there. */
  sysPath: SysPathEntry[];
  /** The command followed, and the modules and files the container starts from. */
  launch: { command: string; file: string; line: number; roots: Array<{ root: string; why: string }>; derived: boolean };
  installs: ExplainedInstall[];
  /** Each third-party import and the distribution it was matched to. */
  imports: Array<{ module: string; distribution: string; source: string; installed: boolean }>;
  module?: ModuleExplanation;
}

export interface ExplainedService {
  dockerfile: string;
  name?: string;
  variant?: string;
  /** `.` for the repository root; null when unknown. */
  context: string | null;
  contextOrigin?: string;
  /** The stage modelled as the image. */
  target: string;
  baseImage: string | null;
  /** Set when dockguard does not know what the base image holds. */
  baseUnknown?: string;
  python?: string;
}

/** Where files of the image came from. */
export type FileOrigin =
  | { kind: 'copy'; instruction: 'COPY' | 'ADD'; line: number; stage: string; fromStage?: string; text: string }
  | { kind: 'heredoc'; line: number }
  /** Bind-mounted into the running container (compose `volumes:`), not built into the image. */
  | { kind: 'mount' }
  /** Content dockguard cannot see (a RUN's output, an external image, a URL, a build input), written at `line`. */
  | { kind: 'unknown'; line: number; reason: string }
  /** A file an earlier build put there whose line is not this Dockerfile's (a repository base image). */
  | { kind: 'base-build'; line: number };

export interface ImageTreeNode {
  /** Absolute image path of the folder (or file, with `--verbose`). */
  path: string;
  /** Set on a file (listed with `--verbose`). */
  isFile?: true;
  /** Files below it the model knows (recursively). */
  files: number;
  /** Where they came from, with how many files each origin put there (0 for unknown content). */
  origins: Array<FileOrigin & { files: number }>;
  /** In an opened folder with sub-folders: where the files directly in it came from. */
  here?: Array<FileOrigin & { files: number }>;
  /** Repository folders the files came from (at most a few). */
  repoDirs: string[];
  children: ImageTreeNode[];
  /** Sub-folders not shown (folded: one origin, or below the depth limit). */
  folded: number;
}

export interface ImageTreeSummary {
  files: number;
  /** The base image's own files are not modelled: only what the Dockerfile adds. */
  baseImage: string | null;
  tree: ImageTreeNode[];
}

export interface ExplainedInstall {
  line: number;
  stage: string;
  tool: string;
  files: string[];
  inline: string[];
  /** Distributions this install names, with the file and line of each. */
  distributions: Array<{ name: string; file: string; line: number }>;
}

/** One sys.path entry as the module was looked for there. */
export interface LookupStep {
  entry: string;
  /** `found`, `partial` (a leading package found, not the rest), `absent`, or `skipped` (Python stopped at an earlier entry). */
  result: 'found' | 'partial' | 'absent' | 'skipped';
  /** In words: what was found or missed there. */
  detail: string;
  /** The repository folders a COPY maps onto this entry. */
  repoDirs?: string[];
}

export interface ModuleChain {
  chain: ChainLink[];
  /** `try/except ImportError`, `try/except Exception`, `a run-time condition`, when the path is guarded. */
  guard?: string;
  /** The guess the chain rests on (lazy code nobody calls, fallback roots). */
  assumption?: string;
}

export interface ModuleExplanation {
  module: string;
  /** `image` (a file in the image), `missing` (first-party, not in the image), `third-party`, `stdlib`. */
  kind: 'image' | 'missing' | 'third-party' | 'stdlib';
  /** The image file it resolves to. */
  file?: string;
  /** Its repository file (for an image file, where it was copied from; for a missing one, where the repository has it). */
  repoPath?: string;
  /** The origin of the image file. */
  origin?: FileOrigin;
  lookups: LookupStep[];
  /** Why it is not in the image, in words (for `missing`). */
  why?: string;
  /** The COPY of the image that comes nearest to the module's repository folder. */
  nearestCopy?: { line: number; text: string };
  fix?: { file: string; line: number; text: string; description: string };
  /** For a third-party module: the distributions that provide it and whether one is installed. */
  distribution?: { names: string[]; source: string; installed?: string; from?: { file: string; line: number } };
  /** Import chains from the entrypoints; empty when nothing the container runs reaches it. */
  reachedBy: ModuleChain[];
}
