import type { RepoPath, RunMount, ServiceEnvironment, UnseenInput } from '../types.js';

/** One way a Dockerfile is built, as found in a compose file or a script. */
export interface BuildInvocation {
  dockerfile: RepoPath;
  context: RepoPath;
  source: 'compose' | 'script';
  /** `docker-compose.yml:12`, `scripts/deploy.sh:7`. */
  origin: string;
  /** Compose service name; becomes the variant when one Dockerfile is built several ways. */
  name?: string;
  target?: string;
  buildArgs: Record<string, string>;
  entrypoint?: string | string[];
  mounts?: RunMount[];
  /** The container's environment from compose (`environment:`, `env_file`). */
  environment?: ServiceEnvironment;
  /** Compose `working_dir:` (absolute): the container's working directory instead of WORKDIR. */
  workingDir?: string;
  gcloudUpload: boolean;
  /** Image names the build tags its result with (`-t`, compose `image:`), as written. */
  tags?: string[];
  /** Paths in the context that steps before this build create (a `cp` into it, a download). */
  unseenInputs?: UnseenInput[];
}
