import { describe, expect, it } from 'vitest';
import { listLocalCopySources } from '../../src/dockerfile/local-sources.js';

describe('listLocalCopySources', () => {
  it('lists context sources of every stage, normalised like BuildKit', () => {
    const text = [
      'FROM python:3.12-slim AS build', // 1
      'WORKDIR /w', // 2
      'COPY services/api/requirements.txt services/api/', // 3
      'COPY ./libs/common/ /w/libs/common', // 4
      'FROM python:3.12-slim', // 5
      'COPY --from=build /install /usr/local', // 6
      'copy ../../libs /srv/libs', // 7
      'ADD /abs/path.txt . ', // 8
      'COPY . .', // 9
    ].join('\n');
    expect(listLocalCopySources(text)).toEqual([
      { source: 'services/api/requirements.txt', line: 3 },
      { source: 'libs/common', line: 4 },
      { source: 'libs', line: 7 },
      { source: 'abs/path.txt', line: 8 },
      { source: '.', line: 9 },
    ]);
  });

  it('substitutes ARG and ENV defaults and drops what stays unresolved', () => {
    const text = [
      'ARG SVC=api',
      'FROM python:3.12 AS base',
      'ARG SVC',
      'ENV LIB=libs/common',
      'COPY services/$SVC/app ${LIB} /app/',
      'COPY $UNKNOWN/x /app/',
      'FROM base',
      'COPY ${LIB:-nope}/extra /app/',
      'COPY ${MISSING:-fallback} /app/',
    ].join('\n');
    expect(listLocalCopySources(text)).toEqual([
      { source: 'services/api/app', line: 5 },
      { source: 'libs/common', line: 5 },
      { source: 'libs/common/extra', line: 8 },
      { source: 'fallback', line: 9 },
    ]);
  });

  it('skips URLs, git remotes, heredocs and JSON quotes are honoured', () => {
    const text = [
      'FROM alpine',
      'ADD https://example.com/a.tar.gz /tmp/',
      'ADD git@github.com:org/repo.git /src',
      'COPY <<EOF /app/settings.py',
      'DEBUG = False',
      'EOF',
      'COPY ["dir with space/", "/app/"]',
    ].join('\n');
    expect(listLocalCopySources(text)).toEqual([{ source: 'dir with space', line: 7 }]);
  });

  it('never throws on garbage', () => {
    for (const text of ['', '\u0000\u0001', 'COPY', 'FROM\nCOPY a', '[[[', 'FROM x\nCOPY "unterminated /a']) {
      expect(() => listLocalCopySources(text)).not.toThrow();
    }
    expect(listLocalCopySources('FROM x\nCOPY a')).toEqual([]);
  });
});
