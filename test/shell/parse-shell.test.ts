import { describe, expect, it } from 'vitest';
import { parseShell } from '../../src/shell/parse-shell.js';

const words = (text: string, env?: Record<string, string>) => parseShell(text, env ? { env } : {}).map((c) => c.words);

describe('parseShell', () => {
  it('splits on && || ; | & and newlines, recording the separator', () => {
    const commands = parseShell('a 1 && b || c; d | e & f\ng');
    expect(commands.map((c) => [c.words[0], c.separatorBefore])).toEqual([
      ['a', undefined],
      ['b', '&&'],
      ['c', '||'],
      ['d', ';'],
      ['e', '|'],
      ['f', '&'],
      ['g', ';'],
    ]);
    expect(commands[6]?.line).toBe(2);
  });

  it('removes single and double quotes and honours backslash escapes', () => {
    expect(words(`echo 'a b' "c \\"d\\" \\x" e\\ f 'it'"'"'s'`)).toEqual([['echo', 'a b', 'c "d" \\x', 'e f', "it's"]]);
  });

  it('joins line continuations and keeps an && chain split over lines', () => {
    expect(words('gunicorn \\\n  -b :80 \\\n  app:app &&\n  echo done')).toEqual([
      ['gunicorn', '-b', ':80', 'app:app'],
      ['echo', 'done'],
    ]);
  });

  it('drops comments but keeps # inside words and quotes', () => {
    expect(words('# start\nrun a#b "#c" # trailing\n')).toEqual([['run', 'a#b', '#c']]);
  });

  it('collects leading assignments and not later ones', () => {
    const [cmd] = parseShell('FOO=1 BAR="a b" python x.py X=2');
    expect(cmd?.assignments).toEqual({ FOO: '1', BAR: 'a b' });
    expect(cmd?.words).toEqual(['python', 'x.py', 'X=2']);
  });

  it('keeps variables literal without env', () => {
    expect(words('cd $APP_HOME && exec "${BIN}" "$@"')).toEqual([['cd', '$APP_HOME'], ['exec', '${BIN}', '$@']]);
  });

  it('expands $V, ${V}, ${V:-x} with env, splitting unquoted values only', () => {
    const env = { OPTS: '-w 2  --preload', HOME: '/srv', EMPTY: '' };
    expect(words('gunicorn $OPTS "$OPTS" ${HOME}/a ${PORT:-8000} ${EMPTY:-dflt} $EMPTY "$EMPTY" $UNSET', env)).toEqual([
      ['gunicorn', '-w', '2', '--preload', '-w 2  --preload', '/srv/a', '8000', 'dflt', '', '$UNSET'],
    ]);
    expect(words("echo '$HOME'", env)).toEqual([['echo', '$HOME']]);
  });

  it('lets earlier assignments and exports feed later expansions', () => {
    expect(words('APP=/code; export MOD=web.app\ncd $APP && python -m $MOD', {})).toEqual([
      [],
      ['export', 'MOD=web.app'],
      ['cd', '/code'],
      ['python', '-m', 'web.app'],
    ]);
  });

  it('drops redirections and their targets', () => {
    expect(words('python migrate.py > /tmp/log 2>&1 && exec app 2> err.txt <in &>/dev/null')).toEqual([
      ['python', 'migrate.py'],
      ['exec', 'app'],
    ]);
  });

  it('skips here-document bodies', () => {
    expect(words("cat <<'EOF' > /etc/conf\nexec fake\nEOF\nexec real")).toEqual([['cat'], ['exec', 'real']]);
  });

  it('keeps $(...), backticks and subshells as opaque words', () => {
    expect(words('export N=$(nproc --all) T=`date +%s`; (cd /x && y) ; z "$(a "b c")"')).toEqual([
      ['export', 'N=$(nproc --all)', 'T=`date +%s`'],
      ['(cd /x && y)'],
      ['z', '$(a "b c")'],
    ]);
  });

  it('flattens if/case so every branch command starts with its program', () => {
    const script = [
      'if [ "$1" = "worker" ]; then',
      '  exec celery -A proj worker',
      'else',
      '  exec gunicorn app:app',
      'fi',
      'case "$MODE" in',
      '  web) exec uvicorn main:app ;;',
      '  *) exec "$@" ;;',
      'esac',
    ].join('\n');
    expect(words(script)).toEqual([
      ['[', '$1', '=', 'worker', ']'],
      ['exec', 'celery', '-A', 'proj', 'worker'],
      ['exec', 'gunicorn', 'app:app'],
      ['exec', 'uvicorn', 'main:app'],
      ['exec', '$@'],
    ]);
  });

  it('never throws on unbalanced input', () => {
    for (const text of ['echo "abc', "echo 'abc", 'echo $(abc', 'echo `abc', 'echo ${abc', '(a', 'a >', 'a \\', ')']) {
      expect(() => parseShell(text, { env: {} })).not.toThrow();
    }
    expect(words('echo "abc')).toEqual([['echo', 'abc']]);
  });

  it('records the if/elif/else tests, case arms and test && / || guards each command runs under', () => {
    const text = [
      'if [ "$1" = serve ]; then exec uvicorn a:app',
      'elif [ -n "$DEBUG" ]; then python -m debugpy',
      'else echo other; fi',
      'case "$1" in beat|cron) exec celery beat ;; (*) exec "$@" ;; esac',
      '[ -f /app/x.py ] && python /app/x.py || echo skipped',
      'gunicorn b:app',
    ].join('\n');
    const conditions = parseShell(text).map((c) => [c.words[0], JSON.stringify(c.conditions ?? [])]);
    const serve = { kind: 'test', list: [{ raw: ['[', '"$1"', '=', 'serve', ']'] }], holds: true };
    const debug = { kind: 'test', list: [{ raw: ['[', '-n', '"$DEBUG"', ']'] }], holds: true };
    const beat = { kind: 'case', subject: '"$1"', patterns: ['beat', 'cron'], matches: true };
    const file = { kind: 'test', list: [{ raw: ['[', '-f', '/app/x.py', ']'] }], holds: true };
    const not = (c: object) => ('holds' in c ? { ...c, holds: false } : { ...c, matches: false });
    expect(conditions).toEqual([
      ['[', '[]'],
      ['exec', JSON.stringify([serve])],
      ['[', JSON.stringify([not(serve)])],
      ['python', JSON.stringify([not(serve), debug])],
      ['echo', JSON.stringify([not(serve), not(debug)])],
      ['exec', JSON.stringify([beat])],
      ['exec', JSON.stringify([not(beat), { kind: 'case', subject: '"$1"', patterns: ['*'], matches: true }])],
      ['[', '[]'],
      ['python', JSON.stringify([file])],
      ['echo', JSON.stringify([not(file)])],
      ['gunicorn', '[]'],
    ]);
  });
});

