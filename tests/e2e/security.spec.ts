// User text is always rendered as text: markup typed into every field shows literally everywhere,
// and nothing runs (the fixture fails the test on any dialog, CSP violation or page error).
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
  programmeCard,
  clickDownload,
  chooseImportFile,
} from './fixtures';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';

test('markup typed into programme fields is shown as text everywhere and never runs', async ({ page, guard }) => {
  await openApp(page);
  await createFromWelcome(page, { name: SCRIPT, company: IMG, owner: `${SCRIPT} ${IMG}` });
  await createFromProgrammes(page, { name: IMG, company: SCRIPT, owner: IMG });

  const checkEverywhere = async () => {
    // Dashboard of each, via the switcher (whose options are the names, as text).
    await goToPage(page, 'Dashboard');
    await expect(switcher(page).locator('option')).toHaveText([SCRIPT, IMG]);
    await switcher(page).selectOption({ label: SCRIPT });
    await expect(mainHeading(page)).toHaveText(SCRIPT);
    await expect(page.locator('dl.facts')).toContainText(IMG);
    await expect(page.locator('dl.facts')).toContainText(`${SCRIPT} ${IMG}`);
    await switcher(page).selectOption({ label: IMG });
    await expect(mainHeading(page)).toHaveText(IMG);
    await expect(page.locator('dl.facts')).toContainText(SCRIPT);

    // Programmes page: headings and meta lines.
    await goToPage(page, 'Programmes');
    await expect(programmeCard(page, SCRIPT)).toContainText(IMG);
    await expect(programmeCard(page, IMG)).toContainText(SCRIPT);

    // No element was created from the text.
    await expect(page.locator('body img')).toHaveCount(0);
    expect(await page.locator('body script').count()).toBe(0);
  };

  await checkEverywhere();
  await waitSaved(page);
  await reloadApp(page);
  await checkEverywhere();

  // Toasts show it as text too.
  await programmeCard(page, IMG).getByRole('button', { name: /^Delete/ }).click();
  await expect(toast(page)).toContainText(`Programme “${IMG}” deleted.`);
  await toast(page).getByRole('button', { name: 'Undo' }).click();
  await programmeCard(page, SCRIPT).getByRole('button', { name: /^Duplicate/ }).click();
  await expect(toast(page)).toContainText(`Created “${SCRIPT} (copy)” and opened it.`);

  // The import preview shows names from a file as text.
  await goToPage(page, 'Data');
  const { text } = await clickDownload(page, page.getByRole('button', { name: /^Download all programmes/ }));
  await chooseImportFile(page, `${IMG}.json`, text);
  const preview = page.getByTestId('import-preview');
  await expect(preview.locator('tbody th')).toHaveText([SCRIPT, IMG, `${SCRIPT} (copy)`]);
  await expect(preview.locator('h3')).toHaveText(`“${IMG}.json”`);
  await expect(page.locator('body img')).toHaveCount(0);

  // Give any injected handler a moment to fire; the fixture fails the test on any dialog.
  await page.waitForTimeout(300);
  expect(guard.dialogs).toEqual([]);
  expect(guard.requests.filter((u) => /\/x($|\?)/.test(new URL(u).pathname))).toEqual([]);
});
