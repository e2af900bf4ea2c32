/** Colour only when NO_COLOR is unset and FORCE_COLOR or a terminal asks for it (no-color.org). */
export function shouldUseColor(env: NodeJS.ProcessEnv, isTty: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTty;
}
