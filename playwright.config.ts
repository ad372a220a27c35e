// End-to-end journeys against the release build, served as static files: `dist/` at the root and
// `target/dist-sub/` (built with --public-url /exec-social-playbook/) under a sub-path, like GitHub Pages.
// Build both first (`make e2e` does): the tests never build anything themselves.
import { defineConfig } from '@playwright/test';

const PORT = 4173;

export default defineConfig({
  testDir: 'tests/e2e',
  // 2-core machines: one browser at a time keeps timings honest.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: 'list',
  timeout: 45_000,
  expect: { timeout: 8_000 },
  forbidOnly: !!process.env.CI,
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // Screenshots are taken by the tests themselves (tests/e2e/screenshots/).
    screenshot: 'off',
    trace: 'off',
    video: 'off',
    acceptDownloads: true,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  },
  webServer: {
    command: `node tools/serve-static.mjs --port ${PORT} --root dist --mount /exec-social-playbook/=target/dist-sub`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 15_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-dev-shm-usage',
          ],
        },
      },
    },
  ],
});
