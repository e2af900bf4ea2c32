/** `google.cloud.bigquery` → `google`: the name Python looks up on sys.path first. */
export function topLevelModule(module: string): string {
  const dot = module.indexOf('.');
  return dot === -1 ? module : module.slice(0, dot);
}
