// Two tabs of the app in the same browser: the other tab's changes are picked up (storage event) and
// no edit is silently lost.
import type { Page } from '@playwright/test';
import {
  test,
  expect,
  openApp,
  reloadApp,
  waitSaved,
  mainHeading,
  goToPage,
  switcher,
  createFromWelcome,
  fillProgrammeForm,
  programmeCard,
  parsedProgrammes,
  liveStoredNames,
} from './fixtures';

async function openEditForm(page: Page, name: string) {
  await page.bringToFront();
  await goToPage(page, 'Programmes');
  const card = programmeCard(page, name);
  await card.getByRole('button', { name: /^Edit settings/ }).click();
  await expect(card.locator('form.programme-form')).toBeVisible();
  return card;
}

test('a programme created in tab A appears in tab B; B renames it; both edits survive', async ({ page, context }) => {
  const a = page;
  const b = await context.newPage();
  await openApp(a);
  await openApp(b);
  await a.bringToFront();

  await createFromWelcome(a, { name: 'Shared', company: 'Shared Co', owner: 'Alice' });
  await waitSaved(a);

  // B picks it up without a reload.
  await expect(switcher(b).locator('option')).toHaveText(['Shared']);
  const cardB = await openEditForm(b, 'Shared');
  await expect(cardB.getByLabel('Owner')).toHaveValue('Alice');
  await b.bringToFront();
  await fillProgrammeForm(cardB, { name: 'Shared — renamed in B' }, 'Save settings');
  await waitSaved(b);

  // A picks the rename up, and writes nothing over it.
  await expect(switcher(a).locator('option')).toHaveText(['Shared — renamed in B']);
  await expect(mainHeading(a)).toHaveText('Shared — renamed in B');
  await waitSaved(a);
  await a.waitForTimeout(500);

  await a.bringToFront();
  await reloadApp(a);
  await expect(mainHeading(a)).toHaveText('Shared — renamed in B');
  await expect(a.locator('dl.facts')).toContainText('Shared Co');
  await expect(a.locator('dl.facts')).toContainText('Alice');
  expect(await liveStoredNames(a)).toEqual(['Shared — renamed in B']);
  await b.bringToFront();
  await reloadApp(b);
  await goToPage(b, 'Programmes');
  await expect(programmeCard(b, 'Shared — renamed in B')).toBeVisible();
});

test('tab A renames and tab B changes the owner of the same programme: both edits survive', async ({ page, context }) => {
  const a = page;
  const b = await context.newPage();
  await openApp(a);
  await createFromWelcome(a, { name: 'Concurrent', company: 'Both Ltd', owner: 'Owner 0' });
  await waitSaved(a);
  await openApp(b);
  await expect(mainHeading(b)).toHaveText('Concurrent');

  // Both tabs have the settings form open at the same time.
  const cardA = await openEditForm(a, 'Concurrent');
  await openEditForm(b, 'Concurrent');

  await a.bringToFront();
  await fillProgrammeForm(cardA, { name: 'Concurrent — renamed in A' }, 'Save settings');
  await waitSaved(a);
  await expect(switcher(b).locator('option')).toHaveText(['Concurrent — renamed in A']);

  // B's card picks up A's rename (its heading), while B's open form is left alone: it keeps what it
  // opened with and its save applies only the fields B changed. B changes the owner.
  const cardB2 = programmeCard(b, 'Concurrent — renamed in A');
  await expect(cardB2.getByRole('heading', { level: 2 })).toHaveText('Concurrent — renamed in A');
  await expect(cardB2.locator('form.programme-form')).toBeVisible();
  await b.bringToFront();
  await fillProgrammeForm(cardB2, { owner: 'Owner from B' }, 'Save settings');
  await waitSaved(b);
  await expect(switcher(a).locator('option')).toHaveText(['Concurrent — renamed in A']);
  await waitSaved(a);

  await a.bringToFront();
  await reloadApp(a);
  await goToPage(a, 'Dashboard');
  await expect(mainHeading(a)).toHaveText('Concurrent — renamed in A');
  await expect(a.locator('dl.facts')).toContainText('Owner from B');
  const [doc] = await parsedProgrammes(a);
  expect(doc.programme.settings.name).toBe('Concurrent — renamed in A');
  expect(doc.programme.settings.owner).toBe('Owner from B');
});

test('an edit typed in tab B while tab A saves the same programme is not silently lost', async ({ page, context }) => {
  const a = page;
  const b = await context.newPage();
  await openApp(a);
  await createFromWelcome(a, { name: 'Race', company: 'Race Ltd', owner: 'Owner 0' });
  await waitSaved(a);
  await openApp(b);

  const cardA = await openEditForm(a, 'Race');
  await openEditForm(b, 'Race');
  // The only programme's card, whatever its name.
  const cardB = b.locator('li.programme-card');
  // B starts typing before A saves…
  await cardB.getByLabel('Owner').fill('Owner typed in B');
  // …A saves a rename meanwhile…
  await a.bringToFront();
  await fillProgrammeForm(cardA, { name: 'Race — renamed in A' }, 'Save settings');
  await waitSaved(a);
  await expect(switcher(b).locator('option')).toHaveText(['Race — renamed in A']);
  // …then B saves what it typed.
  await expect(cardB.getByLabel('Owner')).toHaveValue('Owner typed in B');
  await b.bringToFront();
  await cardB.getByRole('button', { name: 'Save settings' }).click();
  await waitSaved(b);
  await waitSaved(a);

  await a.bringToFront();
  await reloadApp(a);
  const [doc] = await parsedProgrammes(a);
  expect(doc.programme.settings.owner, "B's owner edit").toBe('Owner typed in B');
  expect(doc.programme.settings.name, "A's rename").toBe('Race — renamed in A');
});
