import { describe, expect, it } from 'vitest';
import { imageFiles, model, origins } from './model-helpers.js';

// Context of BuildKit's testCopyWildcards (reference §5.4).
const GO = ['foo.go', 'bar.go', 'sub/dir1/dir2/foo'];

describe('COPY placement: BuildKit testCopyWildcards rows', () => {
  const rows: Array<[string, string[]]> = [
    ['COPY *.go /gofiles/', ['/gofiles/bar.go', '/gofiles/foo.go']],
    ['COPY f*.go foo2.go', ['/foo2.go']],
    ['COPY sub/* /subdest/', ['/subdest/dir2/foo']],
    ['COPY sub/*/dir2/foo /subdest3/bar', ['/subdest3/bar']],
    ['COPY sub/dir1/ d4', ['/d4/dir2/foo']],
    ['COPY sub/dir1/. d5', ['/d5/dir2/foo']],
    ['COPY sub/dir1 d6', ['/d6/dir2/foo']],
    ['COPY . all/', ['/all/bar.go', '/all/foo.go', '/all/sub/dir1/dir2/foo']],
  ];
  it.each(rows)('%s', (instruction, expected) => {
    const m = model(`FROM scratch\n${instruction}\n`, GO);
    expect(imageFiles(m)).toEqual(expected);
    expect(m.problems).toEqual([]);
  });

  it('a directory source never creates a directory named after itself', () => {
    const m = model('FROM scratch\nCOPY sub /x/\n', GO);
    expect(m.dirs.has('/x/dir1' as never)).toBe(true);
    expect(m.dirs.has('/x/sub' as never)).toBe(false);
  });

  it('** is not recursive without --parents', () => {
    expect(imageFiles(model('FROM scratch\nCOPY **/foo /o/\n', GO))).toEqual([]);
    expect(imageFiles(model('FROM scratch\nCOPY sub/**/dir2 /o/\n', GO))).toEqual(['/o/foo']);
  });
});

const MONO = [
  'services/api/main.py',
  'services/api/routes/users.py',
  'services/api/requirements.txt',
  'services/worker/requirements.txt',
  'libs/common/__init__.py',
  'libs/common/utils.py',
  'libs/common/pyproject.toml',
  'libs/db/pyproject.toml',
];

describe('COPY placement: monorepo rows (context = repo root, WORKDIR /app)', () => {
  const at = (instruction: string) => model(`FROM python:3.12-slim\nWORKDIR /app\n${instruction}\n`, MONO);

  it('COPY services/api/ . copies the contents, not the path', () => {
    expect(imageFiles(at('COPY services/api/ .'))).toEqual(['/app/main.py', '/app/requirements.txt', '/app/routes/users.py']);
  });

  it('COPY libs/common ./common keeps the package name', () => {
    expect(imageFiles(at('COPY libs/common ./common'))).toEqual([
      '/app/common/__init__.py', '/app/common/pyproject.toml', '/app/common/utils.py',
    ]);
  });

  it('COPY libs/common . loses the package name', () => {
    expect(imageFiles(at('COPY libs/common .'))).toEqual(['/app/__init__.py', '/app/pyproject.toml', '/app/utils.py']);
  });

  it('COPY */*/requirements.txt ./ writes one file: the last match wins', () => {
    const m = at('COPY services/*/requirements.txt ./');
    expect(origins(m)).toEqual({ '/app/requirements.txt': 'services/worker/requirements.txt' });
  });

  it('a wildcard matching several directories merges their contents in match order', () => {
    const m = at('COPY services/* ./all/');
    expect(origins(m)).toEqual({
      '/app/all/main.py': 'services/api/main.py',
      '/app/all/routes/users.py': 'services/api/routes/users.py',
      '/app/all/requirements.txt': 'services/worker/requirements.txt',
    });
  });

  it('COPY --parents libs/*/pyproject.toml ./ keeps the path', () => {
    expect(imageFiles(at('COPY --parents libs/*/pyproject.toml ./'))).toEqual([
      '/app/libs/common/pyproject.toml', '/app/libs/db/pyproject.toml',
    ]);
  });

  it('records the repository origin and the COPY line of each file', () => {
    const m = at('COPY services/api/main.py .');
    expect(m.files.get('/app/main.py' as never)).toEqual({ repoPath: 'services/api/main.py', line: 3 });
  });
});

describe('COPY destination rules (§5.3)', () => {
  it('WORKDIR /app then COPY main.py /app lands inside the existing directory', () => {
    expect(imageFiles(model('FROM x\nWORKDIR /app\nCOPY main.py /app\n', ['main.py']))).toEqual(['/app/main.py']);
  });

  it('a folder a RUN makes (mkdir -p, mkdir after cd, install -d) receives a later COPY of a file inside it', () => {
    const m = model(
      'FROM python:3.12-slim\nRUN mkdir -p /app/lib && useradd -m appuser\nWORKDIR /srv\nRUN cd /opt && mkdir -m 755 tools && install -d -o app /var/app\nCOPY main.py /app\nCOPY util.py /app/lib\nCOPY cli.py /opt/tools\nCOPY conf.py /var/app\nRUN mkdir "$HOME/x" data\nCOPY seed.py data\n',
      ['main.py', 'util.py', 'cli.py', 'conf.py', 'seed.py'],
    );
    expect(imageFiles(m)).toEqual(['/app/lib/util.py', '/app/main.py', '/opt/tools/cli.py', '/srv/data/seed.py', '/var/app/conf.py']);
    expect(m.dirs.has('/755' as never)).toBe(false);
  });

  it('without the WORKDIR it creates a file named /app', () => {
    const m = model('FROM x\nCOPY main.py /app\n', ['main.py']);
    expect(imageFiles(m)).toEqual(['/app']);
    expect(m.copies[0]!.destIsDir).toBe(false);
  });

  it('a relative destination is resolved against WORKDIR; "." and trailing / name directories', () => {
    const m = model('FROM x\nWORKDIR /srv\nCOPY a.py sub/\nCOPY a.py .\nCOPY a.py ../top.py\n', ['a.py']);
    expect(imageFiles(m)).toEqual(['/srv/a.py', '/srv/sub/a.py', '/top.py']);
    expect(m.copies.map((c) => [c.destPath, c.destIsDir])).toEqual([['/srv/sub', true], ['/srv', true], ['/top.py', false]]);
  });

  it('a destination made a directory by an earlier COPY receives later files inside it', () => {
    const m = model('FROM x\nCOPY pkg /opt/pkg\nCOPY extra.py /opt/pkg\n', ['pkg/__init__.py', 'extra.py']);
    expect(imageFiles(m)).toEqual(['/opt/pkg/__init__.py', '/opt/pkg/extra.py']);
  });

  it('multiple sources merge directories and files into a directory destination', () => {
    const m = model('FROM x\nWORKDIR /app\nCOPY requirements.txt poetry.lock* src/ ./\n', ['requirements.txt', 'src/app.py']);
    expect(imageFiles(m)).toEqual(['/app/app.py', '/app/requirements.txt']);
    expect(m.problems).toEqual([]);
  });

  it('leading / and .. in sources are clamped to the context root', () => {
    const m = model('FROM x\nCOPY ../../libs/common /c/\nCOPY /top.py /t/\n', ['libs/common/a.py', 'top.py']);
    expect(imageFiles(m)).toEqual(['/c/a.py', '/t/top.py']);
  });

  it('escaped brackets match literally', () => {
    expect(imageFiles(model('FROM x\nCOPY arr[[]0].txt /dst/\n', ['arr[0].txt', 'arr0.txt']))).toEqual(['/dst/arr[0].txt']);
  });

  it('JSON form supports spaces', () => {
    expect(imageFiles(model('FROM x\nCOPY ["my dir/a.py", "/app/"]\n', ['my dir/a.py']))).toEqual(['/app/a.py']);
  });

  it('dirs include parents, WORKDIRs and directory destinations, and /', () => {
    const m = model('FROM scratch\nWORKDIR /w/x\nCOPY pkg/a.py /opt/deep/\n', ['pkg/a.py']);
    expect([...m.dirs].sort()).toEqual(['/', '/opt', '/opt/deep', '/w', '/w/x']);
  });
});

describe('COPY flags (§5.5)', () => {
  it('--parents keeps the path after a /./ pivot and ** spans directories', () => {
    const files = ['x/y/a.txt', 'x/y/z/b.txt', 'x/c.txt', 'x/y/d.py'];
    expect(imageFiles(model('FROM s\nCOPY --parents x/./y/*.txt /d/\n', files))).toEqual(['/d/y/a.txt']);
    expect(imageFiles(model('FROM s\nCOPY --parents x/./**/*.txt /d/\n', files))).toEqual(['/d/c.txt', '/d/y/a.txt', '/d/y/z/b.txt']);
    expect(imageFiles(model('FROM s\nCOPY --parents ./x/y/d.py x/y /d\n', files))).toEqual([
      '/d/x/y/a.txt', '/d/x/y/d.py', '/d/x/y/z/b.txt',
    ]);
  });

  it('--exclude drops paths relative to each source root and is repeatable', () => {
    const files = ['app/a.py', 'app/a.png', 'app/img/b.png', 'app/tests/t.py', 'top.png'];
    const m = model('FROM s\nCOPY --exclude=*.png --exclude=tests app /srv/\n', files);
    expect(imageFiles(m)).toEqual(['/srv/a.py', '/srv/img/b.png']);
    expect(imageFiles(model('FROM s\nCOPY --exclude=**/*.png . /o/\n', files))).toEqual(['/o/app/a.py', '/o/app/tests/t.py']);
  });

  it('--chown, --chmod and --link do not change the file set', () => {
    const m = model('FROM s\nCOPY --chown=app:app --chmod=755 --link a.py /app/\n', ['a.py']);
    expect(imageFiles(m)).toEqual(['/app/a.py']);
    expect(m.problems).toEqual([]);
  });

  it('an unknown flag is a syntax problem', () => {
    expect(model('FROM s\nCOPY --bogus a.py /app/\n', ['a.py']).problems.map((p) => p.rule)).toEqual(['dockerfile-syntax']);
  });
});

describe('sourceDirs', () => {
  it('maps directory and file sources to image directories', () => {
    const m = model('FROM s\nWORKDIR /app\nCOPY svc/ .\nCOPY svc/a.py lib/b.py /opt/\n', makeCtx());
    expect(m.copies.map((c) => c.sourceDirs)).toEqual([
      [{ repoDir: 'mono/svc', imageDir: '/app' }],
      [{ repoDir: 'mono/svc', imageDir: '/opt' }, { repoDir: 'mono/lib', imageDir: '/opt' }],
    ]);
  });

  it('maps through COPY --from of a builder stage', () => {
    const text = 'FROM s AS b\nCOPY svc /build/svc\nFROM s\nCOPY --from=b /build /app\nCOPY --from=b /build/svc/sub /deep\n';
    const m = model(text, makeCtx());
    expect(m.copies.map((c) => c.sourceDirs)).toEqual([
      [{ repoDir: 'mono/svc', imageDir: '/app/svc' }],
      [{ repoDir: 'mono/svc/sub', imageDir: '/deep' }],
    ]);
    expect(m.files.get('/deep/c.py' as never)).toEqual({ repoPath: 'mono/svc/sub/c.py', line: 5 });
  });
});

function makeCtx() {
  const files = ['svc/a.py', 'svc/sub/c.py', 'lib/b.py'];
  const dirs = new Set(['', 'svc', 'svc/sub', 'lib']);
  return { root: 'mono' as never, files: new Set(files), dirs, excluded: new Set<string>(), excludedBy: new Map(), ignoreFiles: [], unseenReason: () => undefined, unseenKeys: [] };
}

describe('COPY into a folder every Linux base image has', () => {
  it('copies into /tmp, /usr/local/bin and /srv without a trailing slash, as Docker does where the folder exists', () => {
    const m = model('FROM python:3.12-slim\nCOPY requirements.txt /tmp\nCOPY tool.sh /usr/local/bin\nCOPY app.py /srv\n', ['requirements.txt', 'tool.sh', 'app.py']);
    expect(imageFiles(m)).toEqual(['/srv/app.py', '/tmp/requirements.txt', '/usr/local/bin/tool.sh']);
  });

  it('writes a file of that name where the folder cannot exist: FROM scratch, or a path no base image has', () => {
    expect(imageFiles(model('FROM scratch\nCOPY requirements.txt /tmp\n', ['requirements.txt']))).toEqual(['/tmp']);
    expect(imageFiles(model('FROM python:3.12-slim\nCOPY requirements.txt /reqs\n', ['requirements.txt']))).toEqual(['/reqs']);
  });
});
