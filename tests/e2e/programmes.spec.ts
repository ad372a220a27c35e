// Journeys: the first visit, creating and managing several programmes, and the demo programme.
import {
  test,
  expect,
  openApp,
  reloadApp,
  waitSaved,
  mainHeading,
  goToPage,
  switcher,
  toast,
  createFromWelcome,
  createFromProgrammes,
  fillProgrammeForm,
  programmeCard,
  loadDemo,
  storedProgrammes,
  parsedProgrammes,
  liveStoredNames,
  UUID_KEY,
} from './fixtures';

const STEPS = [
  'Find the naturals',
  'Link to business goals',
  'Provide the proof',
  'Train them',
  'Make it easy',
  'Make a competition',
];

test('first visit explains the six steps and offers both ways to start', async ({ page }) => {
  await openApp(page);
  await expect(mainHeading(page)).toHaveText('Get your executives active on social media');
  const method = page.locator('#main ol.method');
  for (const [i, title] of STEPS.entries()) {
    const item = method.locator('li').nth(i);
    await expect(item).toContainText(`Step ${i + 1}`);
    await expect(item).toContainText(title);
  }
  await expect(page.getByRole('button', { name: 'Create programme' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load demo programme' })).toBeVisible();
  // No programme yet: no switcher, and nothing stored.
  await expect(switcher(page)).toHaveCount(0);
  expect(Object.keys(await storedProgrammes(page))).toEqual([]);
});

test('create, reload, switch, rename, duplicate, delete and undo programmes', async ({ page }) => {
  await openApp(page);
  await createFromWelcome(page, {
    name: 'Acme exec programme 2027',
    company: 'Acme Corp',
    owner: 'Jo Bloggs',
    start: '2027-01-11',
    networks: ['LinkedIn', 'X', 'Internal social intranet'],
  });
  const facts = page.locator('dl.facts');
  await expect(facts).toContainText('Acme Corp');
  await expect(facts).toContainText('Jo Bloggs');
  await expect(facts).toContainText('11 January 2027');
  await expect(facts).toContainText('LinkedIn');
  await waitSaved(page);

  // Reload: still there.
  await reloadApp(page);
  await expect(mainHeading(page)).toHaveText('Acme exec programme 2027');
  await expect(page.locator('dl.facts')).toContainText('Acme Corp');

  // A second programme, from the Programmes page.
  await createFromProgrammes(page, { name: 'Globex pilot', company: 'Globex', owner: 'Hank Scorpio' });
  await expect(switcher(page)).toHaveValue(/.+/);
  await expect(switcher(page).locator('option')).toHaveText(['Acme exec programme 2027', 'Globex pilot']);

  // Switch with the "Programme" select.
  await switcher(page).selectOption({ label: 'Acme exec programme 2027' });
  await expect(mainHeading(page)).toHaveText('Acme exec programme 2027');
  await switcher(page).selectOption({ label: 'Globex pilot' });
  await expect(mainHeading(page)).toHaveText('Globex pilot');
  await waitSaved(page);

  // The open programme is remembered across reloads.
  await reloadApp(page);
  await expect(mainHeading(page)).toHaveText('Globex pilot');

  // Each programme under its own key, named by its id.
  let stored = await storedProgrammes(page);
  expect(Object.keys(stored)).toHaveLength(2);
  for (const [key, text] of Object.entries(stored)) {
    expect(key).toMatch(UUID_KEY);
    const doc = JSON.parse(text);
    expect(doc.format).toBe('exec-social-playbook/programme');
    expect(key).toBe(`esp:programme:${doc.programme.settings.id}`);
  }
  expect(await liveStoredNames(page)).toEqual(['Acme exec programme 2027', 'Globex pilot']);

  // Rename via "Edit settings".
  await goToPage(page, 'Programmes');
  const acme = programmeCard(page, 'Acme exec programme 2027');
  await acme.getByRole('button', { name: /^Edit settings/ }).click();
  await expect(acme.getByRole('button', { name: /^Edit settings/ })).toHaveAttribute('aria-expanded', 'true');
  await expect(acme.getByLabel('Company')).toHaveValue('Acme Corp');
  await fillProgrammeForm(acme, { name: 'Acme 2027 — renamed' }, 'Save settings');
  await expect(programmeCard(page, 'Acme 2027 — renamed')).toBeVisible();
  await expect(switcher(page).locator('option')).toHaveText(['Acme 2027 — renamed', 'Globex pilot']);
  await waitSaved(page);
  expect(await liveStoredNames(page)).toEqual(['Acme 2027 — renamed', 'Globex pilot']);

  // Duplicate: "(copy)", opened, with its own key.
  await programmeCard(page, 'Acme 2027 — renamed').getByRole('button', { name: /^Duplicate/ }).click();
  const copy = programmeCard(page, 'Acme 2027 — renamed (copy)');
  await expect(copy).toBeVisible();
  await expect(copy).toContainText('Open now');
  await expect(copy).toContainText('Acme Corp');
  await waitSaved(page);
  stored = await storedProgrammes(page);
  expect(Object.keys(stored)).toHaveLength(3);
  expect(await liveStoredNames(page)).toEqual(['Acme 2027 — renamed', 'Acme 2027 — renamed (copy)', 'Globex pilot']);

  // Delete → toast with Undo → undo brings it back.
  await programmeCard(page, 'Globex pilot').getByRole('button', { name: /^Delete/ }).click();
  await expect(programmeCard(page, 'Globex pilot')).toHaveCount(0);
  await expect(toast(page)).toContainText('Globex pilot');
  await expect(toast(page)).toContainText('deleted');
  await waitSaved(page);
  expect(await liveStoredNames(page)).toEqual(['Acme 2027 — renamed', 'Acme 2027 — renamed (copy)']);
  await expect(switcher(page).locator('option')).toHaveCount(2);

  await toast(page).getByRole('button', { name: 'Undo' }).click();
  await expect(programmeCard(page, 'Globex pilot')).toBeVisible();
  await expect(toast(page)).toContainText('Undone');
  await waitSaved(page);
  expect(await liveStoredNames(page)).toEqual(['Acme 2027 — renamed', 'Acme 2027 — renamed (copy)', 'Globex pilot']);

  // Everything survives a reload.
  await reloadApp(page);
  await goToPage(page, 'Programmes');
  await expect(page.locator('li.programme-card h2')).toHaveText([
    'Acme 2027 — renamed',
    'Globex pilot',
    'Acme 2027 — renamed (copy)',
  ]);
  // Still one key per programme, none lost or duplicated.
  const docs = await parsedProgrammes(page);
  expect(new Set(docs.map((d) => d.programme.settings.id)).size).toBe(3);
});

test('deleting the only programme, then undo, brings the dashboard back', async ({ page }) => {
  await openApp(page);
  await createFromWelcome(page, { name: 'Solo', company: 'Solo Ltd' });
  await goToPage(page, 'Programmes');
  await programmeCard(page, 'Solo').getByRole('button', { name: /^Delete/ }).click();
  await expect(page.getByText('No programmes yet.')).toBeVisible();
  await expect(switcher(page)).toHaveCount(0);
  await toast(page).getByRole('button', { name: 'Undo' }).click();
  await expect(programmeCard(page, 'Solo')).toBeVisible();
  await waitSaved(page);
  await reloadApp(page);
  await goToPage(page, 'Dashboard');
  await expect(mainHeading(page)).toHaveText('Solo');
});

test('the demo programme shows ten executives on the dashboard', async ({ page }) => {
  await openApp(page);
  await loadDemo(page);
  await expect(page.locator('.demo-note')).toContainText('Demo programme');
  const table = page.getByRole('region', { name: 'Progress by executive' }).locator('table');
  await expect(table.locator('tbody tr')).toHaveCount(10);
  await expect(table.locator('thead th')).toHaveCount(8);
  await expect(table.locator('tbody tr').first().locator('th')).toContainText('Amara Okafor');
  await expect(page.locator('dl.facts')).toContainText('10 on the roster, 8 consented');
  await waitSaved(page);
  await reloadApp(page);
  await expect(page.getByRole('region', { name: 'Progress by executive' }).locator('tbody tr')).toHaveCount(10);
});

test('a notice goes away after about 8 seconds or when leaving the page; an offer to undo stays', async ({ page }) => {
  await openApp(page);
  await createFromWelcome(page, { name: 'Noticed', company: 'Notice Ltd' });
  await createFromProgrammes(page, { name: 'Second notice' });
  await goToPage(page, 'Programmes');
  const editAndSave = async () => {
    const card = programmeCard(page, 'Noticed');
    await card.getByRole('button', { name: /^Edit settings/ }).click();
    await fillProgrammeForm(card, { owner: `Owner ${Date.now()}` }, 'Save settings');
    await expect(toast(page)).toHaveText(/Programme settings updated\./);
  };

  // Leaving the page clears it at once.
  await editAndSave();
  await goToPage(page, 'Data');
  await expect(toast(page)).toHaveCount(0);

  // Staying, it goes by itself: still there after 6 s, gone by 10 s.
  await goToPage(page, 'Programmes');
  await editAndSave();
  const shownAt = Date.now();
  await page.waitForTimeout(6_000);
  await expect(toast(page)).toHaveCount(1);
  await expect(toast(page)).toHaveCount(0, { timeout: 4_000 });
  expect(Date.now() - shownAt).toBeLessThan(10_500);

  // An offer to undo survives navigation and time.
  await programmeCard(page, 'Second notice').getByRole('button', { name: /^Delete/ }).click();
  await expect(toast(page)).toContainText('Programme “Second notice” deleted.');
  await goToPage(page, 'Data');
  await page.waitForTimeout(8_500);
  await expect(toast(page)).toContainText('Programme “Second notice” deleted.');
  await toast(page).getByRole('button', { name: 'Undo' }).click();
  await goToPage(page, 'Programmes');
  await expect(programmeCard(page, 'Second notice')).toBeVisible();
});
