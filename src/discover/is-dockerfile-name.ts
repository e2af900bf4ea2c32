import { baseName } from './repo-path.js';

/**
 * The names BuildKit and common tooling use for Dockerfiles. Per-Dockerfile
 * ignore files (`Dockerfile.dockerignore`) share the prefix and are not Dockerfiles.
 */
export function isDockerfileName(path: string): boolean {
  const name = baseName(path);
  if (name.endsWith('.dockerignore')) return false;
  return (
    name === 'Dockerfile' ||
    name === 'dockerfile' ||
    name.startsWith('Dockerfile.') ||
    name.endsWith('.Dockerfile') ||
    name.endsWith('.dockerfile')
  );
}
