import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium';

// Sessions that run several suites at once give each its own port (E2E_PORT).
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: true,
  // Two cores and software WebGL: one browser at a time keeps timings and pixels steady.
  workers: 1,
  retries: 0,
  reporter: [['list'], ['junit', { outputFile: '../reports/junit-e2e.xml' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 640, height: 480 },
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `tsx support/serve.ts ${PORT}`,
    url: `http://127.0.0.1:${PORT}/dist/digimens.iife.js`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
