import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline.js';
import { git, makeFixtureRepo, removeFixtureRepos } from '../helpers/fixture-repo.js';

afterAll(removeFixtureRepos);

describe('modules Django imports by name (fixture django-settings-apps)', () => {
  it('follows the settings module, its INSTALLED_APPS, MIDDLEWARE and URL configurations, with the guesses named', async () => {
    const result = await check({ cwd: makeFixtureRepo('django-settings-apps') });
    const found = result.findings.map((f) => ({ service: f.service, severity: f.severity, file: f.file, line: f.line, module: f.module }));
    expect(found).toEqual([
      // No ENV: blog/wsgi.py's setdefault picks the settings, which a deployment may override, so a warning names that.
      { service: 'services/blog/Dockerfile', severity: 'warning', file: 'services/blog/blog/settings.py', line: 2, module: 'whitenoise.middleware' },
      // Django imports an installed app's admin module (the admin app is installed) and models module at start-up.
      { service: 'services/shop/Dockerfile', severity: 'error', file: 'services/shop/orders/admin.py', line: 2, module: 'import_export.admin' },
      { service: 'services/shop/Dockerfile', severity: 'error', file: 'services/shop/orders/models.py', line: 2, module: 'django_countries.fields' },
      // A URL configuration the settings name, then include(): Django imports it on the first request.
      { service: 'services/shop/Dockerfile', severity: 'error', file: 'services/shop/orders/views.py', line: 1, module: 'stripe' },
      // ENV DJANGO_SETTINGS_MODULE names prod, whose base lists rest_framework: Django imports it at start-up.
      { service: 'services/shop/Dockerfile', severity: 'error', file: 'services/shop/shop/settings/base.py', line: 7, module: 'rest_framework' },
      // Added under `if DEBUG:`: loaded only when the deployment turns DEBUG on.
      { service: 'services/shop/Dockerfile', severity: 'warning', file: 'services/shop/shop/settings/base.py', line: 11, module: 'debug_toolbar' },
    ]);
    const [blog, , countries, stripe, restFramework, debugToolbar] = result.findings;
    expect(countries!.chain?.slice(-2)).toEqual([
      { file: 'services/shop/shop/settings/base.py', line: 8, module: 'orders.models', namedIn: 'INSTALLED_APPS' },
      { file: 'services/shop/orders/models.py', line: 2, module: 'django_countries.fields' },
    ]);
    expect(blog!.assumption).toContain('the deployment is taken to leave DJANGO_SETTINGS_MODULE unset, so that services/blog/blog/wsgi.py picks blog.settings');
    expect(stripe!.chain).toEqual([
      { file: 'services/shop/Dockerfile', line: 7, module: 'shop.settings.prod' },
      { file: 'services/shop/shop/settings/prod.py', line: 1, module: 'shop.settings.base' },
      { file: 'services/shop/shop/settings/base.py', line: 16, module: 'shop.urls', namedIn: 'ROOT_URLCONF' },
      { file: 'services/shop/shop/urls.py', line: 6, module: 'orders.urls', namedIn: 'include()' },
      { file: 'services/shop/orders/urls.py', line: 3, module: 'orders.views' },
      { file: 'services/shop/orders/views.py', line: 1, module: 'stripe' },
    ]);
    expect(restFramework!.chain?.at(-1)).toEqual({ file: 'services/shop/shop/settings/base.py', line: 7, module: 'rest_framework', namedIn: 'INSTALLED_APPS' });
    expect(restFramework!.fix?.text).toBe('djangorestframework');
    expect(debugToolbar!.message).toContain('runs only when a condition decided at run time holds');
    // The environment names prod: shop.settings.dev, which the setdefaults name and which adds django_extensions, is never loaded.
    expect(result.findings.some((f) => f.module === 'django_extensions')).toBe(false);
  });

  it('takes the settings module from a compose service environment: what it reaches is then proven', async () => {
    const repo = makeFixtureRepo('django-settings-apps');
    const compose = ['services:', '  blog:', '    build:', '      context: .', '      dockerfile: services/blog/Dockerfile', '    environment:', '      DJANGO_SETTINGS_MODULE: blog.settings', ''];
    writeFileSync(path.join(repo, 'docker-compose.yml'), compose.join('\n'));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'compose');
    const result = await check({ cwd: repo, paths: ['services/blog/Dockerfile'] });
    const whitenoise = result.findings.find((f) => f.module === 'whitenoise.middleware');
    expect(whitenoise).toMatchObject({ severity: 'error', evidence: 'proven' });
    expect(whitenoise!.assumption).toBeUndefined();
  });
});
