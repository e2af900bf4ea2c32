import { isMap, isScalar, isSeq } from 'yaml';

/** A bind mount of a compose service as written: host source (relative to the compose file) and container target. */
export interface ComposeMount {
  source: string;
  target: string;
}

/**
 * The bind mounts of a service's `volumes:` whose source is a relative host
 * path (`./vote:/usr/local/app`, `{type: bind, source: ./src, target: /app}`):
 * the folders of the repository the running container sees. Named volumes
 * and absolute host paths name nothing in the repository and are left out.
 */
export function readComposeMounts(volumes: unknown, interpolate: (text: string) => string | undefined): ComposeMount[] {
  if (!isSeq(volumes)) return [];
  const mounts: ComposeMount[] = [];
  for (const item of volumes.items) {
    const mount = isMap(item) ? readLong(item, interpolate) : readShort(scalarText(item), interpolate);
    if (mount && isRelativeHostPath(mount.source) && mount.target.startsWith('/')) mounts.push(mount);
  }
  return mounts;
}

/** `SOURCE:TARGET[:MODE]`. */
function readShort(text: string | undefined, interpolate: (text: string) => string | undefined): ComposeMount | undefined {
  const value = text === undefined ? undefined : interpolate(text);
  if (value === undefined) return undefined;
  const [source, target] = value.split(':');
  return source !== undefined && target !== undefined ? { source, target } : undefined;
}

function readLong(item: { get(key: string): unknown }, interpolate: (text: string) => string | undefined): ComposeMount | undefined {
  if (scalarText(item.get('type')) !== 'bind') return undefined;
  const source = interpolate(scalarText(item.get('source')) ?? '');
  const target = interpolate(scalarText(item.get('target')) ?? '');
  return source && target ? { source, target } : undefined;
}

function isRelativeHostPath(source: string): boolean {
  return source === '.' || source === '..' || source.startsWith('./') || source.startsWith('../');
}

function scalarText(value: unknown): string | undefined {
  const raw = isScalar(value) ? value.value : value;
  return typeof raw === 'string' ? raw : undefined;
}
