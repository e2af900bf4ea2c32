/** PEP 503 name: lowercase, every run of `-`, `_`, `.` becomes one `-` (`Foo.Bar_baz` → `foo-bar-baz`). */
export function normalizeName(name: string): string {
  return name.trim().replace(/[-_.]+/g, '-').toLowerCase();
}
