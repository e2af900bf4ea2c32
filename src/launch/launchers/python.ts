import type { ImagePath, LaunchRoot } from '../../types.js';
import { extractInlineImports } from '../inline-imports.js';
import { dirnameOf, joinImagePath, resolveImagePath } from '../image-paths.js';
import type { Invocation, LaunchContext, LauncherOutcome } from '../launch-context.js';

/** `python`, `python3`, `python3.12`, `pypy3` — by basename. */
export const isPythonProgram = (name: string): boolean => /^(python|pypy)(\d+(\.\d+)?)?$/.test(name);

/** Modules that `python -m X` runs as the console launcher of the same name. */
const MODULE_PROGRAMS: Record<string, string> = {
  gunicorn: 'gunicorn',
  uvicorn: 'uvicorn',
  flask: 'flask',
  celery: 'celery',
  streamlit: 'streamlit',
  hypercorn: 'hypercorn',
  daphne: 'daphne',
  waitress: 'waitress-serve',
  functions_framework: 'functions-framework',
  fastapi: 'fastapi',
  locust: 'locust',
  awslambdaric: 'awslambdaric',
};

interface InterpreterArgs {
  mode: 'script' | 'module' | 'inline' | 'repl';
  target: string | undefined;
  rest: string[];
  flags: Set<string>;
}

/** CPython's command line: options, then `-c cmd`, `-m mod`, a script, or nothing (REPL). */
function readInterpreterArgs(args: readonly string[]): InterpreterArgs {
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') return script(args[i + 1], args.slice(i + 2), flags);
    if (arg === '-' || !arg.startsWith('-')) return script(arg === '-' ? undefined : arg, args.slice(i + 1), flags);
    if (arg.startsWith('--')) {
      if (arg === '--check-hash-based-pycs') i++;
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const ch = arg[j] as string;
      if (ch === 'c' || ch === 'm') {
        const attached = arg.slice(j + 1);
        const target = attached || args[++i];
        return { mode: ch === 'c' ? 'inline' : 'module', target, rest: args.slice(i + 1), flags };
      }
      if (ch === 'W' || ch === 'X') {
        if (j === arg.length - 1) i++;
        break;
      }
      flags.add(ch);
    }
  }
  return { mode: 'repl', target: undefined, rest: [], flags };
}

function script(target: string | undefined, rest: string[], flags: Set<string>): InterpreterArgs {
  return { mode: target === undefined ? 'repl' : 'script', target, rest, flags };
}

/** `python x.py` / `-m mod` / `-c code`, with sys.path[0] as CPython computes it. */
export function launchPython(invocation: Invocation, context: LaunchContext): LauncherOutcome {
  const { cwd, env } = invocation;
  const parsed = readInterpreterArgs(invocation.args);
  const isolated = parsed.flags.has('I');
  const noPathZero = isolated || parsed.flags.has('P') || Boolean(env.PYTHONSAFEPATH);
  const ignoresPythonPath = isolated || parsed.flags.has('E');
  const withPathZero = (roots: LaunchRoot[], zero: ImagePath) => ({
    roots,
    front: noPathZero ? [] : [zero],
    ignoresPythonPath,
  });

  switch (parsed.mode) {
    case 'repl':
      return { failure: 'it starts an interactive Python shell (no script, -m or -c)' };
    case 'inline':
      return withPathZero([{ kind: 'inline', imports: extractInlineImports(parsed.target ?? ''), why: 'python -c' }], cwd);
    case 'module': {
      const module = parsed.target ?? '';
      const program = MODULE_PROGRAMS[module];
      const launcher = program ? context.launcherFor(program) : undefined;
      if (!launcher) return withPathZero([{ kind: 'module', module, why: 'python -m', runsAsMain: true }], cwd);
      const delegated = launcher({ ...invocation, args: parsed.rest }, context);
      if ('failure' in delegated) return delegated;
      return { ...delegated, front: [...delegated.front, ...(noPathZero ? [] : [cwd])], ignoresPythonPath };
    }
    case 'script': {
      const target = resolveImagePath(cwd, parsed.target ?? '');
      // `python some_dir` runs the directory's __main__.py with the directory as sys.path[0].
      if (context.image.dirs.has(target)) {
        return withPathZero([{ kind: 'script', path: joinImagePath(target, '__main__.py'), why: 'python directory' }], target);
      }
      return withPathZero([{ kind: 'script', path: target, why: 'python script' }], dirnameOf(target));
    }
  }
}
