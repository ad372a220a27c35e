// Step 6 — Make a competition: set-up by keyboard, the activity grid (keyboard movement, refused
// values), ranking with ties, "why this score", closing a period (locked cells, winners, note,
// certificate), reload, CSV import (preview, per-row errors, nothing applied until confirmed, undo),
// the injection-safe scoreboard export, the demo league (running period, history, reopening), the
// backup round trip, markup as text, accessibility and screenshots.
//
// Expectations come from PRODUCT.md (Step 6), issue 5 and the rules' documentation
// (src/model/competition/*.rs: points = min(value, cap) × points per unit, ranks 1, 2, 2, 4 with ties
// ordered by name, winners = everyone with the top points; src/io/activity_csv.rs: formats; and the
// demo's story in src/model/demo.rs). Points and ranks are computed here from those rules, not copied
// from the app's output.
import type { Locator, Page } from '@playwright/test';
import {
  test,
  expect,
  ORIGIN,
  openApp,
  reloadApp,
  waitSaved,
  mainHeading,
  nav,
  goToPage,
  toast,
  createFromWelcome,
  createProgrammeByKeyboard,
  loadDemo,
  storedProgrammes,
  storageSnapshot,
  clickDownload,
  chooseImportFile,
  backupClearRestore,
  expectStoredAsBefore,
  screenshot,
  expectNoViolations,
  tabTo,
  parseCsv,
} from './fixtures';

const IMG = '<img src=x onerror=alert(1)>';
const DEMO_LEAGUE = 'Northwind social league';

// ---------------------------------------------------------------------------------------------
// Dates, as the app sees them (the browser runs in UTC)

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

interface Ymd {
  y: number;
  /** 1–12 */
  m: number;
  d: number;
}

function today(): Ymd {
  const now = new Date();
  return { y: now.getUTCFullYear(), m: now.getUTCMonth() + 1, d: now.getUTCDate() };
}

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The month `n` months before (negative: after) the month of `date`, as { y, m }. */
function monthsBefore(date: Ymd, n: number): { y: number; m: number } {
  const index = date.y * 12 + (date.m - 1) - n;
  return { y: Math.floor(index / 12), m: (index % 12) + 1 };
}

/** "November 2026": a calendar month period's label (src/model/competition/periods.rs). */
const monthLabel = ({ y, m }: { y: number; m: number }) => `${MONTHS[m - 1]} ${y}`;

/** "26 November 2026" (src/model/dates.rs `long_date`). */
const longDate = ({ y, m, d }: Ymd) => `${d} ${MONTHS[m - 1]} ${y}`;

const isoDate = ({ y, m, d }: Ymd) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The running monthly period of a competition started on the 1st of this month. */
function currentMonth() {
  const t = today();
  const start: Ymd = { y: t.y, m: t.m, d: 1 };
  const end: Ymd = { y: t.y, m: t.m, d: daysIn(t.y, t.m) };
  const left = end.d - t.d;
  return {
    start,
    end,
    label: monthLabel(t),
    left: left === 0 ? 'last day' : left === 1 ? '1 day left' : `${left} days left`,
  };
}

// ---------------------------------------------------------------------------------------------
// The scoring rules, re-implemented from src/model/competition/scoring.rs

interface Kpi {
  id: string;
  label: string;
  points: number;
  cap?: number;
}

/** A new competition's KPIs (src/model/competition/edit.rs `Competition::new`, `KpiKind::default_points`). */
const DEFAULT_KPIS: Kpi[] = [
  { id: 'posts', label: 'Posts', points: 10 },
  { id: 'comments', label: 'Comments', points: 3 },
  { id: 'reactions', label: 'Reactions', points: 0.5, cap: 200 },
  { id: 'shares', label: 'Shares / reposts', points: 5 },
];

type Values = Record<string, number>;

/** Raw points: the sum over KPIs of min(value, cap) × points per unit. */
function rawPoints(values: Values, kpis: Kpi[] = DEFAULT_KPIS): number {
  return kpis.reduce((sum, k) => sum + Math.min(values[k.id] ?? 0, k.cap ?? Infinity) * k.points, 0);
}

/** Points as the app shows them: at most one decimal, thousands grouped (`format_decimal`). */
function pointsText(points: number): string {
  return points.toLocaleString('en-US', { maximumFractionDigits: 1, useGrouping: true });
}

/** Code-point order: how the app compares names (lower-cased), ids and ISO dates. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Ranked {
  name: string;
  points: number;
  rank: number;
}

/**
 * Best first; equal points (to one decimal) share a rank, ranks are 1 + the number strictly better
 * (1, 2, 2, 4); ties ordered by name, case-insensitively.
 */
function rank(entries: { name: string; points: number }[]): Ranked[] {
  const shown = (p: number) => Math.round(p * 10);
  const sorted = [...entries].sort(
    (a, b) => shown(b.points) - shown(a.points) || byText(a.name.toLowerCase(), b.name.toLowerCase()),
  );
  return sorted.map((e) => ({ ...e, rank: 1 + sorted.filter((o) => shown(o.points) > shown(e.points)).length }));
}

/** Everyone with the top points, when the top is above 0. */
function mostSocial(ranked: Ranked[]): string[] {
  const top = ranked[0]?.points ?? 0;
  return top > 0 ? ranked.filter((r) => Math.round(r.points * 10) === Math.round(top * 10)).map((r) => r.name) : [];
}

/** "A", "A and B", "A, B and C". */
function joinAnd(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** RFC 3986 percent-encoding of everything but the unreserved characters, line breaks as CRLF. */
function rfc3986(text: string): string {
  return encodeURIComponent(text.replace(/\r\n|\r|\n/g, '\r\n')).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const exactly = (text: string) => new RegExp(`^${escapeRegExp(text)}$`);

// ---------------------------------------------------------------------------------------------
// Stored documents

interface StoredCompetition {
  settings: { id: string; name: string; deleted?: boolean; start: string; rules: { league: string[] } };
  periods?: {
    period: string;
    closed: boolean;
    log?: { action: string; at: string }[];
    most_social?: string[];
    most_improved?: string[];
    note?: string;
  }[];
  /**
   * The compact table of src/model/competition/activity_format.rs: KPI ids named once, each row
   * `[period, executive, updated_at, values aligned with kpis (null = nothing recorded)]`.
   */
  activity?: { kpis: string[]; rows: [string, string, string, (number | null)[]][] };
}

interface ActivityRow {
  period: string;
  executive: string;
  values: Record<string, number>;
}

/** The stored activity as rows with their values by KPI id. */
function activityRows(c: StoredCompetition): ActivityRow[] {
  const table = c.activity;
  if (!table) return [];
  return table.rows.map(([period, executive, , values]) => ({
    period,
    executive,
    values: Object.fromEntries(
      values.flatMap((v, i) => (v === null ? [] : [[table.kpis[i], v] as [string, number]])),
    ),
  }));
}

interface StoredProgramme {
  settings: { name: string; deleted?: boolean };
  executives: { id: string; name: string; deleted?: boolean }[];
  competitions?: StoredCompetition[];
}

async function storedProgramme(page: Page, name: string): Promise<StoredProgramme> {
  const docs = Object.values(await storedProgrammes(page)).map((t) => JSON.parse(t).programme as StoredProgramme);
  const found = docs.filter((p) => !p.settings.deleted && p.settings.name === name);
  expect(found, `one stored programme named ${name}`).toHaveLength(1);
  return found[0];
}

async function storedCompetition(page: Page, programme: string): Promise<StoredCompetition> {
  const live = ((await storedProgramme(page, programme)).competitions ?? []).filter((c) => !c.settings.deleted);
  expect(live, 'one live competition').toHaveLength(1);
  return live[0];
}

/** The stored activity rows that hold at least one value. */
function recorded(c: StoredCompetition): ActivityRow[] {
  return activityRows(c).filter((r) => Object.keys(r.values).length > 0);
}

// ---------------------------------------------------------------------------------------------
// Page helpers

interface Exec {
  name: string;
  title?: string;
  email?: string;
}

/** Adds an executive on the naturals page with the "Add executive" form (mouse). */
async function addExecutive(page: Page, exec: Exec) {
  await goToPage(page, 'Naturals');
  await page.locator('.page-head').getByRole('button', { name: 'Add executive' }).click();
  const form = page.locator('section.panel', { has: page.getByRole('heading', { name: 'Add executive' }) });
  await form.locator('#new-exec-name').fill(exec.name);
  if (exec.title) await form.getByLabel('Title', { exact: true }).fill(exec.title);
  if (exec.email) await form.getByLabel('Email (optional)').fill(exec.email);
  await form.getByRole('button', { name: 'Add to roster' }).click();
  await expect(toast(page)).toContainText(`${exec.name} added to the roster.`);
  await form.getByRole('button', { name: 'Done' }).click();
  await expect(form).toHaveCount(0);
}

/** A new programme with these executives and a competition with the default set-up (mouse). */
async function programmeWithCompetition(page: Page, programme: string, execs: Exec[], competition = 'Test league') {
  await openApp(page);
  await createFromWelcome(page, { name: programme, company: 'Test Co' });
  for (const exec of execs) await addExecutive(page, exec);
  await goToPage(page, 'Competition');
  const form = setupForm(page);
  await expect(form.getByRole('heading', { level: 2 })).toHaveText('New competition');
  await form.locator('#new-name').fill(competition);
  await form.getByRole('button', { name: 'Create competition' }).click();
  await expect(toast(page)).toContainText('Competition created.');
  await expect(page.locator('#competition-name')).toHaveText(competition);
  await waitSaved(page);
}

function setupForm(page: Page): Locator {
  return page.locator('form.setup-form');
}

function scoreRows(page: Page): Locator {
  return page.locator('table#scoreboard > tbody > tr[data-executive]');
}

function scoreRow(page: Page, name: string): Locator {
  return scoreRows(page).filter({ has: page.locator('.exec-name', { hasText: exactly(name) }) });
}

function gridRow(page: Page, name: string): Locator {
  return page.locator('table#activity-grid > tbody > tr[data-executive]').filter({
    has: page.getByRole('rowheader', { name, exact: true }),
  });
}

function cell(page: Page, name: string, kpi: string): Locator {
  return gridRow(page, name).locator(`input[data-kpi="${kpi}"]`);
}

/** The error shown under a grid cell. */
function cellError(page: Page, name: string, kpi: string): Locator {
  return gridRow(page, name).locator('td', { has: page.locator(`input[data-kpi="${kpi}"]`) }).locator('.cell-error');
}

/** The scoreboard shows these executives, ranks and points, in this order. */
async function expectScoreboard(page: Page, ranked: Ranked[]) {
  await expect(scoreRows(page).locator('.exec-name')).toHaveText(ranked.map((r) => r.name));
  await expect(scoreRows(page).locator('.rank')).toHaveText(ranked.map((r) => String(r.rank)));
  await expect(scoreRows(page).locator('.points')).toHaveText(ranked.map((r) => pointsText(r.points)));
}

function periodSelect(page: Page): Locator {
  return page.locator('#period-select');
}

function history(page: Page): Locator {
  return page.getByTestId('history');
}

/** A row of the history table by its period label: [period, status, most social, most improved, record]. */
function historyRow(page: Page, label: string): Locator {
  return history(page).locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
}

async function expectHistory(page: Page, label: string, cells: { status: string; social?: string; improved?: string; record?: string | RegExp }) {
  const row = historyRow(page, label);
  await expect(row).toHaveCount(1);
  await expect(row.locator('td').nth(0)).toHaveText(cells.status);
  if (cells.social !== undefined) await expect(row.locator('td').nth(1)).toHaveText(cells.social);
  if (cells.improved !== undefined) await expect(row.locator('td').nth(2)).toHaveText(cells.improved);
  if (cells.record !== undefined) await expect(row.locator('td').nth(3)).toHaveText(cells.record);
}

function noteText(page: Page): Locator {
  return page.locator('#congratulation-note');
}

function winners(page: Page): Locator {
  return page.getByTestId('winners');
}

/** The "Most social executive" and "Most improved" lines of the winners. */
function winnerLine(page: Page, title: 'Most social executive' | 'Most improved'): Locator {
  return winners(page).locator('div', { has: page.locator('dt', { hasText: exactly(title) }) }).locator('dd');
}

/** Closes the chosen period with the mouse: "Close <label>…", then "Close period". */
async function closePeriod(page: Page, label: string) {
  await page.getByRole('button', { name: `Close ${label}…`, exact: true }).click();
  await expect(page.locator('#confirm-close')).toBeFocused();
  await page.getByRole('button', { name: 'Close period', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Winners — ${label}` })).toBeVisible();
}

async function choosePeriod(page: Page, label: string) {
  const option = periodSelect(page).locator('option', { hasText: new RegExp(`^${escapeRegExp(label)} — `) });
  const value = await option.getAttribute('value');
  expect(value, `a period ${label}`).not.toBeNull();
  await periodSelect(page).selectOption(value!);
  await expect(page.locator('#scoreboard-heading')).toHaveText(`Scoreboard — ${label}`);
}

/** Replaces window.print (which would open a dialog) with a counter, in every page of the context. */
async function stubPrint(page: Page) {
  await page.context().addInitScript(() => {
    (window as unknown as { __e2ePrints: number }).__e2ePrints = 0;
    window.print = () => {
      (window as unknown as { __e2ePrints: number }).__e2ePrints += 1;
    };
  });
}

const printCount = (page: Page) => page.evaluate(() => (window as unknown as { __e2ePrints: number }).__e2ePrints);

/** Text rendered on the page outside the certificates (for the print preview: there must be none). */
async function textOutsideCertificates(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      const el = n.parentElement;
      if (!text || !el) continue;
      if (el.closest('[data-testid=certificates], script, style, title, noscript, .visually-hidden')) continue;
      if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      out.push(`<${el.tagName.toLowerCase()}> ${text.slice(0, 60)}`);
    }
    return out;
  });
}

/** Nothing was created from user text: no images, no scripts in the app. */
async function expectNoMarkup(page: Page) {
  await expect(page.locator('body img')).toHaveCount(0);
  expect(await page.locator('#main script, header script').count()).toBe(0);
}

async function openDemo(page: Page) {
  await openApp(page);
  await loadDemo(page);
  await waitSaved(page);
}

// ---------------------------------------------------------------------------------------------
// 1. Keyboard only: set up, fill the grid, rank, close, lock, reload

const KEYBOARD_EXECS = [
  { name: 'Ava Lind', title: 'Chief Executive Officer' },
  { name: 'Ben Ortiz', title: 'Chief Financial Officer' },
  { name: 'Cleo Park', title: 'Chief People Officer' },
];

/**
 * Ava and Ben tie only because Ava's reactions are capped (250 → 200); Cleo is third. So the
 * expected ranks are 1, 1, 3 and both are named most social.
 */
const KEYBOARD_ACTIVITY: Record<string, Values> = {
  'Ava Lind': { posts: 4, comments: 10, reactions: 250, shares: 2 },
  'Ben Ortiz': { posts: 8, comments: 20, reactions: 60, shares: 2 },
  'Cleo Park': { posts: 3, comments: 5, reactions: 40, shares: 1 },
};

test('keyboard only: set up a competition, fill the grid for three executives, ranks with a tie, close the period, locked cells, reload keeps it all', async ({ page, context }) => {
  test.setTimeout(150_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  const period = currentMonth();
  const expected = rank(KEYBOARD_EXECS.map((e) => ({ name: e.name, points: rawPoints(KEYBOARD_ACTIVITY[e.name]) })));
  // The data really has a tie at the top that shares rank 1, and the cap makes it.
  expect(expected.map((r) => r.rank)).toEqual([1, 1, 3]);
  expect(rawPoints({ ...KEYBOARD_ACTIVITY['Ava Lind'] }, DEFAULT_KPIS.map((k) => ({ ...k, cap: undefined })))).toBeGreaterThan(expected[0].points);
  const winnerNames = mostSocial(expected);
  expect(winnerNames).toEqual(['Ava Lind', 'Ben Ortiz']);

  await openApp(page);
  await createProgrammeByKeyboard(page, { name: 'Keyboard league', company: 'Keys Logistics', networks: ['LinkedIn'] });

  // Three executives on Step 1.
  await tabTo(page, nav(page).getByRole('link', { name: '1 · Naturals', exact: true }));
  await page.keyboard.press('Enter');
  await expect(mainHeading(page)).toHaveText('Find the naturals');
  await tabTo(page, page.getByRole('button', { name: 'Add executive' }));
  await page.keyboard.press('Enter');
  const addForm = page.locator('section.panel', { has: page.getByRole('heading', { name: 'Add executive' }) });
  const newName = addForm.locator('#new-exec-name');
  await expect(newName).toBeFocused();
  for (const exec of KEYBOARD_EXECS) {
    await page.keyboard.type(exec.name);
    await page.keyboard.press('Tab');
    await expect(addForm.getByLabel('Title', { exact: true })).toBeFocused();
    await page.keyboard.type(exec.title);
    await tabTo(page, addForm.getByRole('button', { name: 'Add to roster' }));
    await page.keyboard.press('Enter');
    await expect(toast(page)).toContainText(`${exec.name} added to the roster.`);
    await expect(newName).toBeFocused();
  }

  // To Step 6 through the navigation.
  await tabTo(page, nav(page).getByRole('link', { name: '6 · Competition', exact: true }), 100);
  await page.keyboard.press('Enter');
  await expect(mainHeading(page)).toHaveText('Make a competition');
  await expect(page).toHaveURL(`${ORIGIN}/competition`);
  await expect(nav(page).getByRole('link', { name: '6 · Competition', exact: true })).toHaveAttribute('aria-current', 'page');

  // The set-up form with its documented defaults: monthly from the 1st of this month, no end,
  // posts 10, comments 3, reactions 0.5 capped at 200, shares 5, raw points, everyone in the league.
  const form = setupForm(page);
  await expect(form.getByRole('heading', { level: 2 })).toHaveText('New competition');
  await expect(page.locator('#new-kind option:checked')).toHaveText('Monthly');
  await expect(page.locator('#new-start')).toHaveValue(isoDate(period.start));
  await expect(page.locator('#new-end')).toHaveValue('');
  const kpiRows = form.locator('fieldset.kpi-row');
  await expect(kpiRows.locator('legend')).toHaveText(DEFAULT_KPIS.map((k, i) => `KPI ${i + 1}: ${k.label}`));
  for (const [i, k] of DEFAULT_KPIS.entries()) {
    const row = form.getByRole('group', { name: `KPI ${i + 1}: ${k.label}` });
    await expect(row.getByLabel('Name', { exact: true })).toHaveValue(k.label);
    await expect(row.getByLabel('Points per unit')).toHaveValue(String(k.points));
    await expect(row.getByLabel(/^Cap per period/)).toHaveValue(k.cap ? String(k.cap) : '');
    await expect(row.getByLabel('Network')).toBeVisible();
  }
  await expect(form.getByRole('radio', { name: /^Raw points/ })).toBeChecked();
  const league = form.getByRole('group', { name: 'League (who takes part)' });
  for (const exec of KEYBOARD_EXECS) {
    await expect(league.getByRole('checkbox', { name: new RegExp(`^${exec.name}`) })).toBeChecked();
  }
  await expect(form.getByLabel('Add a KPI')).toBeVisible();
  await expect(form.getByRole('button', { name: 'Add KPI' })).toBeVisible();

  await tabTo(page, page.locator('#new-name'));
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Keyboard social league');
  await tabTo(page, form.getByRole('button', { name: 'Create competition' }), 150);
  await page.keyboard.press('Enter');
  await expect(toast(page)).toContainText('Competition created.');
  await expect(page.locator('#competition-name')).toHaveText('Keyboard social league');
  await expect(periodSelect(page).locator('option:checked')).toHaveText(`${period.label} — running`);
  await expect(page.getByTestId('period-status')).toHaveText(`Running until ${longDate(period.end)} — ${period.left}.`);
  await expect(page.getByTestId('scoreboard-empty')).toBeVisible();

  // The grid: executives by name, one column per KPI; each cell is named by its row and column.
  const grid = page.locator('table#activity-grid');
  await expect(page.getByRole('heading', { level: 2, name: `Activity — ${period.label}` })).toBeVisible();
  await expect(grid.locator('tbody th[scope=row]')).toHaveText(KEYBOARD_EXECS.map((e) => e.name));
  await expect(grid.locator('thead th')).toHaveText(['Executive', ...DEFAULT_KPIS.map((k) => k.label), 'Points']);
  await expect(page.getByRole('textbox', { name: 'Ava Lind Posts', exact: true })).toHaveCount(1);
  await expect(page.getByRole('textbox', { name: 'Cleo Park Shares / reposts', exact: true })).toHaveCount(1);

  // Column by column: down with Enter, Tab to the next column (on the last row), up with Shift+Enter.
  const names = KEYBOARD_EXECS.map((e) => e.name);
  await tabTo(page, cell(page, names[0], 'posts'), 80);
  for (const [k, kpi] of DEFAULT_KPIS.entries()) {
    const order = k % 2 === 0 ? names : [...names].reverse();
    for (const [i, name] of order.entries()) {
      await expect(cell(page, name, kpi.id)).toBeFocused();
      await page.keyboard.type(String(KEYBOARD_ACTIVITY[name][kpi.id]));
      if (i < order.length - 1) await page.keyboard.press(k % 2 === 0 ? 'Enter' : 'Shift+Enter');
    }
    if (k < DEFAULT_KPIS.length - 1) await page.keyboard.press('Tab');
  }
  // Arrow keys move too: down, up, and left from the start of a value.
  await expect(cell(page, names[0], 'shares')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(cell(page, names[1], 'shares')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(cell(page, names[0], 'shares')).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowLeft');
  await expect(cell(page, names[0], 'reactions')).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowRight');
  await expect(cell(page, names[0], 'shares')).toBeFocused();
  for (const name of names) {
    for (const kpi of DEFAULT_KPIS) await expect(cell(page, name, kpi.id)).toHaveValue(String(KEYBOARD_ACTIVITY[name][kpi.id]));
    // The row's points update live.
    await expect(gridRow(page, name).locator('.row-points')).toHaveText(pointsText(rawPoints(KEYBOARD_ACTIVITY[name])));
  }

  // The scoreboard: ranks with the tie, points, leaders first.
  await expect(page.getByTestId('scoreboard-empty')).toHaveCount(0);
  await expectScoreboard(page, expected);
  await expect(page.locator('section.close-panel')).toContainText(
    `Leading now: ${joinAnd(winnerNames.map((n) => `${n} (${pointsText(expected[0].points)} points)`))}.`,
  );

  // "Why" for Ava: one line per KPI with what counted (the cap cut her reactions), and the total.
  const ava = scoreRow(page, 'Ava Lind');
  await tabTo(page, ava.getByRole('button', { name: /^Why/ }));
  await page.keyboard.press('Enter');
  await expect(ava.getByRole('button', { name: /^Hide/ })).toHaveAttribute('aria-expanded', 'true');
  const why = page.locator('tr.why-row .why-table');
  await expect(why).toBeVisible();
  const whyLines = why.locator('tbody tr');
  await expect(whyLines.locator('th')).toHaveText(DEFAULT_KPIS.map((k) => k.label));
  for (const [i, k] of DEFAULT_KPIS.entries()) {
    const value = KEYBOARD_ACTIVITY['Ava Lind'][k.id];
    const counted = Math.min(value, k.cap ?? Infinity);
    const line = whyLines.nth(i).locator('td');
    await expect(line.nth(0)).toContainText(String(counted));
    if (counted < value) await expect(line.nth(0)).toContainText(String(value));
    await expect(line.nth(1)).toHaveText(`× ${k.points}`);
    await expect(line.nth(2)).toHaveText(pointsText(counted * k.points));
  }
  await expect(why.locator('tfoot th')).toHaveText('Total');
  await expect(why.locator('tfoot td')).toHaveText(pointsText(expected[0].points));

  // Close the period, by keyboard: the button asks first.
  await tabTo(page, page.getByRole('button', { name: `Close ${period.label}…`, exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.locator('#confirm-close')).toBeFocused();
  await expect(page.locator('#close-q')).toContainText(`Close ${period.label}? Its activity becomes locked.`);
  await page.keyboard.press('Enter');
  const winnersText = joinAnd(winnerNames.map((n) => `${n} (${pointsText(expected[0].points)} points)`));
  await expect(toast(page)).toContainText(`${period.label} closed. Most social: ${winnersText}.`);
  const winnersHeading = page.getByRole('heading', { level: 2, name: `Winners — ${period.label}` });
  await expect(winnersHeading).toBeFocused();

  const expectClosed = async (editedNote: string | null) => {
    await expect(winnersHeading).toBeVisible();
    await expect(periodSelect(page).locator('option:checked')).toHaveText(`${period.label} — closed`);
    await expect(page.getByTestId('period-status')).toHaveText(`Closed on ${longDate(today())} — activity is locked.`);
    await expect(winnerLine(page, 'Most social executive')).toHaveText(winnersText);
    // The first period has no previous one: nobody is "most improved".
    for (const name of names) await expect(winnerLine(page, 'Most improved')).not.toContainText(name);
    await expectScoreboard(page, expected);
    // The note names both winners; the subject says so.
    const subject = `Congratulations to ${joinAnd(winnerNames)} — most social executives, ${period.label}`;
    await expect(page.locator('.note-subject')).toHaveText(`Subject: ${subject}`);
    const body = await noteText(page).inputValue();
    for (const name of winnerNames) expect(body).toContain(name);
    expect(body).toContain(`${pointsText(expected[0].points)} points`);
    if (editedNote) expect(body.endsWith(editedNote)).toBe(true);
    await expect(page.getByRole('link', { name: 'Open as e-mail draft' })).toHaveAttribute(
      'href',
      `mailto:?subject=${rfc3986(subject)}&body=${rfc3986(body)}`,
    );
    // A certificate per winner, for print.
    const certs = page.getByTestId('certificates').locator('article.certificate');
    await expect(certs.locator('.cert-name')).toHaveText(winnerNames);
    await expect(certs.locator('.cert-title')).toHaveText(winnerNames.map(() => 'Most social executive'));
    await expect(certs.first().locator('.cert-citation')).toContainText(`${period.label} with ${pointsText(expected[0].points)} points`);
    await expect(certs.first()).toBeHidden(); // print only
    // Locked: the grid says so and its cells are read-only, with the values kept.
    await expect(page.getByTestId('grid-locked')).toContainText(`${period.label} is closed, so its activity is locked.`);
    for (const name of names) {
      for (const kpi of DEFAULT_KPIS) {
        await expect(cell(page, name, kpi.id)).toHaveValue(String(KEYBOARD_ACTIVITY[name][kpi.id]));
        await expect(cell(page, name, kpi.id)).toHaveAttribute('readonly', '');
      }
    }
    await expectHistory(page, period.label, {
      status: 'Closed',
      social: joinAnd(winnerNames),
      improved: '—',
      record: `closed ${longDate(today())}`,
    });
  };
  await expectClosed(null);

  // Copy the note (keyboard): the clipboard holds the subject and the note.
  const generated = await noteText(page).inputValue();
  await tabTo(page, page.getByRole('button', { name: 'Copy note' }));
  await page.keyboard.press('Enter');
  await expect(toast(page)).toContainText('Note copied');
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  expect(clipboard).toBe(`Congratulations to ${joinAnd(winnerNames)} — most social executives, ${period.label}\n\n${generated}`);

  // Edit the note (keyboard): kept, with a way back to the generated one.
  const addition = ' Drinks on Friday!';
  await tabTo(page, noteText(page));
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(addition);
  await expect(noteText(page)).toHaveValue(generated + addition);
  await expect(page.getByRole('button', { name: 'Back to the generated note' })).toBeVisible();

  // Typing in a locked cell is refused with the reason; the value stays.
  await tabTo(page, cell(page, 'Ben Ortiz', 'posts'));
  await page.keyboard.press('9');
  await expect(toast(page)).toContainText(`${period.label} is closed, so its activity is locked.`);
  await page.keyboard.press('Backspace');
  await expect(cell(page, 'Ben Ortiz', 'posts')).toHaveValue(String(KEYBOARD_ACTIVITY['Ben Ortiz'].posts));
  await waitSaved(page);

  // Stored: closed, both winners, the edited note, the activity.
  const stored = await storedCompetition(page, 'Keyboard league');
  const record = (stored.periods ?? []).find((p) => p.period === isoDate(period.start));
  expect(record?.closed).toBe(true);
  expect(record?.most_social).toHaveLength(2);
  expect(record?.note).toBe(generated + addition);
  expect(recorded(stored)).toHaveLength(3);

  // Reload: everything is kept.
  await reloadApp(page);
  await expect(mainHeading(page)).toHaveText('Make a competition');
  await expectClosed(addition);
  await expect(noteText(page)).toHaveValue(generated + addition);
});

// ---------------------------------------------------------------------------------------------
// 2. The grid refuses negatives and text

test('the grid refuses "-3", "abc" and "2.5" with a visible error and stores nothing; "1,200" is 1200', async ({ page }) => {
  test.setTimeout(90_000);
  await programmeWithCompetition(page, 'Grid rules', [{ name: 'Ava Lind' }, { name: 'Ben Ortiz' }]);
  const posts = cell(page, 'Ava Lind', 'posts');
  const error = cellError(page, 'Ava Lind', 'posts');

  await posts.click();
  await page.keyboard.type('-3');
  await expect(error).toBeVisible();
  await expect(error).toContainText('-3');
  await expect(error).toContainText(/negative/);
  await expect(posts).toHaveAttribute('aria-invalid', 'true');
  await expect(gridRow(page, 'Ava Lind').locator('.row-points')).toHaveText('0');
  await expect(page.getByTestId('scoreboard-empty')).toBeVisible();

  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('abc');
  await expect(error).toContainText('abc');
  await expect(error).toContainText(/not a whole number/);

  // A decimal, pasted in one go (typed key by key, its valid prefix "2" would be recorded first).
  const comments = cell(page, 'Ben Ortiz', 'comments');
  await comments.fill('2.5');
  await expect(cellError(page, 'Ben Ortiz', 'comments')).toContainText('2.5');
  await expect(cellError(page, 'Ben Ortiz', 'comments')).toContainText(/not a whole number/);
  await waitSaved(page);
  expect(recorded(await storedCompetition(page, 'Grid rules')), 'nothing stored').toEqual([]);

  // After a reload the refused text is gone: it was never recorded.
  await reloadApp(page);
  await expect(posts).toHaveValue('');
  await expect(comments).toHaveValue('');
  await expect(error).toHaveText('');
  await expect(page.getByTestId('scoreboard-empty')).toBeVisible();

  // "1,200" is read as 1200 (thousands separators as people type them).
  await posts.click();
  await page.keyboard.type('1,200');
  await expect(error).toHaveText('');
  await expect(posts).toHaveAttribute('aria-invalid', 'false');
  const points = rawPoints({ posts: 1200 });
  await expect(gridRow(page, 'Ava Lind').locator('.row-points')).toHaveText(pointsText(points));
  await expectScoreboard(page, rank([{ name: 'Ava Lind', points }, { name: 'Ben Ortiz', points: 0 }]));
  await waitSaved(page);
  const rows = recorded(await storedCompetition(page, 'Grid rules'));
  expect(rows).toHaveLength(1);
  expect(rows[0].values).toEqual({ posts: 1200 });
  await reloadApp(page);
  await expect(posts).toHaveValue('1200');
  await expect(scoreRow(page, 'Ava Lind').locator('.points')).toHaveText(pointsText(points));

  // Clearing a cell clears the value.
  await posts.fill('');
  await expect(page.getByTestId('scoreboard-empty')).toBeVisible();
  await waitSaved(page);
  expect(recorded(await storedCompetition(page, 'Grid rules'))).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// 3. CSV import: preview, per-row errors, unknown names, nothing applied until confirmed, undo

test('CSV import: template, per-row errors and unknown names in the preview, nothing applied until confirmed, undo', async ({ page }) => {
  test.setTimeout(90_000);
  const execs = [
    { name: 'Ava Lind', email: 'ava.lind@example.com' },
    { name: 'Ben Ortiz', email: 'ben.ortiz@example.com' },
    { name: 'Cleo Park', email: 'cleo.park@example.com' },
  ];
  await programmeWithCompetition(page, 'CSV import', execs);
  const period = currentMonth();

  // The template: name, email and one column per KPI; one row per league member, values empty.
  const { download, text: template } = await clickDownload(
    page,
    page.getByRole('button', { name: `Download template for ${period.label}`, exact: true }),
  );
  expect(download.suggestedFilename()).toMatch(new RegExp(`^activity-.*-${isoDate(period.start)}\\.csv$`));
  const templateRows = parseCsv(template.replace(/^\uFEFF/, '')).filter((r) => r.some((c) => c !== ''));
  expect(templateRows[0]).toEqual(['name', 'email', ...DEFAULT_KPIS.map((k) => k.label)]);
  expect(templateRows.slice(1)).toEqual(execs.map((e) => [e.name, e.email, '', '', '', '']));

  // A file with a good row, a row with text in a number column, an unknown name, a row matched by
  // e-mail only (another case), and a typo.
  const ava = { posts: 4, comments: 10, reactions: 250, shares: 2 };
  const cleo = { posts: 3, comments: 5, reactions: 40, shares: 1 };
  const csv = [
    'name,email,Posts,Comments,Reactions,Shares / reposts',
    `Ava Lind,,${ava.posts},${ava.comments},${ava.reactions},${ava.shares}`,
    'Ben Ortiz,,eight,20,60,2',
    'Zed Unknown,,1,1,1,1',
    `,CLEO.PARK@example.com,${cleo.posts},${cleo.comments},${cleo.reactions},${cleo.shares}`,
    'Cleo Prak,,9,9,9,9',
    '',
  ].join('\r\n');
  await page.getByLabel('Activity file (.csv)').setInputFiles({ name: 'activity.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  const preview = page.getByTestId('activity-preview');
  await expect(preview).toBeVisible();
  await expect(preview.getByRole('heading', { name: `Preview of “activity.csv” for ${period.label}` })).toBeFocused();
  await expect(preview).toContainText('2 executives would be updated; 0 rows already match; 3 rows cannot be imported.');
  const errors = page.getByTestId('activity-errors').locator('li');
  await expect(errors).toHaveCount(3);
  await expect(errors.nth(0)).toHaveText(/^Line 3: .*“eight”.*Posts.*not a whole number/);
  await expect(errors.nth(1)).toHaveText(/^Line 4: “Zed Unknown” is not on the roster\./);
  await expect(errors.nth(2)).toHaveText(/^Line 6: “Cleo Prak” is not on the roster\. Did you mean “Cleo Park”\?/);
  const changes = preview.locator('ul.changes li');
  await expect(changes).toHaveCount(2);
  await expect(changes.nth(0)).toContainText('Ava Lind');
  await expect(changes.nth(0)).toContainText(`Posts — → ${ava.posts}`);
  await expect(changes.nth(1)).toContainText('Cleo Park');
  await expect(changes.nth(1)).toContainText(`Reactions — → ${cleo.reactions}`);
  await expectNoViolations(page, 'competition (activity import preview with errors)');

  // Nothing applied yet.
  await expect(page.getByTestId('scoreboard-empty')).toBeVisible();
  await expect(scoreRows(page).locator('.points')).toHaveText(['0', '0', '0']);
  await expect(cell(page, 'Ava Lind', 'posts')).toHaveValue('');
  await waitSaved(page);
  expect(recorded(await storedCompetition(page, 'CSV import'))).toEqual([]);

  // Applied on confirmation: only the good rows.
  await preview.getByRole('button', { name: 'Apply these changes' }).click();
  await expect(preview).toHaveCount(0);
  await expect(toast(page)).toContainText(`Activity imported for ${period.label}: 2 executives updated.`);
  const after = rank([
    { name: 'Ava Lind', points: rawPoints(ava) },
    { name: 'Ben Ortiz', points: 0 },
    { name: 'Cleo Park', points: rawPoints(cleo) },
  ]);
  await expectScoreboard(page, after);
  await expect(cell(page, 'Ava Lind', 'reactions')).toHaveValue(String(ava.reactions));
  await expect(cell(page, 'Ben Ortiz', 'comments')).toHaveValue('');
  await waitSaved(page);
  expect(recorded(await storedCompetition(page, 'CSV import'))).toHaveLength(2);

  // Undo in the toast takes it all back.
  await toast(page).getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('scoreboard-empty')).toBeVisible();
  await expect(scoreRows(page).locator('.points')).toHaveText(['0', '0', '0']);
  await expect(cell(page, 'Ava Lind', 'posts')).toHaveValue('');
  await waitSaved(page);
  expect(recorded(await storedCompetition(page, 'CSV import'))).toEqual([]);
  await reloadApp(page);
  await expect(page.getByTestId('scoreboard-empty')).toBeVisible();
});

// ---------------------------------------------------------------------------------------------
// 4. Scoreboard export: formulas neutralised, numbers plain

test('scoreboard CSV export: names and titles that look like formulas are neutralised, points are plain numbers', async ({ page, guard }) => {
  test.setTimeout(90_000);
  const HYPERLINK = '=HYPERLINK("http://x")';
  const SUM = '@SUM(1)';
  const execs = [
    { name: HYPERLINK, title: '+44 Chief Executive' },
    { name: SUM, title: '-Head of Sales' },
    { name: 'Plain Name', title: 'Chief Operating Officer' },
  ];
  await programmeWithCompetition(page, 'Export safety', execs);
  const activity: Record<string, Values> = {
    [HYPERLINK]: { posts: 120 },
    [SUM]: { reactions: 3 },
    'Plain Name': { comments: 7, shares: 1 },
  };
  for (const [name, values] of Object.entries(activity)) {
    for (const [kpi, value] of Object.entries(values)) await cell(page, name, kpi).fill(String(value));
  }
  const expected = rank(execs.map((e) => ({ name: e.name, points: rawPoints(activity[e.name]) })));
  await expectScoreboard(page, expected);
  await waitSaved(page);

  const { download, text } = await clickDownload(page, page.getByRole('button', { name: 'Export scoreboard (CSV)' }));
  expect(download.suggestedFilename()).toMatch(new RegExp(`^scoreboard-.*-${isoDate(currentMonth().start)}\\.csv$`));
  const rows = parseCsv(text.replace(/^\uFEFF/, '')).filter((r) => r.some((c) => c !== ''));
  expect(rows[0]).toEqual([
    'rank', 'name', 'title', 'department', 'email', 'points', 'movement', 'improvement',
    ...DEFAULT_KPIS.flatMap((k) => [`${k.label} count`, `${k.label} points`]),
  ]);
  expect(rows).toHaveLength(1 + execs.length);
  const byName = (name: string) => rows.find((r) => r[1] === name || r[1] === `'${name}`)!;
  // Text cells that start with = + - @ get a leading ' (OWASP); others are as typed.
  expect(byName(HYPERLINK)[1]).toBe(`'${HYPERLINK}`);
  expect(byName(HYPERLINK)[2]).toBe("'+44 Chief Executive");
  expect(byName(SUM)[1]).toBe(`'${SUM}`);
  expect(byName(SUM)[2]).toBe("'-Head of Sales");
  expect(byName('Plain Name')[1]).toBe('Plain Name');
  // Best first, ranks and points as plain numbers (no grouping, at most one decimal, never prefixed).
  for (const [i, r] of expected.entries()) {
    const row = rows[i + 1];
    expect(row[1].replace(/^'/, '')).toBe(r.name);
    expect(row[0]).toBe(String(r.rank));
    expect(row[5]).toBe(String(Math.round(r.points * 10) / 10));
    expect(row[6]).toBe('new'); // the first period: nobody was ranked before
    expect(row[7]).toBe(''); // no previous period, no improvement
    for (const [k, kpi] of DEFAULT_KPIS.entries()) {
      const value = activity[r.name][kpi.id] ?? 0;
      expect(row[8 + 2 * k], `${r.name} ${kpi.label} count`).toBe(String(value));
      expect(row[9 + 2 * k], `${r.name} ${kpi.label} points`).toBe(String(Math.min(value, kpi.cap ?? Infinity) * kpi.points));
    }
  }
  expect(byName(HYPERLINK)[5]).toBe('1200');
  expect(byName(SUM)[5]).toBe('1.5');
  // No cell anywhere could start a formula.
  for (const row of rows) for (const c of row) expect(c, `cell ${c}`).not.toMatch(/^[=+@\t\r]|^-(?!\d)/);
  // The names were never followed.
  expect(guard.requests.filter((u) => u.includes('http://x'))).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// 5. The demo league: running period, history, dashboard, reopening

/** The demo league's KPIs (src/model/demo.rs): default points, reactions capped at 150, intranet posts. */
const DEMO_KPIS: Kpi[] = [
  { id: 'posts', label: 'Posts', points: 10 },
  { id: 'comments', label: 'Comments', points: 3 },
  { id: 'reactions', label: 'Reactions', points: 0.5, cap: 150 },
  { id: 'shares', label: 'Shares / reposts', points: 5 },
  { id: 'intranet_posts', label: 'Intranet posts', points: 10 },
];

/** The four closed months, oldest first: [posts, comments, reactions, shares, intranet posts] (src/model/demo.rs). */
const DEMO_CLOSED: Record<string, number[][]> = {
  'Amara Okafor': [[1, 2, 35, 1, 0], [1, 3, 40, 0, 1], [2, 4, 60, 1, 1], [6, 12, 150, 5, 3]],
  'Lukas Brandt': [[8, 22, 180, 6, 4], [9, 20, 160, 5, 5], [6, 18, 130, 4, 3], [8, 22, 170, 6, 4]],
  'Sofia Marquez': [[7, 15, 140, 9, 3], [8, 25, 150, 8, 3], [7, 20, 150, 6, 2], [10, 28, 220, 10, 4]],
  'Kenji Watanabe': [[5, 8, 90, 3, 0], [6, 10, 110, 4, 0], [7, 12, 120, 5, 1], [6, 11, 100, 4, 1]],
  'Hannah Lindqvist': [[2, 5, 20, 1, 1], [1, 4, 18, 0, 1], [3, 6, 30, 1, 2], [4, 8, 45, 2, 2]],
  'Chloé Dubois': [[1, 12, 40, 2, 9], [2, 14, 55, 3, 10], [3, 25, 90, 4, 14], [2, 20, 70, 3, 12]],
};

function demoPoints(name: string, month: number): number {
  const v = DEMO_CLOSED[name][month];
  return rawPoints(Object.fromEntries(DEMO_KPIS.map((k, i) => [k.id, v[i]])), DEMO_KPIS);
}

/** Each closed month's label, scoreboard, most social and most improved, from the rules. */
function demoMonths() {
  const t = today();
  const names = Object.keys(DEMO_CLOSED);
  return [0, 1, 2, 3].map((month) => {
    const ym = monthsBefore(t, 4 - month);
    const ranked = rank(names.map((name) => ({ name, points: demoPoints(name, month) })));
    let improved: string[] = [];
    if (month > 0) {
      const change = names.map((name) => ({ name, by: demoPoints(name, month) - demoPoints(name, month - 1) }));
      const best = Math.max(...change.map((c) => c.by));
      if (best > 0) {
        improved = change
          .filter((c) => Math.round(c.by * 10) === Math.round(best * 10))
          .map((c) => c.name)
          .sort((a, b) => byText(a.toLowerCase(), b.toLowerCase()));
      }
    }
    return { ym, label: monthLabel(ym), ranked, social: mostSocial(ranked), improved };
  });
}

test('demo: the running period, the history of closed months with their winners, the dashboard line; reopening is recorded with its date', async ({ page }) => {
  test.setTimeout(120_000);
  const months = demoMonths();
  // The demo's documented story (src/model/demo.rs) follows from its numbers.
  expect(months.map((m) => m.social)).toEqual([['Lukas Brandt'], ['Lukas Brandt', 'Sofia Marquez'], ['Chloé Dubois'], ['Sofia Marquez']]);
  expect(months.map((m) => m.improved)).toEqual([[], ['Sofia Marquez'], ['Chloé Dubois'], ['Amara Okafor']]);
  const period = currentMonth();

  await openDemo(page);
  await goToPage(page, 'Competition');
  await expect(page.locator('#competition-name')).toHaveText(DEMO_LEAGUE);
  await expect(periodSelect(page).locator('option:checked')).toHaveText(`${period.label} — running`);
  await expect(page.getByTestId('period-status')).toHaveText(`Running until ${longDate(period.end)} — ${period.left}.`);
  await expect(scoreRows(page)).toHaveCount(Object.keys(DEMO_CLOSED).length);
  await expect(page.getByRole('button', { name: `Close ${period.label}…`, exact: true })).toBeVisible();
  await expect(scoreRows(page).first().locator('.rank')).toHaveText('1');
  const leaders = scoreRows(page).filter({ has: page.locator('.rank', { hasText: exactly('1') }) });
  const leaderNames = await leaders.locator('.exec-name').allTextContents();
  const leaderPoints = (await scoreRows(page).first().locator('.points').textContent())!;

  // History: newest first, the running month then the four closed months with their winners.
  const rows = history(page).locator('tbody tr');
  await expect(rows.locator('th')).toHaveText([period.label, ...[...months].reverse().map((m) => m.label)]);
  await expectHistory(page, period.label, { status: 'Running', social: '—', improved: '—', record: '' });
  for (const m of months) {
    await expectHistory(page, m.label, {
      status: 'Closed',
      social: joinAnd(m.social),
      improved: m.improved.length ? joinAnd(m.improved) : '—',
    });
  }
  expect(await rows.filter({ has: page.locator('td', { hasText: exactly('Closed') }) }).count()).toBeGreaterThanOrEqual(3);
  // The second month was reopened once for a late figure (the day after it was closed) and closed again.
  const second = months[1];
  const closedOn = { ...monthsBefore(today(), 2), d: 1 };
  const reopenedOn = { ...closedOn, d: 2 };
  await expectHistory(page, second.label, {
    status: 'Closed',
    record: `closed ${longDate(closedOn)}; reopened ${longDate(reopenedOn)}; closed ${longDate(reopenedOn)}`,
  });

  // A closed month's scoreboard follows the rules, and its winners are named.
  const last = months[3];
  await choosePeriod(page, last.label);
  await expectScoreboard(page, last.ranked);
  await expect(winnerLine(page, 'Most social executive')).toContainText(joinAnd(last.social));
  await expect(winnerLine(page, 'Most improved')).toContainText(joinAnd(last.improved));
  await expect(cell(page, last.social[0], 'posts')).toHaveAttribute('readonly', '');

  // The dashboard: the running period with days left and the leader.
  await goToPage(page, 'Dashboard');
  await expect(page.getByTestId('running-period')).toHaveText(
    `${DEMO_LEAGUE} — ${period.label}: ${period.left}. ${leaderNames.length === 1 ? 'Leading' : 'Leading, tied'}: ${joinAnd(leaderNames)} (${leaderPoints} points).`,
  );
  await page.getByTestId('running-period').getByRole('link').click();
  await expect(mainHeading(page)).toHaveText('Make a competition');

  // Reopen the last closed month: recorded with today's date; winners cleared until closed again.
  await choosePeriod(page, last.label);
  await page.getByRole('button', { name: 'Reopen period…' }).click();
  await expect(page.locator('#confirm-reopen')).toBeFocused();
  await page.getByRole('button', { name: 'Reopen period', exact: true }).click();
  await expect(toast(page)).toContainText(`${last.label} reopened — recorded with today's date.`);
  const closedLast = { ...monthsBefore(today(), 0), d: 1 };
  await expectHistory(page, last.label, {
    status: 'Reopened',
    social: '—',
    record: `closed ${longDate(closedLast)}; reopened ${longDate(today())}`,
  });
  await expect(periodSelect(page).locator('option:checked')).toHaveText(`${last.label} — open`);
  await expect(page.getByTestId('grid-locked')).toHaveCount(0);
  await expect(cell(page, last.social[0], 'posts')).not.toHaveAttribute('readonly', '');
  // The rules it was closed under stay: the same scoreboard.
  await expectScoreboard(page, last.ranked);

  // Close it again: the same winners, and the record goes on.
  await closePeriod(page, last.label);
  await expect(winnerLine(page, 'Most social executive')).toContainText(joinAnd(last.social));
  await expectHistory(page, last.label, {
    status: 'Closed',
    social: joinAnd(last.social),
    improved: joinAnd(last.improved),
    record: `closed ${longDate(closedLast)}; reopened ${longDate(today())}; closed ${longDate(today())}`,
  });
  await waitSaved(page);
  await reloadApp(page);
  await expectHistory(page, last.label, {
    status: 'Closed',
    record: `closed ${longDate(closedLast)}; reopened ${longDate(today())}; closed ${longDate(today())}`,
  });
});

// ---------------------------------------------------------------------------------------------
// 6. Backup round trip

test('backup: export all, clear, import — the competition with its closed periods, edited note and activity comes back', async ({ page }) => {
  test.setTimeout(90_000);
  const months = demoMonths();
  const last = months[3];
  await openDemo(page);
  await goToPage(page, 'Competition');
  // Beyond the demo: an edited note and a changed value in the running month.
  await choosePeriod(page, last.label);
  await noteText(page).fill('An edited note — “quotes” & ünïcödé ✓');
  await choosePeriod(page, currentMonth().label);
  await cell(page, 'Hannah Lindqvist', 'posts').fill('7');
  await expect(scoreRow(page, 'Hannah Lindqvist').locator('.points')).toHaveText('70');
  await waitSaved(page);
  const before = await storedProgrammes(page);
  const competition = (JSON.parse(Object.values(before)[0]).programme as StoredProgramme).competitions![0];
  expect(competition.periods!.filter((p) => p.closed)).toHaveLength(4);

  const file = JSON.parse(await backupClearRestore(page));
  expect(file.programmes[0].competitions[0].settings.name).toBe(DEMO_LEAGUE);
  // The same data, byte for byte (new activity rows are stored in key order, as a restore writes
  // them: see "backup of typed activity is byte-identical" below).
  await expectStoredAsBefore(page, before);

  // And the page shows it all again.
  await goToPage(page, 'Competition');
  await expect(page.locator('#competition-name')).toHaveText(DEMO_LEAGUE);
  await expect(cell(page, 'Hannah Lindqvist', 'posts')).toHaveValue('7');
  for (const m of months) await expectHistory(page, m.label, { status: 'Closed', social: joinAnd(m.social) });
  await choosePeriod(page, last.label);
  await expect(noteText(page)).toHaveValue('An edited note — “quotes” & ünïcödé ✓');
  await expectScoreboard(page, last.ranked);
});

/** A stored document with each competition's activity rows and period records in key order. */
function inKeyOrder(doc: { programme: StoredProgramme }) {
  for (const c of doc.programme.competitions ?? []) {
    c.activity?.rows.sort((a, b) => byText(`${a[0]} ${a[1]}`, `${b[0]} ${b[1]}`));
    c.periods?.sort((a, b) => byText(a.period, b.period));
  }
  return doc;
}

// Was a bug: a value typed for an executive who has no activity row in the period yet appends the new row
// at the end of the stored activity (src/model/competition/edit.rs `set_values` pushes), while a
// merge — and so every restore of a backup — writes the rows in key order (period, executive). So
// after export → clear → import the stored programme is not byte-identical whenever the new row's
// executive id does not sort last (with the demo this depends on random ids: the backup journey
// above passes or fails by chance when compared byte for byte). Expected: byte-identical, as for
// every other part of a programme (backup.spec.ts) — e.g. insert new rows in key order.
test('backup of typed activity is byte-identical after export, clear and import', async ({ page }) => {
  await programmeWithCompetition(page, 'Row order', [{ name: 'Ava Lind' }, { name: 'Ben Ortiz' }]);
  const ids = await page.locator('table#activity-grid > tbody > tr[data-executive]').evaluateAll((rows) =>
    rows.map((r) => ({ id: r.getAttribute('data-executive')!, name: r.querySelector('th')!.textContent! })),
  );
  // The executive whose id sorts last gets a value first, so that the rows are not in key order.
  const [first, second] = [...ids].sort((a, b) => byText(b.id, a.id));
  await cell(page, first.name, 'posts').fill('3');
  await cell(page, second.name, 'posts').fill('5');
  await waitSaved(page);
  const before = await storedProgrammes(page);
  await backupClearRestore(page);
  await expectStoredAsBefore(page, before);
});

// ---------------------------------------------------------------------------------------------
// 7. Accessibility

test('axe: /competition with the demo — scoreboard with "Why" open, a closed period, the set-up form', async ({ page }) => {
  test.setTimeout(90_000);
  await openDemo(page);
  await goToPage(page, 'Competition');
  await reloadApp(page); // without the toast
  await expect(scoreRows(page).first()).toBeVisible();
  await scoreRows(page).first().getByRole('button', { name: /^Why/ }).click();
  await expect(page.locator('tr.why-row')).toBeVisible();
  await page.getByRole('button', { name: 'Edit set-up' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Edit the set-up' })).toBeVisible();
  await expectNoViolations(page, 'competition (demo, Why open, set-up form)');
  await page.getByRole('button', { name: 'Close set-up' }).click();
  // A closed period: winners, note, reopen.
  await choosePeriod(page, demoMonths()[3].label);
  await expect(noteText(page)).toBeVisible();
  await expectNoViolations(page, 'competition (demo, closed period)');
});

test('axe: /competition empty states — no roster, then a roster and no competition (with the form\'s problems)', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await createFromWelcome(page, { name: 'Empty competition', company: 'Empty Co' });
  await goToPage(page, 'Competition');
  await expect(page.locator('#main')).toContainText('No executives on the roster yet.');
  await expect(page.getByRole('link', { name: 'Add them in Step 1' })).toBeVisible();
  await expectNoViolations(page, 'competition (no roster)');

  await addExecutive(page, { name: 'Ava Lind', title: 'Chief Executive Officer' });
  await goToPage(page, 'Competition');
  await expect(page.getByRole('heading', { level: 2, name: 'Set up your first competition' })).toBeVisible();
  await expect(setupForm(page).getByRole('heading', { level: 2 })).toHaveText('New competition');
  await screenshot(page, 'competition-empty');
  await expectNoViolations(page, 'competition (roster, no competition)');
  // The form's problems: each names its field.
  await page.locator('#new-name').fill('');
  await setupForm(page).getByRole('group', { name: 'League (who takes part)' }).getByRole('button', { name: 'Select none' }).click();
  await setupForm(page).getByRole('button', { name: 'Create competition' }).click();
  const problems = page.locator('#new-problems');
  await expect(problems).toBeFocused();
  await expect(problems.locator('li')).toHaveText([/^Name:/, /^League:/]);
  await expectNoViolations(page, 'competition (set-up form with problems)');
});

// ---------------------------------------------------------------------------------------------
// 8. Screenshots: the demo scoreboard, a closed period with its note, the certificate on paper

test('screenshots and print: demo scoreboard (printed as shown for a running period), closed period with note, certificate print preview (only the certificates)', async ({ page }) => {
  test.setTimeout(90_000);
  await stubPrint(page);
  const last = demoMonths()[3];
  await openDemo(page);
  await goToPage(page, 'Competition');
  await reloadApp(page); // without the toast
  await scoreRows(page).first().getByRole('button', { name: /^Why/ }).click();
  await expect(page.locator('tr.why-row')).toBeVisible();
  await screenshot(page, 'competition-demo');

  // Printing the running period (no certificates yet) prints its scoreboard as shown, with the
  // league's name, without the buttons, the grid or the rest of the page.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('table#scoreboard')).toBeVisible();
  await expect(scoreRows(page)).toHaveCount(Object.keys(DEMO_CLOSED).length);
  for (const row of await scoreRows(page).all()) await expect(row).toBeVisible();
  await expect(page.locator('.scoreboard-panel .print-kicker')).toHaveText(DEMO_LEAGUE);
  await expect(page.locator('tr.why-row')).toBeVisible();
  await expect(scoreRows(page).first().getByRole('button', { name: /^Hide/ })).toBeHidden();
  await expect(page.locator('#activity-grid')).toBeHidden();
  await expect(page.locator('header.app-header')).toBeHidden();
  await screenshot(page, 'competition-scoreboard-print');
  await page.emulateMedia({ media: 'screen' });

  await choosePeriod(page, last.label);
  await expect(noteText(page)).toBeVisible();
  await screenshot(page, 'competition-closed');

  await page.getByRole('button', { name: 'Print certificate' }).click();
  expect(await printCount(page)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  const certs = page.getByTestId('certificates').locator('article.certificate');
  await expect(certs).toHaveCount(last.social.length + last.improved.length);
  await expect(certs.first()).toBeVisible();
  await expect(certs.locator('.cert-title')).toHaveText([
    ...last.social.map(() => 'Most social executive'),
    ...last.improved.map(() => 'Most improved'),
  ]);
  await expect(certs.locator('.cert-name')).toHaveText([...last.social, ...last.improved]);
  const winner = last.ranked[0];
  await expect(certs.first().locator('.cert-citation')).toContainText(`${last.label} with ${pointsText(winner.points)} points`);
  await expect(certs.first().locator('.cert-kicker')).toHaveText(DEMO_LEAGUE);
  await expect(page.locator('header.app-header')).toBeHidden();
  await expect(nav(page)).toBeHidden();
  await expect(page.locator('table#scoreboard')).toBeHidden();
  await expect(noteText(page)).toBeHidden();
  expect(await textOutsideCertificates(page), 'only the certificates are printed').toEqual([]);
  await screenshot(page, 'competition-certificate-print');
  await page.emulateMedia({ media: 'screen' });
});

// ---------------------------------------------------------------------------------------------
// 9. Markup is text

test('markup as a name is text in the scoreboard, grid, winners, note, certificate, history and dashboard', async ({ page, guard }) => {
  test.setTimeout(90_000);
  await stubPrint(page);
  await programmeWithCompetition(page, 'Markup league', [{ name: IMG, title: '<b>bold</b>' }, { name: 'Plain Name' }], `${IMG} league`);
  const period = currentMonth();
  await expect(page.locator('#competition-name')).toHaveText(`${IMG} league`);
  await cell(page, IMG, 'posts').fill('5');
  await cell(page, 'Plain Name', 'posts').fill('2');
  const points = pointsText(rawPoints({ posts: 5 }));

  await expect(gridRow(page, IMG).getByRole('rowheader')).toHaveText(IMG);
  await expect(scoreRows(page).first().locator('.exec-name')).toHaveText(IMG);
  await expect(scoreRows(page).first().locator('.exec-title')).toHaveText('<b>bold</b>');
  await expect(scoreRows(page).first().locator('.points')).toHaveText(points);
  await scoreRow(page, IMG).getByRole('button', { name: /^Why/ }).click();
  await expect(page.locator('tr.why-row')).toBeVisible();
  await expectNoMarkup(page);

  await closePeriod(page, period.label);
  await expect(toast(page)).toContainText(`Most social: ${IMG} (${points} points).`);
  await expect(winnerLine(page, 'Most social executive')).toHaveText(`${IMG} (${points} points)`);
  await expect(page.locator('.note-subject')).toHaveText(`Subject: Congratulations to ${IMG} — most social executive, ${period.label}`);
  expect(await noteText(page).inputValue()).toContain(IMG);
  await expect(page.getByRole('link', { name: 'Open as e-mail draft' })).toHaveAttribute('href', new RegExp(escapeRegExp(rfc3986(IMG))));
  await expectHistory(page, period.label, { status: 'Closed', social: IMG });
  await expectNoMarkup(page);

  // On paper.
  await page.getByRole('button', { name: 'Print certificate' }).click();
  await page.emulateMedia({ media: 'print' });
  const cert = page.getByTestId('certificates').locator('article.certificate');
  await expect(cert).toHaveCount(1);
  await expect(cert.locator('.cert-name')).toHaveText(IMG);
  await expect(cert.locator('.cert-kicker')).toHaveText(`${IMG} league`);
  await expectNoMarkup(page);
  await page.emulateMedia({ media: 'screen' });

  // The dashboard's line (the period was closed early: its stored winner leads).
  await goToPage(page, 'Dashboard');
  await expect(page.getByTestId('running-period')).toContainText(`${IMG} league — ${period.label}`);
  await expect(page.getByTestId('running-period')).toContainText(`Leading: ${IMG} (${points} points).`);
  await expectNoMarkup(page);

  // After a reload too.
  await reloadApp(page);
  await goToPage(page, 'Competition');
  await expect(winnerLine(page, 'Most social executive')).toHaveText(`${IMG} (${points} points)`);
  await expect(gridRow(page, IMG).getByRole('rowheader')).toHaveText(IMG);
  await expectNoMarkup(page);

  await page.waitForTimeout(300);
  expect(guard.dialogs).toEqual([]);
  expect(guard.requests.filter((u) => /\/x($|\?)/.test(new URL(u).pathname))).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// Regressions: app bugs these journeys found (fixed; each test failed before its fix)

/** Where the keyboard focus is: a description, or null when it fell back to the page body. */
async function focusedElement(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const a = document.activeElement;
    return !a || a === document.body ? null : `<${a.tagName.toLowerCase()}> ${(a.textContent ?? '').trim().slice(0, 40)}`;
  });
}

// Was a bug: "Create competition", "Save set-up" and "Apply these changes" remove the control that had
// the focus and leave the focus on the page body, so a keyboard or screen-reader user starts again
// from the top of the page (WCAG 2.4.3 Focus Order; the closing and reopening buttons do move the
// focus to the next heading, these three do not).
test('keyboard focus is kept after creating a competition, saving the set-up and applying an import', async ({ page }) => {
  await openApp(page);
  await createFromWelcome(page, { name: 'Focus', company: 'Focus Co' });
  await addExecutive(page, { name: 'Ava Lind' });
  await goToPage(page, 'Competition');
  await setupForm(page).getByRole('button', { name: 'Create competition' }).focus();
  await page.keyboard.press('Enter');
  await expect(toast(page)).toContainText('Competition created.');
  await expect.poll(() => focusedElement(page), { message: 'focus after "Create competition"' }).not.toBeNull();

  await page.getByRole('button', { name: 'Edit set-up' }).click();
  await page.getByRole('button', { name: 'Save set-up' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Save set-up' })).toHaveCount(0);
  await expect.poll(() => focusedElement(page), { message: 'focus after "Save set-up"' }).not.toBeNull();

  await page.getByLabel('Activity file (.csv)').setInputFiles({ name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.from('name,Posts\r\nAva Lind,3\r\n') });
  const apply = page.getByTestId('activity-preview').getByRole('button', { name: 'Apply these changes' });
  await expect(page.getByTestId('activity-preview').getByRole('heading', { level: 3 })).toBeFocused();
  await apply.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('activity-preview')).toHaveCount(0);
  await expect.poll(() => focusedElement(page), { message: 'focus after "Apply these changes"' }).not.toBeNull();
});

// Was a bug: the grid records a typed value's valid prefix. Typing "2.5" key by key stores 2 (after "2")
// and then shows the error for "2.5"; the cell keeps showing "2.5" with its error while the row's
// points and the scoreboard count 2 — what is counted is not what the cell shows (scores must be
// transparent). Expected: a cell that shows a refused value does not count towards the score (the
// value from before the edit, here nothing, stays recorded).
test('a cell that shows a refused value does not count a valid prefix of it', async ({ page }) => {
  await programmeWithCompetition(page, 'Prefix', [{ name: 'Ava Lind' }]);
  await cell(page, 'Ava Lind', 'comments').click();
  await page.keyboard.type('2.5');
  await page.keyboard.press('Tab');
  await expect(cellError(page, 'Ava Lind', 'comments')).toContainText('2.5');
  await expect(gridRow(page, 'Ava Lind').locator('.row-points')).toHaveText('0');
  await expect(scoreRow(page, 'Ava Lind').locator('.points')).toHaveText('0');
  await waitSaved(page);
  expect(recorded(await storedCompetition(page, 'Prefix'))).toEqual([]);
});

// Was a bug: the set-up form does not re-render its KPI rows when a KPI is added or removed. "Add KPI"
// and "Remove" change the draft (the saved competition then counts the added KPI, or no longer the
// removed one: the grid's columns show it), but the form goes on showing the old rows — so the
// added KPI's points and cap cannot be set, and after a "Remove" the fields under "KPI 1: Posts"
// edit what is now the draft's first KPI (Comments). Seen with the release build of 07:20.
// (Also reported: the picker used to start on "Comments", already counted — fixed in that build.)
test('"Add KPI" and "Remove" show in the set-up form, and the competition counts what the form shows', async ({ page }) => {
  await openApp(page);
  await createFromWelcome(page, { name: 'Add KPI', company: 'KPI Co' });
  await addExecutive(page, { name: 'Ava Lind' });
  await goToPage(page, 'Competition');
  const form = setupForm(page);
  const counted = DEFAULT_KPIS.map((k) => k.label);
  const offered = (await form.getByLabel('Add a KPI').locator('option:checked').textContent())?.trim() ?? '';
  expect(counted, 'the picker offers a kind not counted yet').not.toContain(offered);
  await form.getByRole('button', { name: 'Add KPI' }).click();
  await expect(page.locator('#new-problems')).toHaveCount(0);
  const legends = form.locator('fieldset.kpi-row legend');
  await expect(legends).toHaveText([...counted, offered].map((label, i) => `KPI ${i + 1}: ${label}`));
  // Its points and cap can be set.
  const added = form.getByRole('group', { name: `KPI 5: ${offered}` });
  await added.getByLabel('Points per unit').fill('2');
  await added.getByLabel(/^Cap per period/).fill('10');
  // Remove the first (Posts): the rows follow.
  await form.getByRole('button', { name: 'Remove KPI 1' }).click();
  await expect(legends).toHaveText([...counted.slice(1), offered].map((label, i) => `KPI ${i + 1}: ${label}`));
  await form.getByRole('button', { name: 'Create competition' }).click();
  await expect(toast(page)).toContainText('Competition created.');
  await expect(page.locator('table#activity-grid thead th')).toHaveText(['Executive', ...counted.slice(1), offered, 'Points']);
  // 12 of the new KPI, capped at 10, at 2 points each.
  await gridRow(page, 'Ava Lind').locator('input').last().fill('12');
  await expect(scoreRow(page, 'Ava Lind').locator('.points')).toHaveText('20');
});

// Was a bug (layout): with a "Why" open, the scoreboard's rows no longer span the
// table — a blank strip is left right of "Why this score" (see screenshots/competition-demo.png).
// The breakdown row's cell has colspan="8" while the table has 7 columns in raw and normalised
// modes (8 only in most-improved mode); with `table-layout: fixed` the extra column takes the
// leftover width. And the column widths set for the scoreboard (`table.scoreboard th:nth-child(1)
// { width: 4.5rem }` …) also hit the nested "why" table's header cells, so KPI names such as
// "Shares / reposts" wrap onto two lines there.
test('with "Why" open, the scoreboard rows span the whole table and the breakdown does not wrap KPI names', async ({ page }) => {
  await openDemo(page);
  await goToPage(page, 'Competition');
  await scoreRows(page).first().getByRole('button', { name: /^Why/ }).click();
  await expect(page.locator('tr.why-row')).toBeVisible();
  const edges = await page.locator('table#scoreboard').evaluate((table) => {
    const right = table.getBoundingClientRect().right;
    const lastHeader = table.querySelector('thead tr > th:last-child')!.getBoundingClientRect().right;
    const lastCell = table.querySelector('tbody tr[data-executive] > td:last-child')!.getBoundingClientRect().right;
    return { right: Math.round(right), lastHeader: Math.round(lastHeader), lastCell: Math.round(lastCell) };
  });
  expect(Math.abs(edges.lastHeader - edges.right), `header ends at the table's edge (${JSON.stringify(edges)})`).toBeLessThanOrEqual(2);
  expect(Math.abs(edges.lastCell - edges.right), `rows end at the table's edge (${JSON.stringify(edges)})`).toBeLessThanOrEqual(2);
  const heights = await page.locator('tr.why-row .why-table tbody th').evaluateAll((ths) => ths.map((th) => (th as HTMLElement).offsetHeight));
  for (const h of heights) expect(h, 'one line per KPI name').toBeLessThanOrEqual(heights[0] + 1);
});

// ---------------------------------------------------------------------------------------------
// A league bigger than a page: 60 executives, 25 places a page on the scoreboard and 50 rows a page
// in the grid; re-ranking while typing keeps every row with its executive (the scoreboard moves
// only the rows whose place changed).

test('a league of 60: pages of places, and typing re-ranks the scoreboard row by row, also across pages and after a reload', async ({ page }) => {
  test.setTimeout(120_000);
  const members = Array.from({ length: 60 }, (_, i) => `Member ${String(i + 1).padStart(2, '0')}`);
  await openApp(page);
  await createFromWelcome(page, { name: 'Big league', company: 'Test Co' });
  await goToPage(page, 'Naturals');
  const roster = ['name,email', ...members.map((name) => `${name},${name.replace(' ', '.').toLowerCase()}@example.com`)].join('\n');
  await page.getByLabel('Roster file (.csv)').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(roster, 'utf8') });
  await page.getByTestId('roster-preview').getByRole('button', { name: 'Import 60 rows' }).click();
  await goToPage(page, 'Competition');
  await setupForm(page).locator('#new-name').fill('Big league');
  await setupForm(page).getByRole('button', { name: 'Create competition' }).click();
  await expect(toast(page)).toContainText('Competition created.');

  // Member n has n posts: Member 60 leads, Member 01 is last.
  const posts = new Map(members.map((name, i) => [name, i + 1]));
  const activity = ['name,email,Posts,Comments,Reactions,Shares / reposts', ...members.map((name) => `${name},,${posts.get(name)},,,`)].join('\n');
  await page.getByLabel('Activity file (.csv)').setInputFiles({ name: 'activity.csv', mimeType: 'text/csv', buffer: Buffer.from(activity, 'utf8') });
  await page.getByTestId('activity-preview').getByRole('button', { name: 'Apply these changes' }).click();
  await expect(toast(page)).toContainText('60 executives updated');

  const expected = () => rank(members.map((name) => ({ name, points: rawPoints({ posts: posts.get(name) ?? 0 }) })));
  const scoreboard = page.locator('section.scoreboard-panel');
  const PLACES = 25;
  const expectPage = async (first: number) => {
    const ranked = expected().slice(first, first + PLACES);
    await expect(scoreboard.locator('p.range')).toHaveText(`Places ${first + 1}–${first + ranked.length} of 60`);
    await expectScoreboard(page, ranked);
  };
  const next = scoreboard.getByRole('button', { name: `Next ${PLACES}` });
  const previous = scoreboard.getByRole('button', { name: `Previous ${PLACES}` });
  await expectPage(0);
  await expect(previous).toBeDisabled();
  await next.click();
  await expectPage(25);
  await next.click();
  await expectPage(50);
  await expect(next).toBeDisabled();
  await previous.click();
  await previous.click();
  await expectPage(0);
  // The grid has its own pages: 50 rows, by name.
  await expect(page.locator('section.grid-panel p.range')).toHaveText('Rows 1–50 of 60');

  // A breakdown open on one row stays under that row while others move around it.
  await scoreRow(page, 'Member 55').getByRole('button', { name: /^Why/ }).click();
  const whyFollows = async (name: string) => {
    const row = scoreRow(page, name);
    await expect(row.getByRole('button', { name: /^Hide/ })).toHaveAttribute('aria-expanded', 'true');
    const id = await row.getAttribute('data-executive');
    await expect(page.locator(`#scoreboard tr[data-executive="${id}"] + tr.why-row`)).toHaveAttribute('id', `why-${id}`);
    await expect(page.locator('tr.why-row')).toHaveCount(1);
  };
  await whyFollows('Member 55');

  // The grid lists the league by name, 50 a page: Member 01–50 here.
  const type = async (name: string, value: number) => {
    await cell(page, name, 'posts').fill(String(value));
    posts.set(name, value);
    await expect(gridRow(page, name).locator('.row-points')).toHaveText(pointsText(rawPoints({ posts: value })));
  };
  // From last place (page 3) to the top: everybody else moves down one; Member 36 to page 2.
  await type('Member 01', 100);
  await expectPage(0);
  await whyFollows('Member 55');
  // Tenth place to nothing: to the bottom, off this page.
  await type('Member 50', 0);
  await expectPage(0);
  // From page 2 up into page 1, and from page 1 down to page 3.
  await type('Member 30', 45);
  await expectPage(0);
  await type('Member 45', 12);
  await expectPage(0);
  // A move within the page.
  await type('Member 40', 55);
  await expectPage(0);
  await whyFollows('Member 55');
  await next.click();
  await expectPage(25);
  await next.click();
  await expectPage(50);

  // Reload: the same ranking, page 1 first.
  await waitSaved(page);
  await reloadApp(page);
  await expectPage(0);
  await next.click();
  await expectPage(25);
  await next.click();
  await expectPage(50);
});
