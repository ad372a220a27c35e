// Shared fixture and helpers for the end-to-end journeys.
//
// Every test automatically fails when, in any page of its browser context:
//   - a request goes to another origin than the app's (blob: and data: are fine),
//   - the Content-Security-Policy blocks anything (console report or `securitypolicyviolation` event),
//   - an uncaught error reaches the page (`pageerror`) or Rust panics ("panicked at" on the console),
//   - a JavaScript dialog opens (alert/confirm/prompt — e.g. an XSS payload that ran).
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type BrowserContext, type Download, type Locator, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ORIGIN = 'http://127.0.0.1:4173';
export const SUB = '/exec-social-playbook/';
export const SCREENSHOTS = join(__dirname, 'screenshots');

/** What went wrong in the browser during one test. */
export class Guard {
  readonly problems: string[] = [];
  readonly requests: string[] = [];
  readonly dialogs: string[] = [];
  private attached = new WeakSet<Page>();

  attach(page: Page) {
    if (this.attached.has(page)) return;
    this.attached.add(page);
    page.on('pageerror', (error) => this.problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      const text = message.text();
      if (/Content.Security.Policy|\[e2e\] securitypolicyviolation/i.test(text)) {
        this.problems.push(`CSP violation: ${text}`);
      } else if (/panicked at/.test(text)) {
        this.problems.push(`Rust panic: ${text}`);
      }
    });
    page.on('dialog', async (dialog) => {
      this.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      this.problems.push(`dialog opened: ${dialog.type()} "${dialog.message()}"`);
      await dialog.dismiss().catch(() => {});
    });
  }

  async attachContext(context: BrowserContext) {
    await context.addInitScript(() => {
      document.addEventListener(
        'securitypolicyviolation',
        (e) => {
          console.error(
            `[e2e] securitypolicyviolation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
          );
        },
        true,
      );
    });
    context.on('request', (request) => {
      const url = request.url();
      this.requests.push(url);
      if (url.startsWith('blob:') || url.startsWith('data:')) return;
      let origin = '';
      try {
        origin = new URL(url).origin;
      } catch {
        origin = url;
      }
      if (origin !== ORIGIN) this.problems.push(`request to another origin: ${request.method()} ${url}`);
    });
    context.on('page', (page) => this.attach(page));
    for (const page of context.pages()) this.attach(page);
  }
}

export const test = base.extend<{ guard: Guard }>({
  guard: [
    async ({ context }, use) => {
      const guard = new Guard();
      await guard.attachContext(context);
      await use(guard);
      expect(guard.problems, 'browser problems (other origins, CSP, page errors, panics, dialogs)').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

// ---------------------------------------------------------------------------------------------
// Navigation and waiting

/** Opens `path` and waits until the app has rendered (shell or recovery screen). */
export async function openApp(page: Page, path = '/') {
  await page.goto(path);
  await appReady(page);
}

export async function appReady(page: Page) {
  await expect(page.locator('#main h1').first()).toBeVisible({ timeout: 15_000 });
}

export async function reloadApp(page: Page) {
  await page.reload();
  await appReady(page);
}

export function saveStatus(page: Page): Locator {
  return page.getByTestId('save-status');
}

/** Waits until everything is written (the status says "Saved" and no save is pending). */
export async function waitSaved(page: Page) {
  await expect(saveStatus(page)).toHaveText('Saved', { timeout: 10_000 });
}

export function mainHeading(page: Page): Locator {
  return page.locator('#main h1').first();
}

export function nav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Main' });
}

export type PageName = 'Dashboard' | 'Naturals' | 'Goals' | 'Proof' | 'Competition' | 'Programmes' | 'Data';

/** The nav links' labels and the headings of the pages they lead to (none for the dashboard). */
const PAGES: Record<PageName, { link: string; heading: string | null }> = {
  Dashboard: { link: 'Dashboard', heading: null },
  Naturals: { link: '1 · Naturals', heading: 'Find the naturals' },
  Goals: { link: '2 · Goals', heading: 'Link to business goals' },
  Proof: { link: '3 · Proof', heading: 'Provide the proof' },
  Competition: { link: '6 · Competition', heading: 'Make a competition' },
  Programmes: { link: 'Programmes', heading: 'Programmes' },
  Data: { link: 'Data', heading: 'Data and backups' },
};

export async function goToPage(page: Page, name: PageName) {
  const { link, heading } = PAGES[name];
  await nav(page).getByRole('link', { name: link, exact: true }).click();
  if (heading) await expect(mainHeading(page)).toHaveText(heading);
}

/**
 * Presses Tab (or Shift+Tab, when `target` is above the focused element) until `target` has focus.
 * The test only observes; it acts with the keyboard alone.
 */
export async function tabTo(page: Page, target: Locator, max = 60) {
  await expect(target).toBeVisible();
  const above = await target.evaluate((el) => {
    const active = document.activeElement;
    if (!active || active === document.body || active === el) return false;
    return !!(el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  const key = above ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${key} never reached ${target}`);
}

/**
 * From the welcome screen, by keyboard only: Tab to the skip link first (it must be the first stop),
 * then create a programme with the given name, optional company and networks ticked.
 */
export async function createProgrammeByKeyboard(
  page: Page,
  values: { name: string; company?: string; networks: string[] },
) {
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await tabTo(page, page.locator('.start-actions').getByRole('button', { name: 'Create programme' }));
  await page.keyboard.press('Enter');
  const programmeForm = page.locator('form.programme-form');
  await tabTo(page, programmeForm.getByLabel('Programme name'));
  await page.keyboard.type(values.name);
  if (values.company) {
    await page.keyboard.press('Tab');
    await page.keyboard.type(values.company);
  }
  for (const network of values.networks) {
    await tabTo(page, programmeForm.getByLabel(network, { exact: true }));
    await page.keyboard.press('Space');
  }
  await tabTo(page, programmeForm.getByRole('button', { name: 'Create programme' }));
  await page.keyboard.press('Enter');
  await expect(mainHeading(page)).toHaveText(values.name);
}

export function switcher(page: Page): Locator {
  return page.getByLabel('Programme', { exact: true });
}

export function toast(page: Page): Locator {
  return page.locator('.toast-region .toast');
}

// ---------------------------------------------------------------------------------------------
// Programmes

export interface ProgrammeValues {
  name?: string;
  company?: string;
  owner?: string;
  start?: string;
  networks?: string[];
}

/** Fills the programme form inside `scope` and submits it with `submit`. */
export async function fillProgrammeForm(scope: Locator, values: ProgrammeValues, submit: string) {
  const form = scope.locator('form.programme-form');
  if (values.name !== undefined) await form.getByLabel('Programme name').fill(values.name);
  if (values.company !== undefined) await form.getByLabel('Company').fill(values.company);
  if (values.owner !== undefined) await form.getByLabel('Owner').fill(values.owner);
  if (values.start !== undefined) await form.getByLabel('Start date').fill(values.start);
  for (const network of values.networks ?? []) {
    await form.getByLabel(network, { exact: true }).check();
  }
  await form.getByRole('button', { name: submit, exact: true }).click();
}

/** Creates a programme from the welcome screen (no programme yet). */
export async function createFromWelcome(page: Page, values: ProgrammeValues) {
  await expect(mainHeading(page)).toHaveText('Get your executives active on social media');
  await page.locator('.start-actions').getByRole('button', { name: 'Create programme' }).click();
  await fillProgrammeForm(page.locator('#main'), values, 'Create programme');
  await expect(mainHeading(page)).toHaveText((values.name || values.company) ?? '');
}

/** Creates a programme from the Programmes page (it opens it and shows the dashboard). */
export async function createFromProgrammes(page: Page, values: ProgrammeValues) {
  await goToPage(page, 'Programmes');
  await page.locator('.page-head').getByRole('button', { name: 'Create programme' }).click();
  const panel = page.locator('section.panel', { has: page.getByRole('heading', { name: 'New programme' }) });
  await fillProgrammeForm(panel, values, 'Create programme');
  await expect(mainHeading(page)).toHaveText((values.name || values.company) ?? '');
}

/** The card of a programme on the Programmes page, by its exact name. */
export function programmeCard(page: Page, name: string): Locator {
  return page.locator('li.programme-card').filter({
    has: page.getByRole('heading', { level: 2, name, exact: true }),
  });
}

export async function loadDemo(page: Page) {
  await page.getByRole('button', { name: 'Load demo programme' }).click();
  await expect(mainHeading(page)).toHaveText('Northwind — executive social programme');
}

// ---------------------------------------------------------------------------------------------
// Storage

/** Every `esp:` entry in localStorage. */
export async function storageSnapshot(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      if (key.startsWith('esp:')) out[key] = localStorage.getItem(key)!;
    }
    return out;
  });
}

/** Only the stored programmes (`esp:programme:<uuid>` → raw text). */
export async function storedProgrammes(page: Page): Promise<Record<string, string>> {
  const all = await storageSnapshot(page);
  return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('esp:programme:')));
}

export interface StoredProgramme {
  format: string;
  schema_version: number;
  programme: {
    settings: {
      id: string;
      name: string;
      company: string;
      owner: string;
      deleted?: boolean;
      updated_at: string;
      networks: string[];
      start_date: string | null;
    };
    executives: { id: string; name: string; deleted?: boolean }[];
  };
}

export async function parsedProgrammes(page: Page): Promise<StoredProgramme[]> {
  return Object.values(await storedProgrammes(page)).map((t) => JSON.parse(t) as StoredProgramme);
}

/** The live (not deleted) stored programmes' names, sorted. */
export async function liveStoredNames(page: Page): Promise<string[]> {
  return (await parsedProgrammes(page))
    .filter((p) => !p.programme.settings.deleted)
    .map((p) => p.programme.settings.name)
    .sort();
}

export const UUID_KEY = /^esp:programme:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// ---------------------------------------------------------------------------------------------
// Files

export async function downloadText(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

/** Clicks `button` and returns the download it starts, with its text. */
export async function clickDownload(page: Page, button: Locator): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { download, text: await downloadText(download) };
}

export function importInput(page: Page): Locator {
  return page.getByLabel('Backup file (.json)');
}

export async function chooseImportFile(page: Page, name: string, content: string | Buffer) {
  await importInput(page).setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
  });
}

/** RFC 4180 parsing (quotes, doubled quotes, CRLF or LF, separators inside quotes). */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      // the \n ends the row
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * Downloads "all programmes" on the Data page, clears the site's storage, merges the file back in
 * and waits for the save; returns the file's text.
 */
export async function backupClearRestore(page: Page): Promise<string> {
  await goToPage(page, 'Data');
  const { download, text } = await clickDownload(page, page.getByRole('button', { name: /^Download all programmes/ }));
  await waitSaved(page);
  await page.evaluate(() => localStorage.clear());
  await openApp(page, '/data');
  expect(await storageSnapshot(page)).toEqual({});
  await chooseImportFile(page, download.suggestedFilename(), text);
  const preview = page.getByTestId('import-preview');
  await expect(preview).toBeVisible();
  await preview.getByRole('button', { name: 'Merge into my data' }).click();
  await expect(preview).toHaveCount(0);
  await waitSaved(page);
  return text;
}

/** The stored programmes are those of `before`, byte for byte (parsed first, for a readable diff). */
export async function expectStoredAsBefore(page: Page, before: Record<string, string>) {
  const after = await storedProgrammes(page);
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  for (const key of Object.keys(before)) {
    expect(JSON.parse(after[key]), key).toEqual(JSON.parse(before[key]));
    expect(after[key], key).toBe(before[key]);
  }
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

// ---------------------------------------------------------------------------------------------
// Accessibility

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core (WCAG 2.0/2.1/2.2 A and AA) finds nothing on the page as it is now. */
export async function expectNoViolations(page: Page, screen: string) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const report = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n'),
  );
  expect(report, `axe violations on ${screen}`).toEqual([]);
  // axe no longer reports duplicate ids, but a label's `for` then names the wrong element.
  const duplicates = await page.evaluate(() => {
    const seen = new Map<string, string[]>();
    for (const el of Array.from(document.querySelectorAll('[id]'))) {
      seen.set(el.id, [...(seen.get(el.id) ?? []), el.tagName.toLowerCase()]);
    }
    return [...seen].filter(([, tags]) => tags.length > 1).map(([id, tags]) => `#${id} on ${tags.join(', ')}`);
  });
  expect.soft(duplicates, `duplicate ids on ${screen}`).toEqual([]);
  // axe really ran (not silently blocked by the CSP).
  expect(results.passes.length, `axe passes on ${screen}`).toBeGreaterThan(0);
}
