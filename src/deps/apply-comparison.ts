/**
 * A comparison operator (`==`, `!=`, `<`, `<=`, `>`, `>=`) applied to the
 * sign of `left - right`; undefined for any other operator. Shared by
 * environment markers and `sys.version_info` conditions.
 */
export function applyComparison(operator: string, sign: number): boolean | undefined {
  switch (operator) {
    case '==':
      return sign === 0;
    case '!=':
      return sign !== 0;
    case '<':
      return sign < 0;
    case '<=':
      return sign <= 0;
    case '>':
      return sign > 0;
    case '>=':
      return sign >= 0;
    default:
      return undefined;
  }
}
