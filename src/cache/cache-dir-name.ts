/** The cache's folder inside the git directory: `git rev-parse --git-path dockguard-cache`. */
export const CACHE_DIR_NAME = 'dockguard-cache';
