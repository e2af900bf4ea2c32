import { describe, expect, it } from 'vitest';
import { model } from './model-helpers.js';

const opaque = (text: string) => model(`FROM python:3.12\nWORKDIR /app\n${text}\n`).opaque.map((o) => [o.path, o.reason]);

describe('what a RUN writes is unknown content', () => {
  it("marks protoc's output folders as a generator's, which exist and hold *_pb2 modules (any module for betterproto)", () => {
    const image = model('FROM python:3.12\nWORKDIR /app\nRUN protoc -I protos --python_out=gen --grpc_python_out=. protos/a.proto && python -m grpc_tools.protoc --python_betterproto_out=lib a.proto\n');
    expect(image.opaque.map((o) => [o.path, o.generated])).toEqual([['/app/gen', '_pb2(_grpc)?$'], ['/app', '_pb2(_grpc)?$'], ['/app/lib', '.']]);
    expect(image.dirs.has('/app/gen' as never)).toBe(true);
    const packages = model('FROM python:3.12\nWORKDIR /srv\nRUN python -m grpc_tools.protoc -I protos --python_out=/srv/gen protos/payments/charge.proto protos/billing/v1/*.proto top.proto\n');
    expect(packages.opaque.map((o) => o.path)).toEqual(['/srv/gen', '/srv/gen/payments', '/srv/gen/billing/v1']);
    expect(packages.dirs.has('/srv/gen/billing/v1' as never)).toBe(true);
  });

  it('marks each .pyx of an in-place Cython build as the extension module beside it, and nothing for a plain build', () => {
    const files = ['fast/core.pyx', 'fast/__init__.py', 'other/x.pyx'];
    const inPlace = model('FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN cd fast && cythonize -i core.pyx\n', files).opaque;
    expect(inPlace.map((o) => [o.path, o.generated])).toEqual([['/app/fast/core', '^core$']]);
    const viaSetup = model('FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN python setup.py build_ext --inplace\n', files).opaque;
    expect(viaSetup.map((o) => o.path)).toEqual(['/app/fast/core', '/app/other/x']);
    expect(model('FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN python setup.py build_ext\n', files).opaque).toEqual([]);
  });

  it('reads the destinations of clones, downloads, copies, archives, venvs, protoc and redirections', () => {
    expect(opaque('RUN git clone --depth 1 -b main https://github.com/acme/rules.git && git clone https://x/y.git /opt/y')).toEqual([
      ['/app/rules', 'RUN git clone'], ['/opt/y', 'RUN git clone'],
    ]);
    expect(opaque('RUN curl -fsSL -o /usr/local/bin/tool https://x/tool && wget -q https://x/data.tar.gz -P /opt')).toEqual([
      ['/usr/local/bin/tool', 'RUN curl'], ['/opt/data.tar.gz', 'RUN wget'],
    ]);
    expect(opaque('RUN cd /src && cp -r lib /app/lib && tar -xzf x.tgz -C /opt/x && unzip -q y.zip')).toEqual([
      ['/app/lib', 'RUN cp'], ['/opt/x', 'RUN tar'], ['/src', 'RUN unzip'],
    ]);
    expect(opaque('RUN python -m venv /opt/venv && python -m grpc_tools.protoc -I protos --python_out=gen protos/a.proto')).toEqual([
      ['/opt/venv', 'RUN python -m venv'], ['/app/gen', 'RUN python -m grpc_tools.protoc'],
    ]);
    expect(opaque('RUN echo "DEBUG = False" > settings.py 2>/dev/null')).toEqual([['/app/settings.py', 'RUN echo']]);
  });

  it('reads the requirements files that lock exporters and compilers write', () => {
    expect(opaque('RUN poetry export -f requirements.txt --output reqs/main.txt --without-hashes && pdm export -o /tmp/pdm.txt')).toEqual([
      ['/app/reqs/main.txt', 'RUN poetry export'], ['/tmp/pdm.txt', 'RUN pdm export'],
    ]);
    expect(opaque('RUN uv export --frozen --no-dev -o requirements.txt && uv pip compile pyproject.toml --output-file=locked.txt && pip-compile -o dev.txt dev.in')).toEqual([
      ['/app/requirements.txt', 'RUN uv export'], ['/app/locked.txt', 'RUN uv'], ['/app/dev.txt', 'RUN pip-compile'],
    ]);
    // To standard output, the export writes no file.
    expect(opaque('RUN poetry export --only main | pip install -r /dev/stdin')).toEqual([]);
  });

  it("reads the output option of any other program, as a code generator's", () => {
    expect(opaque('RUN datamodel-codegen --input api.yaml --output app/models.py && openapi-generator-cli generate -i api.yaml -g python -o /srv/client')).toEqual([
      ['/app/app/models.py', 'RUN datamodel-codegen'], ['/srv/client', 'RUN openapi-generator-cli'],
    ]);
    expect(opaque('RUN python tools/gen_settings.py --output-dir=config')).toEqual([['/app/config', 'RUN python']]);
    // Installers' options of that name say nothing of where modules are written.
    expect(opaque('RUN apt-get -o Dpkg::Options::=--force-confold install -y libpq5 && python -m pip download -d /wheels --output /x flask')).toEqual([]);
  });

  it('marks the folder a task runner, buf generate or a repository script runs in as unlisted output; tee writes its files', () => {
    const unlisted = (text: string) => model(`FROM python:3.12\nWORKDIR /app\n${text}\n`).opaque.filter((o) => o.unlisted).map((o) => [o.path, o.reason]);
    expect(unlisted('RUN make proto && cd /srv && buf generate')).toEqual([['/app', 'RUN make proto'], ['/srv', 'RUN buf generate']]);
    expect(unlisted('RUN python scripts/gen_build_info.py && ./bin/codegen --all && bash tools/gen.sh')).toEqual([
      ['/app', 'RUN python scripts/gen_build_info.py'], ['/app', 'RUN ./bin/codegen'], ['/app', 'RUN bash tools/gen.sh'],
    ]);
    // Django's management commands write static files; python -m / -c and setup.py are read otherwise.
    expect(unlisted('RUN python manage.py collectstatic --noinput && python -m compileall . && python -c "import app" && python setup.py build_ext')).toEqual([]);
    expect(opaque(`RUN printf 'VERSION = "1.2"\\n' | tee app/version.py /dev/null`)).toEqual([['/app/app/version.py', 'RUN tee']]);
  });

  it('reads nothing from commands that write no files it can name', () => {
    expect(opaque('RUN pip install -r requirements.txt && mkdir -p /data && tar -czf /tmp/x.tgz /app && cp x.py $DEST')).toEqual([]);
  });
});
