/**
 * Module part of an app spec (`pkg.wsgi:application`, `main:create_app()`).
 * The module never contains `:`, so everything after the first one is the
 * attribute or factory call.
 */
export function moduleOfAppSpec(spec: string): string {
  const colon = spec.indexOf(':');
  return colon === -1 ? spec : spec.slice(0, colon);
}

/** The positional that names the app: the last `module:attr`-looking one, else the last one. */
export function pickAppSpec(positionals: readonly string[]): string | undefined {
  const withColon = positionals.filter((p) => /^[\w./-]+:/.test(p));
  return withColon.at(-1) ?? positionals.at(-1);
}
