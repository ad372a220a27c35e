// PRODUCT.md's reliability table, in the browser: corrupt storage, full storage, blocked storage,
// reload right after an edit, data from a newer version.
import {
  test,
  expect,
  openApp,
  reloadApp,
  appReady,
  waitSaved,
  saveStatus,
  mainHeading,
  goToPage,
  toast,
  createFromWelcome,
  createFromProgrammes,
  fillProgrammeForm,
  programmeCard,
  storageSnapshot,
  storedProgrammes,
  liveStoredNames,
  clickDownload,
  screenshot,
} from './fixtures';

const CORRUPT_ID = '3f1c2a4e-8b7d-4c3e-9a1f-0123456789ab';
const CORRUPT_KEY = `esp:programme:${CORRUPT_ID}`;
const CORRUPT_RAW =
  '{"format":"exec-social-playbook/programme","schema_version":4,"programme":{"settings":{"id":"3f1c2a4e-8b7d-4c3e-9a1f-0123456789ab","created_at":"2026-10-05T08:30:00Z","name":"Half a progr';

test.describe('corrupt storage', () => {
  test.beforeEach(async ({ page }) => {
    await openApp(page);
    await createFromWelcome(page, { name: 'Healthy programme', company: 'Healthy Co' });
    await waitSaved(page);
    await page.evaluate(([key, raw]) => localStorage.setItem(key, raw), [CORRUPT_KEY, CORRUPT_RAW]);
    await reloadApp(page);
  });

  test('shows the recovery screen, downloads the raw text, sets it aside', async ({ page }) => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Some saved data could not be read');
    await expect(page.locator('.unreadable-list code')).toHaveText(CORRUPT_KEY);
    await expect(page.locator('.unreadable-list')).toContainText(`${CORRUPT_RAW.length} characters`);
    // No app chrome: nothing can be edited (and saved over the damaged entry) from here.
    await expect(page.getByTestId('save-status')).toHaveCount(0);

    const { download, text } = await clickDownload(page, page.getByRole('button', { name: /^Download raw data/ }));
    expect(download.suggestedFilename()).toMatch(/\.txt$/);
    expect(text).toBe(CORRUPT_RAW);
    expect(await page.evaluate((key) => localStorage.getItem(key), CORRUPT_KEY)).toBe(CORRUPT_RAW);

    // Reloading keeps showing the recovery screen and still does not touch the entry.
    await reloadApp(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Some saved data could not be read');
    expect(await page.evaluate((key) => localStorage.getItem(key), CORRUPT_KEY)).toBe(CORRUPT_RAW);

    await page.getByRole('button', { name: 'Set aside and open the app' }).click();
    await expect(mainHeading(page)).toHaveText('Healthy programme');
    await expect(toast(page)).toContainText('set aside');

    const stored = await storageSnapshot(page);
    expect(stored[CORRUPT_KEY]).toBeUndefined();
    const recovered = Object.keys(stored).filter((k) => k.startsWith('esp:recovered:'));
    expect(recovered).toHaveLength(1);
    expect(recovered[0]).toContain(CORRUPT_KEY);
    expect(stored[recovered[0]]).toBe(CORRUPT_RAW);

    await goToPage(page, 'Data');
    const kept = page.locator('section', { has: page.getByRole('heading', { name: 'In this browser' }) });
    await expect(kept.getByRole('heading', { name: 'Kept copies' })).toBeVisible();
    await expect(kept.locator('ul.kept-copies li')).toHaveCount(1);
    await expect(kept.locator('ul.kept-copies li')).toContainText(`Unreadable data set aside from ${CORRUPT_KEY}`);
    const copy = await clickDownload(page, kept.getByRole('button', { name: /^Download kept copy 1/ }));
    expect(copy.text).toBe(CORRUPT_RAW);

    // The app opens normally from now on.
    await reloadApp(page);
    await goToPage(page, 'Dashboard');
    await expect(mainHeading(page)).toHaveText('Healthy programme');
  });

  test('"Continue without saving" leaves storage exactly as it is', async ({ page }) => {
    const before = await storageSnapshot(page);
    await page.getByRole('button', { name: 'Continue without saving' }).click();
    await expect(mainHeading(page)).toHaveText('Healthy programme');
    await expect(saveStatus(page)).toHaveText('Not saved — storage blocked');
    await expect(page.getByTestId('problem-banner')).toContainText('continue without saving');
    await createFromProgrammes(page, { name: 'Only in memory' });
    await page.waitForTimeout(800);
    expect(await storageSnapshot(page)).toEqual(before);
  });
});

test('storage full: "Not saved", data kept in the tab, export works, saving resumes', async ({ page }) => {
  await openApp(page);
  await createFromWelcome(page, { name: 'Quota test', company: 'Full Disk Ltd', owner: 'Ann' });
  await waitSaved(page);
  const before = await storageSnapshot(page);

  await page.evaluate(() => {
    const w = window as unknown as { __e2eSetItem: typeof Storage.prototype.setItem };
    w.__e2eSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });

  await goToPage(page, 'Programmes');
  const card = programmeCard(page, 'Quota test');
  await card.getByRole('button', { name: /^Edit settings/ }).click();
  await fillProgrammeForm(card, { name: 'Quota test — edited while full', owner: 'Bea' }, 'Save settings');

  await expect(saveStatus(page)).toHaveText('Not saved');
  const banner = page.getByTestId('problem-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('Not saved');
  await expect(banner).toContainText('full');
  await expect(banner).toContainText('download a backup');
  // The edit is still shown (kept in memory)…
  await expect(programmeCard(page, 'Quota test — edited while full')).toBeVisible();
  await expect(page.getByLabel('Programme', { exact: true }).locator('option')).toHaveText([
    'Quota test — edited while full',
  ]);
  // …and the stored copy is unchanged.
  expect(await storageSnapshot(page)).toEqual(before);
  await screenshot(page, 'quota-banner');

  // Export still works and contains the edit.
  await goToPage(page, 'Data');
  const { text } = await clickDownload(page, page.getByRole('button', { name: /^Download all programmes/ }));
  const file = JSON.parse(text);
  expect(file.programmes.map((p: { settings: { name: string } }) => p.settings.name)).toEqual([
    'Quota test — edited while full',
  ]);
  expect(file.programmes[0].settings.owner).toBe('Bea');
  await expect(saveStatus(page)).toHaveText('Not saved');
  expect(await storageSnapshot(page)).toEqual(before);

  // Space freed: saving resumes by itself.
  await page.evaluate(() => {
    const w = window as unknown as { __e2eSetItem: typeof Storage.prototype.setItem };
    Storage.prototype.setItem = w.__e2eSetItem;
  });
  await expect(saveStatus(page)).toHaveText('Saved', { timeout: 7_000 });
  await expect(page.getByTestId('problem-banner')).toHaveCount(0);
  expect(await liveStoredNames(page)).toEqual(['Quota test — edited while full']);
  await reloadApp(page);
  await goToPage(page, 'Dashboard');
  await expect(mainHeading(page)).toHaveText('Quota test — edited while full');
  await expect(page.locator('dl.facts')).toContainText('Bea');
  // The backup made while storage was full is remembered too.
  await goToPage(page, 'Data');
  await expect(page.getByTestId('last-backup')).toContainText('Last full backup: today');
});

test('storage blocked: the app works in memory with a clear warning', async ({ page }) => {
  await page.addInitScript(() => {
    const blocked = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    Object.defineProperty(window, 'localStorage', { get: blocked, configurable: true });
  });
  await openApp(page);
  await expect(mainHeading(page)).toHaveText('Get your executives active on social media');
  await expect(saveStatus(page)).toHaveText('Not saved — storage blocked');
  const banner = page.getByTestId('problem-banner');
  await expect(banner).toContainText('storage blocked');
  await expect(banner).toContainText('cannot be saved');

  await createFromWelcome(page, { name: 'In memory only', company: 'Volatile Inc' });
  await expect(page.getByLabel('Programme', { exact: true }).locator('option')).toHaveText(['In memory only']);
  await goToPage(page, 'Data');
  await expect(mainHeading(page)).toHaveText('Data and backups');
  const { text } = await clickDownload(page, page.getByRole('button', { name: /^Download all programmes/ }));
  expect(JSON.parse(text).programmes[0].settings.name).toBe('In memory only');
  await expect(saveStatus(page)).toHaveText('Not saved — storage blocked');
});

test('reload right after an edit keeps the edit', async ({ page }) => {
  await openApp(page);
  // Created, then reloaded at once (the save is normally 300 ms later).
  await createFromWelcome(page, { name: 'Fast fingers', company: 'Quick Ltd' });
  await page.reload();
  await appReady(page);
  await expect(mainHeading(page)).toHaveText('Fast fingers');

  // Renamed, then reloaded at once.
  await goToPage(page, 'Programmes');
  const card = programmeCard(page, 'Fast fingers');
  await card.getByRole('button', { name: /^Edit settings/ }).click();
  await fillProgrammeForm(card, { name: 'Fast fingers — renamed' }, 'Save settings');
  await page.reload();
  await appReady(page);
  await expect(mainHeading(page)).toHaveText('Programmes');
  await expect(programmeCard(page, 'Fast fingers — renamed')).toBeVisible();

  // Opened another programme, then navigated away at once.
  await createFromProgrammes(page, { name: 'Second' });
  await page.getByLabel('Programme', { exact: true }).selectOption({ label: 'Fast fingers — renamed' });
  await page.goto('/data');
  await appReady(page);
  await goToPage(page, 'Dashboard');
  await expect(mainHeading(page)).toHaveText('Fast fingers — renamed');
  expect(await liveStoredNames(page)).toEqual(['Fast fingers — renamed', 'Second']);
});

test('data from a newer version is read-only and nothing is written', async ({ page }) => {
  await openApp(page);
  await createFromWelcome(page, { name: 'From the future', company: 'Tomorrow Inc' });
  await waitSaved(page);
  const [[key, text]] = Object.entries(await storedProgrammes(page));
  const doc = JSON.parse(text);
  doc.schema_version = 99;
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, JSON.stringify(doc)]);
  await reloadApp(page);

  await expect(saveStatus(page)).toHaveText('Read-only');
  const banner = page.getByTestId('problem-banner');
  await expect(banner).toContainText('Read-only');
  await expect(banner).toContainText('newer version');
  await expect(mainHeading(page)).toHaveText('From the future');
  const before = await storageSnapshot(page);

  // Trying to create a programme writes nothing, and says so.
  await createAttempt(page);
  await page.waitForTimeout(800);
  expect(await storageSnapshot(page)).toEqual(before);
  await goToPage(page, 'Programmes');
  await expect(page.locator('li.programme-card')).toHaveCount(1);
  await expect.soft(toast(page)).toContainText('Nothing was changed', { timeout: 2_000 });
  await expect.soft(toast(page)).not.toContainText('created', { timeout: 2_000 });

  // Trying to rename it writes nothing either.
  const card = programmeCard(page, 'From the future');
  await card.getByRole('button', { name: /^Edit settings/ }).click();
  await fillProgrammeForm(card, { name: 'Renamed anyway' }, 'Save settings');
  await page.waitForTimeout(800);
  expect(await storageSnapshot(page)).toEqual(before);
  await expect(programmeCard(page, 'From the future')).toBeVisible();
  await expect.soft(toast(page)).toContainText('Nothing was changed', { timeout: 2_000 });
  // (The refusal itself says "…saved by a newer version…", so look for the success wording.)
  await expect.soft(toast(page)).not.toContainText(/settings updated|Nothing to change/i, { timeout: 2_000 });

  // Leaving the page flushes nothing.
  await reloadApp(page);
  await expect(saveStatus(page)).toHaveText('Read-only');
  expect(await storageSnapshot(page)).toEqual(before);
});

async function createAttempt(page: import('@playwright/test').Page) {
  await goToPage(page, 'Programmes');
  await page.locator('.page-head').getByRole('button', { name: 'Create programme' }).click();
  const panel = page.locator('section.panel', { has: page.getByRole('heading', { name: 'New programme' }) });
  await fillProgrammeForm(panel, { name: 'Should not be stored', company: 'Nope' }, 'Create programme');
}
