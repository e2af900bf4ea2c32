/**
 * Whether a package's `__init__.py` binds `name` itself (def, class,
 * assignment, import as), or defines a module `__getattr__`: then
 * `from pkg import name` does not need a submodule of that name.
 */
export function definesName(initSource: string, name: string): boolean {
  const n = name.replace(/[^A-Za-z0-9_]/g, '');
  const patterns = [
    new RegExp(`^\\s*(?:async\\s+)?(?:def|class)\\s+${n}\\b`, 'm'),
    new RegExp(`^\\s*${n}\\s*(?::[^=\\n]*)?=`, 'm'),
    new RegExp(`^\\s*[A-Za-z_][\\w\\s,]*\\b${n}\\b[\\w\\s,]*=(?!=)`, 'm'),
    new RegExp(`\\b(?:as|for|global)\\s+${n}\\b`),
    new RegExp(`^\\s*(?:from\\s+\\S+\\s+)?import\\b[^\\n]*\\b${n}\\b`, 'm'),
    /^\s*def\s+__getattr__\s*\(/m,
    // Names bound by star imports, globals() or __path__ tricks cannot be told statically: assume bound.
    /^\s*from\s+\S+\s+import\s+\*/m,
    /\bglobals\(\)|\b__path__\b|\bsetattr\(/,
  ];
  return patterns.some((pattern) => pattern.test(initSource));
}
