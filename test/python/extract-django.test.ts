import { describe, expect, test } from 'vitest';
import { extractImports } from '../../src/python/extract-imports.js';
import { decodeParsedModule, encodeParsedModule } from '../../src/cache/parsed-module-codec.js';

const py = (lines: string[]): string => `${lines.join('\n')}\n`;
const viaRefs = (source: string) => extractImports(source).imports.filter((ref) => ref.namedIn !== undefined);

describe('extractImports: modules Django imports by name', () => {
  test('INSTALLED_APPS and MIDDLEWARE entries are imports: a plain name, a module, or a class of a module', () => {
    const refs = viaRefs(
      py([
        'import os',
        'INSTALLED_APPS = [',
        '    "django.contrib.admin",',
        "    'rest_framework',",
        '    "polls.apps.PollsConfig",',
        ']',
        'MIDDLEWARE = (',
        '    "whitenoise.middleware.WhiteNoiseMiddleware",',
        ')',
        'ROOT_URLCONF = "mysite.urls"',
        'WSGI_APPLICATION = "mysite.wsgi.application"',
      ]),
    );
    expect(refs).toEqual([
      { module: 'django.contrib', level: 0, names: ['admin'], line: 3, guarded: false, dynamic: false, namedIn: 'INSTALLED_APPS' },
      { module: 'rest_framework', level: 0, names: [], line: 4, guarded: false, dynamic: false, namedIn: 'INSTALLED_APPS' },
      { module: 'polls.apps', level: 0, names: ['PollsConfig'], line: 5, guarded: false, dynamic: false, namedIn: 'INSTALLED_APPS' },
      { module: 'whitenoise.middleware', level: 0, names: ['WhiteNoiseMiddleware'], line: 8, guarded: false, dynamic: false, namedIn: 'MIDDLEWARE' },
      { module: 'mysite.urls', level: 0, names: [], line: 10, guarded: false, dynamic: false, namedIn: 'ROOT_URLCONF' },
      { module: 'mysite.wsgi', level: 0, names: ['application'], line: 11, guarded: false, dynamic: false, namedIn: 'WSGI_APPLICATION' },
    ]);
  });

  test('an addition under `if DEBUG:` is conditional, one in a try/except ImportError optional', () => {
    const refs = viaRefs(
      py([
        'from .base import *',
        'if DEBUG:',
        '    INSTALLED_APPS += ["debug_toolbar"]',
        'try:',
        '    import django_extensions',
        '    INSTALLED_APPS += ("django_extensions",)',
        'except ImportError:',
        '    pass',
      ]),
    );
    expect(refs).toMatchObject([
      { module: 'debug_toolbar', guarded: true, guardKind: 'condition', namedIn: 'INSTALLED_APPS' },
      { module: 'django_extensions', guarded: true, namedIn: 'INSTALLED_APPS' },
    ]);
    expect(refs[1]!.guardKind).toBeUndefined();
  });

  test('only module-level settings count: not a local in a function, not another name, not a computed string', () => {
    const refs = viaRefs(
      py([
        'def configure():',
        '    INSTALLED_APPS = ["not_a_setting"]',
        'OTHER_APPS = ["also_not"]',
        'INSTALLED_APPS = [f"{PREFIX}.app", "ok_app", "has spaces", SOME_NAME]',
      ]),
    );
    expect(refs.map((ref) => ref.module)).toEqual(['ok_app']);
  });

  test('include("app.urls") is an import where `include` comes from Django, and nowhere else', () => {
    const urls = py(['from django.urls import include, path', 'urlpatterns = [', '    path("polls/", include("polls.urls")),', '    path("api/", include(("api.urls", "api"))),', ']']);
    expect(viaRefs(urls)).toEqual([{ module: 'polls.urls', level: 0, names: [], line: 3, guarded: false, dynamic: false, namedIn: 'include()' }]);
    expect(viaRefs(py(['from jinja2 import include', 'include("templates.base")']))).toEqual([]);
  });

  test('the setting survives the cache: encoded and decoded, the reference is the same', () => {
    const parsed = extractImports(py(['INSTALLED_APPS = ["rest_framework"]', 'import os']));
    expect(decodeParsedModule(JSON.parse(JSON.stringify(encodeParsedModule(parsed))))).toEqual(parsed);
  });
});

describe('extractImports: Django settings lists a module changes', () => {
  test('append, insert and extend add entries; a list the module also filters or rebuilds makes its entries conditional', () => {
    const added = viaRefs(py(['INSTALLED_APPS = ["a_app"]', 'INSTALLED_APPS.append("b_app")', 'INSTALLED_APPS.insert(0, "c_app")', 'MIDDLEWARE = []', 'MIDDLEWARE.extend(["d.middleware.D"])']));
    expect(added.map((ref) => [ref.module, ref.guarded])).toEqual([['a_app', false], ['b_app', false], ['c_app', false], ['d.middleware', false]]);
    for (const rewrite of ['INSTALLED_APPS.remove("debug_toolbar")', 'INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "debug_toolbar"]', 'del INSTALLED_APPS[-1]']) {
      const refs = viaRefs(py(['INSTALLED_APPS = ["debug_toolbar", "shop"]', rewrite]));
      expect(refs.map((ref) => [ref.module, ref.guardKind])).toEqual([['debug_toolbar', 'condition'], ['shop', 'condition']]);
    }
  });
});

describe('extractImports: settings built from named lists', () => {
  test('INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS reads each list (the cookiecutter-django layout)', () => {
    const refs = viaRefs(
      py([
        'DJANGO_APPS = ["django.contrib.auth"]',
        'THIRD_PARTY_APPS = [',
        '    "crispy_forms",',
        '    "allauth",',
        ']',
        'LOCAL_APPS = ["shop.users"]',
        'if DEBUG:',
        '    LOCAL_APPS += ["shop.devtools"]',
        'INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + (LOCAL_APPS)',
      ]),
    );
    // The entry added to LOCAL_APPS under `if DEBUG:` stays conditional in INSTALLED_APPS.
    expect(refs.map((ref) => [ref.module, ref.line, ref.namedIn, ref.guarded])).toEqual([
      ['django.contrib', 1, 'INSTALLED_APPS', false],
      ['crispy_forms', 3, 'INSTALLED_APPS', false],
      ['allauth', 4, 'INSTALLED_APPS', false],
      ['shop', 6, 'INSTALLED_APPS', false],
      ['shop', 8, 'INSTALLED_APPS', true],
    ]);
  });

  test('an operand it cannot read makes the setting conditional', () => {
    const refs = viaRefs(py(['BASE = ["a_app"]', 'INSTALLED_APPS = BASE + get_plugins()']));
    expect(refs.map((ref) => [ref.module, ref.guardKind])).toEqual([['a_app', 'condition']]);
  });
});

describe('extractImports: a setting assigned again', () => {
  test('an unconditional `=` replaces the list so far; `X = X + [...]` extends it', () => {
    const replaced = viaRefs(py(['INSTALLED_APPS = ["old_app"]', 'INSTALLED_APPS = ["new_app"]']));
    expect(replaced.map((ref) => ref.module)).toEqual(['new_app']);
    const extended = viaRefs(py(['INSTALLED_APPS = ["first_app"]', 'INSTALLED_APPS = INSTALLED_APPS + ["second_app"]']));
    expect(extended.map((ref) => [ref.module, ref.guarded])).toEqual([['first_app', false], ['second_app', false]]);
    // In prod.py after `from .base import *`: the base list is another module's; the addition is read.
    const afterStarImport = viaRefs(py(['from .base import *', 'INSTALLED_APPS = INSTALLED_APPS + ["anymail"]']));
    expect(afterStarImport.map((ref) => [ref.module, ref.guarded])).toEqual([['anymail', false]]);
  });
});
