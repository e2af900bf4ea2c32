import type { InitService } from '../../src/init/init-plan.js';

/** What the CLI's discovery would hand to init for the fixtures. */
export const SCRAPER: InitService[] = [
  { dockerfile: 'services/scraper/Dockerfile', context: 'services/scraper', contextSource: 'inferred' },
];

export const MONOREPO: InitService[] = [
  { dockerfile: 'services/orders/Dockerfile', context: '', contextSource: 'compose', contextOrigin: 'docker-compose.yml', name: 'orders' },
  { dockerfile: 'services/billing/Dockerfile', context: 'services/billing', contextSource: 'compose', contextOrigin: 'docker-compose.yml', name: 'billing' },
];
