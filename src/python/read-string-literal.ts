const LITERAL = /^([rRuUbBfF]{0,2})('''|"""|'|")([\s\S]*)\2$/;

/**
 * The value of a Python string literal written as `text`, or undefined for
 * bytes literals and, unless `formatted` is set, f-strings (their value is
 * not fixed; with `formatted` the template is returned as written, which is
 * enough to see a URL scheme). Escape sequences are left as written: the
 * values dockguard looks for (module paths, URLs) never contain backslashes.
 */
export function readStringLiteral(text: string, options: { formatted?: boolean } = {}): string | undefined {
  const match = LITERAL.exec(text);
  const prefix = match?.[1] ?? '';
  if (!match || /[bB]/.test(prefix) || (/[fF]/.test(prefix) && !options.formatted)) return undefined;
  return match[3];
}
