import { describe, expect, it } from 'vitest';
import { model } from './model-helpers.js';

const opaque = (text: string) => model(`FROM python:3.12\nWORKDIR /app\n${text}\n`).opaque.map((o) => [o.path, o.reason]);

describe('what a RUN writes is unknown content', () => {
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

  it('reads nothing from commands that write no files it can name', () => {
    expect(opaque('RUN pip install -r requirements.txt && mkdir -p /data && tar -czf /tmp/x.tgz /app && cp x.py $DEST')).toEqual([]);
  });
});
