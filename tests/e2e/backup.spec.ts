// Journeys: backup → clear site data → restore gives identical data; merging twice changes nothing;
// an import can be undone; bad files give a specific error and change nothing.
import type { Page } from '@playwright/test';
import {
  test,
  expect,
  openApp,
  reloadApp,
  waitSaved,
  mainHeading,
  goToPage,
  toast,
  createFromWelcome,
  createFromProgrammes,
  fillProgrammeForm,
  programmeCard,
  loadDemo,
  storedProgrammes,
  storageSnapshot,
  liveStoredNames,
  clickDownload,
  chooseImportFile,
  importInput,
  expectStoredAsBefore,
} from './fixtures';

const DEMO = 'Northwind — executive social programme';

/** Downloads "all programmes" from the Data page and returns the file's text and name. */
async function exportAll(page: Page) {
  await goToPage(page, 'Data');
  const { download, text } = await clickDownload(
    page,
    page.getByRole('button', { name: /^Download all programmes/ }),
  );
  await expect(page.getByTestId('last-backup')).toContainText('Last full backup: today');
  await waitSaved(page);
  return { text, name: download.suggestedFilename() };
}

async function clearSiteData(page: Page) {
  await waitSaved(page);
  await page.evaluate(() => localStorage.clear());
  await openApp(page, '/');
  await expect(mainHeading(page)).toHaveText('Get your executives active on social media');
}

test('export, clear site data, import: programmes are byte-identical', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await createFromProgrammes(page, {
    name: 'Second — “quotes” & ünïcödé ✓',
    company: 'Initech',
    owner: 'Bill Lumbergh',
    start: '2027-03-01',
    networks: ['Bluesky', 'Mastodon'],
  });
  await waitSaved(page);
  const before = await storedProgrammes(page);
  expect(Object.keys(before)).toHaveLength(2);

  const file = await exportAll(page);
  expect(file.name).toMatch(/^exec-social-playbook-all-programmes-\d{4}-\d{2}-\d{2}\.json$/);
  const parsed = JSON.parse(file.text);
  expect(parsed.format).toBe('exec-social-playbook/backup');
  expect(parsed.schema_version).toBe(5);
  expect(parsed.programmes).toHaveLength(2);
  // Exporting does not change the stored programmes.
  expect(await storedProgrammes(page)).toEqual(before);

  await clearSiteData(page);
  expect(await storageSnapshot(page)).toEqual({});

  await goToPage(page, 'Data');
  await chooseImportFile(page, file.name, file.text);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(preview).toContainText('2 programmes');
  await expect(preview.locator('tbody tr')).toHaveCount(2);
  await expect(preview.locator('tbody')).toContainText(DEMO);
  await expect(preview.locator('tbody')).toContainText('No — new');
  await preview.getByRole('button', { name: 'Merge into my data' }).click();
  await expect(preview).toHaveCount(0);
  await expect(toast(page)).toContainText('merged: 2 programmes');
  await waitSaved(page);

  await expectStoredAsBefore(page, before);

  // The file's open programme is opened, and everything is there after a reload.
  await reloadApp(page);
  await goToPage(page, 'Dashboard');
  await expect(mainHeading(page)).toHaveText('Second — “quotes” & ünïcödé ✓');
  await goToPage(page, 'Programmes');
  await expect(page.locator('li.programme-card')).toHaveCount(2);

  // Merging the same file again changes nothing.
  await goToPage(page, 'Data');
  await chooseImportFile(page, file.name, file.text);
  await expect(preview).toBeVisible();
  await expect(preview.locator('tbody')).not.toContainText('No — new');
  await preview.getByRole('button', { name: 'Merge into my data' }).click();
  await expect(toast(page)).toContainText('merged');
  await waitSaved(page);
  expect(await storedProgrammes(page)).toEqual(before);
});

test('undo after an import restores the previous state', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await waitSaved(page);
  const file = await exportAll(page);

  // Change things after the backup.
  await goToPage(page, 'Programmes');
  const demo = programmeCard(page, DEMO);
  await demo.getByRole('button', { name: /^Edit settings/ }).click();
  await fillProgrammeForm(demo, { name: 'Northwind renamed', owner: 'New owner' }, 'Save settings');
  await createFromProgrammes(page, { name: 'Extra', company: 'Extra Co' });
  await waitSaved(page);
  expect(await liveStoredNames(page)).toEqual(['Extra', 'Northwind renamed']);

  // Replace with the file's copy: the demo's name comes back.
  await goToPage(page, 'Data');
  await chooseImportFile(page, file.name, file.text);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await expect(preview.locator('tbody')).toContainText('Yes');
  await preview.getByRole('button', { name: "Replace with the file's copies" }).click();
  await expect(toast(page)).toContainText('restored: 1 programme');
  await waitSaved(page);
  expect(await liveStoredNames(page)).toEqual(['Extra', DEMO]);

  // Undo: back to the state before the import.
  await toast(page).getByRole('button', { name: 'Undo' }).click();
  await expect(toast(page)).toContainText('Undone');
  await waitSaved(page);
  expect(await liveStoredNames(page)).toEqual(['Extra', 'Northwind renamed']);
  const stored = Object.values(await storedProgrammes(page)).map((t) => JSON.parse(t));
  const renamed = stored.find((d) => d.programme.settings.name === 'Northwind renamed');
  expect(renamed.programme.settings.owner).toBe('New owner');
  expect(renamed.programme.executives.filter((e: { deleted?: boolean }) => !e.deleted)).toHaveLength(10);
  await reloadApp(page);
  await goToPage(page, 'Programmes');
  await expect(page.locator('li.programme-card h2')).toHaveText(['Northwind renamed', 'Extra']);

  // Undoing an import that added a programme removes it again.
  await clearSiteData(page);
  await createFromWelcome(page, { name: 'Mine', company: 'Mine Ltd' });
  await goToPage(page, 'Data');
  await chooseImportFile(page, file.name, file.text);
  await expect(preview).toBeVisible();
  await preview.getByRole('button', { name: 'Merge into my data' }).click();
  await expect(toast(page)).toContainText('merged: 1 programme');
  await waitSaved(page);
  expect(await liveStoredNames(page)).toEqual(['Mine', DEMO]);
  await toast(page).getByRole('button', { name: 'Undo' }).click();
  await waitSaved(page);
  expect(await liveStoredNames(page)).toEqual(['Mine']);
  await reloadApp(page);
  await goToPage(page, 'Dashboard');
  await expect(mainHeading(page)).toHaveText('Mine');
  await goToPage(page, 'Programmes');
  await expect(page.locator('li.programme-card')).toHaveCount(1);
});

test('bad import files each give a specific error and leave storage untouched', async ({ page }) => {
  await openApp(page);
  await createFromWelcome(page, { name: 'Keep me', company: 'Keep Ltd' });
  const good = await exportAll(page);
  const before = await storageSnapshot(page);
  expect(Object.keys(before).length).toBeGreaterThanOrEqual(2);

  const newer = JSON.parse(good.text);
  newer.schema_version = 99;
  const cases: { name: string; content: string | Buffer; message: RegExp }[] = [
    { name: 'empty.json', content: Buffer.alloc(0), message: /The file is empty\./ },
    { name: 'notes.json', content: 'Dear team, here are my notes.', message: /not valid JSON/ },
    { name: 'cut-off.json', content: good.text.slice(0, good.text.length / 2), message: /not valid JSON.*cut off/ },
    {
      name: 'other-app.json',
      content: JSON.stringify({ format: 'some-other-app/export', schema_version: 2, programmes: [] }),
      message: /not an Exec Social Playbook backup file.*some-other-app\/export/,
    },
    { name: 'list.json', content: '[1, 2, 3]', message: /not an Exec Social Playbook backup file.*list/ },
    { name: 'from-the-future.json', content: JSON.stringify(newer), message: /newer version/ },
    { name: 'deep.json', content: '['.repeat(200) + ']'.repeat(200), message: /nested too deeply/ },
    { name: 'huge.json', content: Buffer.alloc(26 * 1024 * 1024, 0x20), message: /too large/ },
  ];

  await goToPage(page, 'Data');
  for (const bad of cases) {
    await chooseImportFile(page, bad.name, bad.content);
    const error = page.getByTestId('import-error');
    await expect(error, bad.name).toBeVisible();
    await expect(error, bad.name).toContainText(bad.name);
    await expect(error, bad.name).toContainText(bad.message);
    await expect(error, bad.name).toContainText('Nothing was changed');
    await expect(page.getByTestId('import-preview'), bad.name).toHaveCount(0);
    expect(await storageSnapshot(page), bad.name).toEqual(before);
  }

  // A good file afterwards clears the error and shows the preview.
  await chooseImportFile(page, good.name, good.text);
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await expect(page.getByTestId('import-error')).toHaveCount(0);
  await page.getByTestId('import-preview').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
  await expect(importInput(page)).toHaveValue('');
  expect(await storageSnapshot(page)).toEqual(before);
});
