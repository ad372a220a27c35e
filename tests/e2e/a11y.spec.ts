// axe-core on every main screen (WCAG 2.0/2.1/2.2 A and AA), with a full-page screenshot of each into
// tests/e2e/screenshots/ for a human to look at.
import {
  test,
  expect,
  openApp,
  reloadApp,
  waitSaved,
  mainHeading,
  goToPage,
  loadDemo,
  programmeCard,
  clickDownload,
  chooseImportFile,
  screenshot,
  expectNoViolations,
} from './fixtures';

test('welcome screen', async ({ page }) => {
  await openApp(page);
  await expect(mainHeading(page)).toHaveText('Get your executives active on social media');
  await screenshot(page, 'welcome');
  await expectNoViolations(page, 'welcome');
  // With the create form open.
  await page.locator('.start-actions').getByRole('button', { name: 'Create programme' }).click();
  await page.locator('form.programme-form').getByRole('button', { name: 'Create programme' }).click();
  await expect(page.locator('.form-error')).toBeVisible();
  await expectNoViolations(page, 'welcome with the create form and its error');
});

test('dashboard with the demo programme', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await waitSaved(page);
  await reloadApp(page); // without the toast
  await screenshot(page, 'dashboard-demo');
  await expectNoViolations(page, 'dashboard (demo)');
});

test('programmes page with an edit form open', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await goToPage(page, 'Programmes');
  await page.locator('.page-head').getByRole('button', { name: 'Create programme' }).click();
  await programmeCard(page, 'Northwind — executive social programme').getByRole('button', { name: /^Edit settings/ }).click();
  await expect(page.locator('form.programme-form')).toHaveCount(2);
  await screenshot(page, 'programmes');
  await expectNoViolations(page, 'programmes (create and edit forms open)');
});

test('data page with an import preview', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await goToPage(page, 'Data');
  const { text } = await clickDownload(page, page.getByRole('button', { name: /^Download all programmes/ }));
  await chooseImportFile(page, 'backup.json', text);
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await screenshot(page, 'data-preview');
  await expectNoViolations(page, 'data page (import preview)');
  // And with an import error.
  await chooseImportFile(page, 'broken.json', '{"format":');
  await expect(page.getByTestId('import-error')).toBeVisible();
  await screenshot(page, 'data-error');
  await expectNoViolations(page, 'data page (import error)');
});

test('recovery screen', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => {
    localStorage.setItem('esp:programme:0b9e7a52-4c1f-4d2a-9e3b-5f6a7b8c9d0e', '{"format":"exec-social-playbook/programme","sch');
    localStorage.setItem('esp:index', 'not json at all');
  });
  await reloadApp(page);
  await expect(mainHeading(page)).toHaveText('Some saved data could not be read');
  await screenshot(page, 'recovery');
  await expectNoViolations(page, 'recovery screen');
});

test('not-found page', async ({ page }) => {
  await openApp(page, '/this/does/not/exist');
  await expect(mainHeading(page)).toHaveText('Page not found');
  await screenshot(page, 'not-found');
  await expectNoViolations(page, 'not-found page');
});
