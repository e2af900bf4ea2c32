/**
 * Walks an argv the way optparse/clap do: `--opt value`, `--opt=value`,
 * `-rfile`, `-r file`; everything after `--` is positional. Options not in
 * `withValue` are flags, so an unknown option never eats the next word.
 */
export function walkArgs(
  args: string[],
  withValue: ReadonlySet<string>,
  visit: (option: string | undefined, value: string | undefined) => void,
): void {
  let positionalOnly = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (positionalOnly || !arg.startsWith('-') || arg === '-') {
      visit(undefined, arg);
      continue;
    }
    if (arg === '--') {
      positionalOnly = true;
      continue;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg : arg.slice(0, eq);
      if (eq >= 0) visit(name, arg.slice(eq + 1));
      else visit(name, withValue.has(name) ? args[++i] : undefined);
      continue;
    }
    const short = arg.slice(0, 2);
    if (withValue.has(short)) visit(short, arg.length > 2 ? arg.slice(2) : args[++i]);
    else for (const c of arg.slice(1)) visit(`-${c}`, undefined); // bundled flags: -qU
  }
}
