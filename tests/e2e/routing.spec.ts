// Deep links through the static host's 404.html, sub-path hosting, the not-found page, and the
// keyboard-only journey.
import {
  test,
  expect,
  ORIGIN,
  SUB,
  openApp,
  appReady,
  reloadApp,
  waitSaved,
  mainHeading,
  nav,
  goToPage,
  createFromWelcome,
  fillProgrammeForm,
  storedProgrammes,
  UUID_KEY,
  tabTo,
} from './fixtures';

const SUB_ROOT = new RegExp(`^${ORIGIN}/exec-social-playbook/?$`);

test('deep link to /data renders the Data page (served from 404.html)', async ({ page }) => {
  const response = await page.goto('/data');
  expect(response?.status()).toBe(404); // what a static host does; the app renders anyway
  await appReady(page);
  await expect(mainHeading(page)).toHaveText('Data and backups');
  await expect(nav(page).getByRole('link', { name: 'Data', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveTitle(/Exec Social Playbook/);

  await page.goto('/programmes');
  await appReady(page);
  await expect(mainHeading(page)).toHaveText('Programmes');
});

test('an unknown address shows "Page not found" with a way back', async ({ page }) => {
  await openApp(page, '/no/such/page');
  await expect(mainHeading(page)).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Go to the dashboard' }).click();
  await expect(page).toHaveURL(`${ORIGIN}/`);
  await expect(mainHeading(page)).toHaveText('Get your executives active on social media');
});

test('sub-path build: deep links render, a programme is created and saved under /exec-social-playbook/', async ({ page, guard }) => {
  const response = await page.goto(`${SUB}data`);
  expect(response?.status()).toBe(404);
  await appReady(page);
  await expect(mainHeading(page)).toHaveText('Data and backups');

  await openApp(page, SUB);
  await createFromWelcome(page, { name: 'Hosted under a sub-path', company: 'Pages Inc' });
  await waitSaved(page);
  const keys = Object.keys(await storedProgrammes(page));
  expect(keys).toHaveLength(1);
  expect(keys[0]).toMatch(UUID_KEY);

  // Deep links under the sub-path (its own 404.html), after a reload too.
  await openApp(page, `${SUB}programmes`);
  await expect(mainHeading(page)).toHaveText('Programmes');
  await expect(page.locator('li.programme-card h2')).toHaveText(['Hosted under a sub-path']);
  await reloadApp(page);
  await expect(page.locator('li.programme-card h2')).toHaveText(['Hosted under a sub-path']);
  // Creating from the Programmes page navigates in the app (use_navigate): it must stay under the sub-path.
  // (The nav links are covered by the next test.)
  await page.locator('.page-head').getByRole('button', { name: 'Create programme' }).click();
  await fillProgrammeForm(page.locator('#main'), { name: 'Second under sub-path' }, 'Create programme');
  await expect(mainHeading(page)).toHaveText('Second under sub-path');
  await expect(page).toHaveURL(SUB_ROOT);
  await waitSaved(page);

  // Unknown address under the sub-path: the app's not-found page.
  await openApp(page, `${SUB}nowhere`);
  await expect(mainHeading(page)).toHaveText('Page not found');

  // The sub-path without its trailing slash still reaches the app.
  await openApp(page, SUB.slice(0, -1));
  await expect(mainHeading(page)).toHaveText('Second under sub-path');

  // All of the app's files came from the sub-path build.
  const http = guard.requests.filter((u) => u.startsWith('http'));
  for (const url of http) expect(url, url).toMatch(new RegExp(`^${ORIGIN}${SUB.slice(0, -1)}(/|$)`));
});

test('sub-path build: navigation links stay under /exec-social-playbook/', async ({ page }) => {
  await openApp(page, `${SUB}data`);
  await expect(mainHeading(page)).toHaveText('Data and backups');
  const hrefs = await page.locator('header a, nav a').evaluateAll((links) =>
    links.map((a) => a.getAttribute('href') ?? ''),
  );
  expect(hrefs.length).toBeGreaterThanOrEqual(4);
  expect.soft(hrefs.filter((h) => !/^\/exec-social-playbook(\/|$)/.test(h)), 'links outside the sub-path').toEqual([]);
  await expect.soft(nav(page).getByRole('link', { name: 'Data', exact: true })).toHaveAttribute('aria-current', 'page');

  await goToPage(page, 'Programmes');
  await expect(page).toHaveURL(`${ORIGIN}${SUB}programmes`);
  await goToPage(page, 'Dashboard');
  await expect(page).toHaveURL(SUB_ROOT);
  await createFromWelcome(page, { name: 'Linked', company: 'Links Ltd' });
  await goToPage(page, 'Data');
  await expect(page).toHaveURL(`${ORIGIN}${SUB}data`);
  await page.locator('.brand').getByRole('link', { name: 'Exec Social Playbook' }).click();
  await expect(page).toHaveURL(SUB_ROOT);
  await expect(mainHeading(page)).toHaveText('Linked');

  // The not-found page's link leads back into the sub-path.
  await openApp(page, `${SUB}nowhere`);
  await page.getByRole('link', { name: 'Go to the dashboard' }).click();
  await expect(page).toHaveURL(SUB_ROOT);
});

test('keyboard only: create a programme from the welcome page and reach the Data page', async ({ page }) => {
  await openApp(page);
  // The first Tab stop is the skip link.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();

  await tabTo(page, page.locator('.start-actions').getByRole('button', { name: 'Create programme' }));
  await page.keyboard.press('Enter');

  const form = page.locator('form.programme-form');
  await tabTo(page, form.getByLabel('Programme name'));
  await page.keyboard.type('Keyboard programme');
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Company')).toBeFocused();
  await page.keyboard.type('Keys Inc');
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Owner')).toBeFocused();
  await page.keyboard.type('Kim Keys');

  await tabTo(page, form.getByLabel('LinkedIn', { exact: true }));
  await page.keyboard.press('Space');
  await expect(form.getByLabel('LinkedIn', { exact: true })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(form.getByLabel('X', { exact: true })).toBeChecked();

  await tabTo(page, form.getByRole('button', { name: 'Create programme' }));
  await page.keyboard.press('Enter');
  await expect(mainHeading(page)).toHaveText('Keyboard programme');
  await expect(page.locator('dl.facts')).toContainText('Keys Inc');
  await expect(page.locator('dl.facts')).toContainText('Kim Keys');
  await expect(page.locator('dl.facts')).toContainText('LinkedIn, X');

  await tabTo(page, nav(page).getByRole('link', { name: 'Data', exact: true }));
  await page.keyboard.press('Enter');
  await expect(mainHeading(page)).toHaveText('Data and backups');
  await expect(page).toHaveURL(`${ORIGIN}/data`);

  // And back to the Programmes page, where Enter on "Edit settings" opens the form.
  await tabTo(page, nav(page).getByRole('link', { name: 'Programmes', exact: true }));
  await page.keyboard.press('Enter');
  await expect(mainHeading(page)).toHaveText('Programmes');
  const edit = page.getByRole('button', { name: /^Edit settings/ });
  await tabTo(page, edit);
  await page.keyboard.press('Enter');
  await expect(edit).toHaveAttribute('aria-expanded', 'true');
  await tabTo(page, page.getByRole('button', { name: 'Cancel' }));
  await page.keyboard.press('Enter');
  await expect(edit).toHaveAttribute('aria-expanded', 'false');
});
