// Step 1 — Find the naturals: the roster, profiles and audits, the natural score and the outreach
// order, weights, the outreach pipeline, undo, roster CSV import/export, the demo, markup as text,
// accessibility and screenshots.
//
// Scores are checked against an independent re-implementation of the formula (PRODUCT.md, Step 1;
// src/model/naturals.rs module docs), not against numbers copied from the app.
import type { Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
  test,
  expect,
  ORIGIN,
  SUB,
  openApp,
  reloadApp,
  waitSaved,
  mainHeading,
  nav,
  goToPage,
  toast,
  createFromWelcome,
  fillProgrammeForm,
  loadDemo,
  storedProgrammes,
  storageSnapshot,
  downloadText,
  screenshot,
  expectNoViolations,
  tabTo,
  createProgrammeByKeyboard,
  parseCsv,
} from './fixtures';

const DEMO = 'Northwind — executive social programme';
const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(1)</script>';

// ---------------------------------------------------------------------------------------------
// The natural score, re-implemented from the specification

interface StoredProfile {
  network: string;
  address: string;
  followers: number | null;
  posts_30d: number | null;
  avg_engagement: number | null;
  audit: string[];
}

interface StoredExecutive {
  id: string;
  name: string;
  title: string;
  department: string;
  email: string;
  notes: string;
  consent: boolean;
  deleted?: boolean;
  willingness: number | null;
  profiles: StoredProfile[];
  outreach: { stage: string; on: string }[];
}

interface Weights {
  completeness: number;
  activity: number;
  reach: number;
  engagement: number;
  willingness: number;
}

const DEFAULT_WEIGHTS: Weights = { completeness: 5, activity: 5, reach: 3, engagement: 3, willingness: 4 };

/** The audit checklist keys per network (src/model/naturals.rs), in checklist order. */
const AUDIT: Record<string, string[]> = {
  linkedin: ['photo', 'banner', 'headline', 'about', 'current_role', 'featured', 'custom_url', 'contact_info', 'skills'],
  x: ['photo', 'header', 'display_name', 'bio', 'pinned_post', 'link', 'location'],
  intranet: ['photo', 'role', 'about', 'expertise', 'contact_details', 'communities', 'first_post'],
  instagram: ['photo', 'name_field', 'bio', 'link', 'professional_account', 'highlights', 'pinned_posts'],
  youtube: ['photo', 'banner', 'handle', 'description', 'links', 'trailer', 'playlists', 'contact_email'],
  bluesky: ['photo', 'banner', 'display_name', 'bio', 'domain_handle', 'pinned_post'],
  mastodon: ['photo', 'header', 'display_name', 'bio', 'profile_fields', 'verified_link', 'pinned_post'],
  threads: ['photo', 'bio', 'link', 'public_profile', 'pinned_post', 'fediverse_sharing'],
  other: ['photo', 'real_name', 'bio', 'link', 'pinned_post', 'contact_info'],
};

/** The labels of the first LinkedIn and X audit items, as the user sees them. */
const LINKEDIN_AUDIT_LABELS = ['Professional profile photo', 'Custom banner image', 'Headline that says more than the job title'];
const X_AUDIT_LABELS = ['Profile photo', 'Header image'];

const unit = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);

function auditDone(p: StoredProfile): number {
  return (AUDIT[p.network] ?? []).filter((k) => p.audit.includes(k)).length;
}

/** The natural score (0–100) of one executive: round(100 × Σ wᵢ·vᵢ ÷ Σ wᵢ), missing values count 0. */
function naturalScore(e: StoredExecutive, w: Weights): number {
  const inUse = e.profiles.filter((p) => p.address.trim() !== '' || auditDone(p) > 0);
  const completeness = inUse.length
    ? inUse.reduce((s, p) => s + auditDone(p) / AUDIT[p.network].length, 0) / inUse.length
    : null;
  const posts = e.profiles.filter((p) => p.posts_30d != null).map((p) => p.posts_30d!);
  const activity = posts.length ? unit(posts.reduce((a, b) => a + b, 0) / 12) : null;
  const followers = e.profiles.filter((p) => p.followers != null).map((p) => p.followers!);
  const reach = followers.length ? unit(Math.log10(1 + Math.max(...followers)) / Math.log10(1 + 10_000)) : null;
  const rates = e.profiles
    .filter((p) => p.followers != null && p.followers > 0 && p.avg_engagement != null && p.avg_engagement >= 0)
    .map((p) => p.avg_engagement! / p.followers!);
  const engagement = rates.length ? unit(Math.max(...rates) / 0.03) : null;
  const willingness = e.willingness != null && e.willingness >= 1 && e.willingness <= 5 ? (e.willingness - 1) / 4 : null;
  const parts: [number, number | null][] = [
    [w.completeness, completeness],
    [w.activity, activity],
    [w.reach, reach],
    [w.engagement, engagement],
    [w.willingness, willingness],
  ];
  const total = parts.reduce((s, [weight]) => s + weight, 0);
  if (total === 0) return 0;
  const sum = parts.reduce((s, [weight, value]) => s + (100 * weight * (value ?? 0)) / total, 0);
  return Math.min(100, Math.max(0, Math.round(sum)));
}

interface Placed {
  name: string;
  rank: number;
  score: number;
}

/** The outreach order: score, then willingness (not assessed last), then name, then id; shared ranks. */
function outreachOrder(executives: StoredExecutive[], w: Weights): Placed[] {
  const live = executives
    .filter((e) => !e.deleted)
    .map((e) => ({ e, score: naturalScore(e, w), will: e.willingness ?? 0, key: e.name.trim().toLowerCase() }));
  live.sort(
    (a, b) =>
      b.score - a.score ||
      b.will - a.will ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) ||
      (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0),
  );
  const placed: Placed[] = [];
  live.forEach(({ e, score }, i) => {
    const rank = i > 0 && live[i - 1].score === score ? placed[i - 1].rank : i + 1;
    placed.push({ name: e.name, rank, score });
  });
  return placed;
}

// ---------------------------------------------------------------------------------------------
// Page helpers

function cards(page: Page): Locator {
  return page.getByTestId('exec-card');
}

/** The card of one executive, by exact name. */
function card(page: Page, name: string): Locator {
  return cards(page).filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
}

/** The cards as shown: name, rank and score, top to bottom. */
async function shownOrder(page: Page): Promise<Placed[]> {
  return cards(page).evaluateAll((items) =>
    items.map((li) => ({
      name: li.querySelector('h3.exec-name')?.textContent ?? '',
      rank: Number((li.querySelector('.rank')?.textContent ?? '').replace('#', '')),
      score: Number(li.querySelector('.score-value')?.textContent ?? 'NaN'),
    })),
  );
}

async function expectOrder(page: Page, expected: Placed[]) {
  await expect(cards(page).locator('h3.exec-name')).toHaveText(expected.map((p) => p.name));
  await expect(cards(page).locator('.rank')).toHaveText(expected.map((p) => `#${p.rank}`));
  await expect(cards(page).locator('.score-value')).toHaveText(expected.map((p) => String(p.score)));
}

/** The open programme's stored document (the only live one, or the one named `name`). */
async function storedProgramme(page: Page, name?: string) {
  const docs = Object.values(await storedProgrammes(page)).map((t) => JSON.parse(t));
  const live = docs.filter((d) => !d.programme.settings.deleted && (!name || d.programme.settings.name === name));
  expect(live, 'one stored programme').toHaveLength(1);
  return live[0].programme as { settings: { natural_weights: Weights; name: string }; executives: StoredExecutive[] };
}

async function storedRoster(page: Page, name?: string): Promise<StoredExecutive[]> {
  // Empty lists are not written (docs/data-format.md): read them back as empty.
  return (await storedProgramme(page, name)).executives
    .filter((e) => !e.deleted)
    .map((e) => ({ ...e, profiles: e.profiles ?? [], outreach: e.outreach ?? [] }));
}

function detailsButton(page: Page, name: string): Locator {
  return card(page, name).getByRole('button', { name: new RegExp(`^(Details|Close) for ${escapeRegExp(name)}$`) });
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Opens an executive's details with the mouse (for the journeys that are not about the keyboard). */
async function openDetails(page: Page, name: string): Promise<Locator> {
  const button = detailsButton(page, name);
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  return card(page, name).locator('.exec-details');
}

/** Adds an executive with the "Add executive" form (mouse), and closes the form. */
async function addExecutive(page: Page, values: { name: string; title?: string; department?: string; email?: string; notes?: string }) {
  const addButton = page.locator('.page-head').getByRole('button', { name: 'Add executive' });
  if (await addButton.isEnabled()) await addButton.click();
  const form = page.locator('section.panel', { has: page.getByRole('heading', { name: 'Add executive' }) });
  await form.locator('#new-exec-name').fill(values.name);
  if (values.title) await form.getByLabel('Title', { exact: true }).fill(values.title);
  if (values.department) await form.getByLabel('Department').fill(values.department);
  if (values.email) await form.getByLabel('Email (optional)').fill(values.email);
  if (values.notes) await form.getByLabel('Notes').fill(values.notes);
  await form.getByRole('button', { name: 'Add to roster' }).click();
  await expect(toast(page)).toContainText(`${values.name} added to the roster.`);
  await form.getByRole('button', { name: 'Done' }).click();
  await expect(form).toHaveCount(0);
}

/** A fresh programme with LinkedIn and X, on the naturals page. */
async function freshProgramme(page: Page, name = 'Step one') {
  await openApp(page);
  await createFromWelcome(page, { name, company: `${name} Ltd`, networks: ['LinkedIn', 'X'] });
  await goToPage(page, 'Naturals');
  await expect(page).toHaveURL(`${ORIGIN}/naturals`);
}

async function openDemoNaturals(page: Page) {
  await openApp(page);
  await loadDemo(page);
  await waitSaved(page);
  await goToPage(page, 'Naturals');
}

// CSV ------------------------------------------------------------------------------------------

function csvCell(value: string, delimiter = ','): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
}

function rosterInput(page: Page): Locator {
  return page.getByLabel('Roster file (.csv)');
}

async function chooseRosterFile(page: Page, name: string, content: string) {
  await rosterInput(page).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
}

async function downloadFrom(page: Page, button: Locator) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const bytes = readFileSync(await download.path());
  return { name: download.suggestedFilename(), text: await downloadText(download), bytes };
}

const RANKED_HEADER = [
  'rank',
  'name',
  'title',
  'department',
  'email',
  'natural_score',
  'tier',
  'completeness',
  'activity',
  'reach',
  'engagement',
  'willingness',
  'stage',
  'stage_since',
];

async function exportRanked(page: Page) {
  const { name, text, bytes } = await downloadFrom(page, page.getByRole('button', { name: 'Export ranked list (CSV)' }));
  expect(name).toMatch(/^naturals-.+-\d{4}-\d{2}-\d{2}\.csv$/);
  expect([...bytes.subarray(0, 3)], 'the export starts with a UTF-8 byte order mark').toEqual([0xef, 0xbb, 0xbf]);
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows = parseCsv(text.slice(1));
  expect(rows[0]).toEqual(RANKED_HEADER);
  return { text, rows: rows.slice(1).filter((r) => r.some((c) => c !== '')) };
}

// ---------------------------------------------------------------------------------------------
// Keyboard only

interface ProfileInput {
  network: 'LinkedIn' | 'X';
  address: string;
  followers?: string;
  posts?: string;
  engagement?: string;
  /** How many of the network's audit items to tick (the first ones in the checklist). */
  audit: number;
}

interface ExecInput {
  name: string;
  title: string;
  department: string;
  email: string;
  willingness: string;
  profiles: ProfileInput[];
}

// Added in this order; the ranking is Zara (83), Mia (42), Anton (8) — neither the order they were
// added in nor alphabetical. Zara: completeness 3/9, activity 12/12, reach 10,000 → 1, engagement
// 300/10,000 = 3% → 1, willingness 5 → 1: 100 × (5·⅓ + 5 + 3 + 3 + 4) / 20 = 83.3. Mia: 2/7,
// 6/12, log(101)/log(10001) = 0.501, 1/100 = 1% → ⅓, willingness 3 → ½: 42.2. Anton: 1/9 and
// willingness 2 → ¼: 7.8.
const KEYBOARD_EXECS: ExecInput[] = [
  {
    name: 'Anton Berg',
    title: 'Chief Financial Officer',
    department: 'Finance',
    email: 'anton.berg@example.com',
    willingness: '2',
    profiles: [{ network: 'LinkedIn', address: 'https://linkedin.com/in/anton-berg', audit: 1 }],
  },
  {
    name: 'Zara Quinn',
    title: 'Chief Executive Officer',
    department: 'Board',
    email: 'zara.quinn@example.com',
    willingness: '5',
    profiles: [
      {
        network: 'LinkedIn',
        address: 'https://www.linkedin.com/in/zara-quinn',
        followers: '10000',
        posts: '12',
        engagement: '300',
        audit: 3,
      },
    ],
  },
  {
    name: 'Mia Roberts',
    title: 'VP Sales',
    department: 'Sales',
    email: 'mia.roberts@example.com',
    willingness: '3',
    profiles: [{ network: 'X', address: '@miaroberts', followers: '100', posts: '6', engagement: '1', audit: 2 }],
  },
];

const KEYBOARD_RANKING: (Placed & { tier: string })[] = [
  { name: 'Zara Quinn', rank: 1, score: 83, tier: 'Natural' },
  { name: 'Mia Roberts', rank: 2, score: 42, tier: 'Warm' },
  { name: 'Anton Berg', rank: 3, score: 8, tier: 'Needs convincing' },
];

/** The focused element is `target` (with a readable failure when focus was lost). */
async function expectFocus(page: Page, target: Locator, what: string) {
  const focused = await target.evaluate((el) => el === document.activeElement).catch(() => false);
  if (!focused) {
    const active = await page.evaluate(() => {
      const a = document.activeElement;
      return a ? `<${a.tagName.toLowerCase()} id="${a.id}">` : 'nothing';
    });
    expect(focused, `focus should be on ${what}, but it is on ${active}`).toBe(true);
  }
}

test('keyboard only: add three executives, review their profiles, and the outreach order follows the score', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);

  // A fresh programme with LinkedIn and X, by keyboard.
  await createProgrammeByKeyboard(page, { name: 'Keyboard naturals', networks: ['LinkedIn', 'X'] });

  // To Step 1 through the navigation.
  await tabTo(page, nav(page).getByRole('link', { name: '1 · Naturals', exact: true }));
  await page.keyboard.press('Enter');
  await expect(mainHeading(page)).toHaveText('Find the naturals');
  await expect(page).toHaveURL(`${ORIGIN}/naturals`);
  await expect(page.getByText('No executives yet.')).toBeVisible();

  // The "Add executive" form: it takes focus, and gives it back to the name after each addition.
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
    await page.keyboard.press('Tab');
    await expect(addForm.getByLabel('Department')).toBeFocused();
    await page.keyboard.type(exec.department);
    await page.keyboard.press('Tab');
    await expect(addForm.getByLabel('Email (optional)')).toBeFocused();
    await page.keyboard.type(exec.email);
    await page.keyboard.press('Tab');
    await expect(addForm.getByLabel('Notes')).toBeFocused();
    await page.keyboard.type(`Met ${exec.name.split(' ')[0]} at the offsite.`);
    await page.keyboard.press('Tab');
    await expect(addForm.getByLabel('Has consented to take part')).toBeFocused();
    await page.keyboard.press('Space');
    await expect(addForm.getByLabel('Has consented to take part')).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(addForm.getByRole('button', { name: 'Add to roster' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(toast(page)).toContainText(`${exec.name} added to the roster.`);
    await expect(card(page, exec.name)).toBeVisible();
    await expect(newName).toBeFocused();
    await expect(newName).toHaveValue('');
  }
  await expect(cards(page)).toHaveCount(3);
  // Nothing scored yet: all 0, equal ranks, alphabetical.
  await expect(cards(page).locator('.score-value')).toHaveText(['0', '0', '0']);
  await tabTo(page, addForm.getByRole('button', { name: 'Done' }));
  await page.keyboard.press('Enter');
  await expect(addForm).toHaveCount(0);

  // Each one's details: willingness, then the profiles — addresses, numbers and audit items.
  for (const exec of KEYBOARD_EXECS) {
    const button = detailsButton(page, exec.name);
    if ((await button.getAttribute('aria-expanded')) !== 'true') {
      await tabTo(page, button, 200);
      await page.keyboard.press('Enter');
    }
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    const details = card(page, exec.name).locator('.exec-details');

    const willingness = details.getByLabel('Willingness to experiment');
    await tabTo(page, willingness);
    await page.keyboard.type(exec.willingness); // type-ahead: "5 — eager to experiment"
    await expect(willingness).toHaveValue(exec.willingness);

    for (const profile of exec.profiles) {
      const fieldset = details.locator('fieldset.profile', { has: page.locator('legend', { hasText: new RegExp(`^${profile.network}$`) }) });
      const address = fieldset.getByLabel(`${profile.network} profile URL or handle`);
      await tabTo(page, address);
      await page.keyboard.type(profile.address);
      await expect(address).toHaveValue(profile.address);
      await expect(address).toHaveAttribute('aria-invalid', 'false');
      const numbers: [string, string | undefined][] = [
        ['Followers / connections', profile.followers],
        ['Posts in the last 30 days', profile.posts],
        ['Average engagement per post', profile.engagement],
      ];
      for (const [label, value] of numbers) {
        await page.keyboard.press('Tab');
        const field = fieldset.getByLabel(label);
        await expectFocus(page, field, `${exec.name}'s ${profile.network} “${label}”`);
        if (value) {
          await page.keyboard.type(value);
          // Re-ranking while typing must not take the focus away.
          await expectFocus(page, field, `${exec.name}'s ${profile.network} “${label}” after typing`);
        }
      }
      const labels = profile.network === 'LinkedIn' ? LINKEDIN_AUDIT_LABELS : X_AUDIT_LABELS;
      for (const label of labels.slice(0, profile.audit)) {
        await page.keyboard.press('Tab');
        const box = fieldset.getByLabel(label, { exact: true });
        await expectFocus(page, box, `${exec.name}'s audit item “${label}”`);
        await page.keyboard.press('Space');
        await expect(box).toBeChecked();
      }
    }
    // Shift+Tab back up to this card's button, and close it.
    await tabTo(page, button, 200);
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
  }

  const checkRanking = async () => {
    await expectOrder(page, KEYBOARD_RANKING);
    await expect(cards(page).locator('.tier')).toHaveText(KEYBOARD_RANKING.map((r) => r.tier));
    // And the formula, re-computed here from what was stored, agrees.
    expect(outreachOrder(await storedRoster(page), DEFAULT_WEIGHTS)).toEqual(
      KEYBOARD_RANKING.map(({ name, rank, score }) => ({ name, rank, score })),
    );
  };
  await checkRanking();
  await expect(page.locator('.summary-block', { hasText: 'Tiers' })).toContainText('1 Natural');

  // "Why this score" adds up, for the natural.
  await tabTo(page, detailsButton(page, 'Zara Quinn'), 200);
  await page.keyboard.press('Enter');
  const breakdown = card(page, 'Zara Quinn').getByTestId('score-breakdown');
  await expect(breakdown.locator('tbody th')).toHaveText(['Profile completeness', 'Activity', 'Reach', 'Engagement', 'Willingness']);
  await expect(breakdown.locator('tbody td:nth-of-type(3)')).toHaveText(['8.3', '25', '15', '15', '20']);
  await expect(breakdown.locator('tfoot')).toContainText('83 / 100 — Natural');

  // Reload: the same order and the same data.
  await waitSaved(page);
  await reloadApp(page);
  await expect(mainHeading(page)).toHaveText('Find the naturals');
  await checkRanking();
  for (const exec of KEYBOARD_EXECS) {
    const button = detailsButton(page, exec.name);
    await tabTo(page, button, 200);
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    const details = card(page, exec.name).locator('.exec-details');
    await expect(details.getByLabel('Title', { exact: true })).toHaveValue(exec.title);
    await expect(details.getByLabel('Email (optional)')).toHaveValue(exec.email);
    await expect(details.getByLabel('Has consented to take part')).toBeChecked();
    await expect(details.getByLabel('Willingness to experiment')).toHaveValue(exec.willingness);
    for (const profile of exec.profiles) {
      const fieldset = details.locator('fieldset.profile', { has: page.locator('legend', { hasText: new RegExp(`^${profile.network}$`) }) });
      await expect(fieldset.getByLabel(`${profile.network} profile URL or handle`)).toHaveValue(profile.address);
      const followers = profile.followers ? Number(profile.followers).toLocaleString('en-GB') : '';
      await expect(fieldset.getByLabel('Followers / connections')).toHaveValue(followers);
      await expect(fieldset.getByLabel('Posts in the last 30 days')).toHaveValue(profile.posts ?? '');
      await expect(fieldset.getByLabel('Average engagement per post')).toHaveValue(profile.engagement ?? '');
      const labels = profile.network === 'LinkedIn' ? LINKEDIN_AUDIT_LABELS : X_AUDIT_LABELS;
      for (const [i, label] of labels.entries()) {
        const box = fieldset.getByLabel(label, { exact: true });
        if (i < profile.audit) await expect(box).toBeChecked();
        else await expect(box).not.toBeChecked();
      }
    }
  }
  const stored = await storedRoster(page);
  const zara = stored.find((e) => e.name === 'Zara Quinn')!;
  expect(zara.profiles).toEqual([
    {
      network: 'linkedin',
      address: 'https://www.linkedin.com/in/zara-quinn',
      followers: 10000,
      posts_30d: 12,
      avg_engagement: 300,
      audit: ['photo', 'banner', 'headline'],
    },
  ]);
  expect(stored.map((e) => e.notes)).toEqual(['Met Anton at the offsite.', 'Met Zara at the offsite.', 'Met Mia at the offsite.']);
});

// ---------------------------------------------------------------------------------------------
// Addresses

test('a profile address from another network gets a clear, per-network message', async ({ page }) => {
  await freshProgramme(page);
  await addExecutive(page, { name: 'Sam Someone' });
  const details = await openDetails(page, 'Sam Someone');
  const linkedin = details.getByLabel('LinkedIn profile URL or handle');
  const linkedinError = linkedin.locator('xpath=following-sibling::p[contains(@class,"form-error")]');
  const x = details.getByLabel('X profile URL or handle');
  const xError = x.locator('xpath=following-sibling::p[contains(@class,"form-error")]');

  await linkedin.pressSequentially('https://x.com/someone');
  await expect(linkedinError).toHaveText(
    'This looks like an X address. LinkedIn profiles look like linkedin.com/in/your-name.',
  );
  await expect(linkedin).toHaveAttribute('aria-invalid', 'true');
  // The message is tied to the field for screen readers.
  expect(await linkedin.getAttribute('aria-describedby')).toBe(await linkedinError.getAttribute('id'));

  // A valid LinkedIn address clears it.
  await linkedin.fill('');
  await linkedin.pressSequentially('linkedin.com/in/sam-someone');
  await expect(linkedinError).toHaveText('');
  await expect(linkedin).toHaveAttribute('aria-invalid', 'false');

  // And the other way round, plus a post link and a company page.
  await x.pressSequentially('https://www.linkedin.com/in/sam-someone');
  await expect(xError).toHaveText(/^This looks like a LinkedIn address\. X profiles look like @yourname or x\.com\/yourname/);
  await x.fill('https://x.com/samsomeone/status/123');
  await expect(xError).toHaveText(/^This is a link to a post, not to a profile\./);
  await x.fill('@samsomeone');
  await expect(xError).toHaveText('');
  await linkedin.fill('https://www.linkedin.com/company/someone-inc');
  await expect(linkedinError).toHaveText(/^This is a company page, not a person's profile\./);
  await linkedin.fill('https://www.linkedin.com/in/sam-someone/');
  await expect(linkedinError).toHaveText('');

  await waitSaved(page);
  await reloadApp(page);
  const again = await openDetails(page, 'Sam Someone');
  await expect(again.getByLabel('LinkedIn profile URL or handle')).toHaveValue('https://www.linkedin.com/in/sam-someone/');
  await expect(again.getByLabel('X profile URL or handle')).toHaveValue('@samsomeone');
});

// ---------------------------------------------------------------------------------------------
// Weights

test('changing a weight re-ranks live; "Reset weights to defaults" restores the order', async ({ page }) => {
  await openDemoNaturals(page);
  const roster = await storedRoster(page, DEMO);
  const defaults = outreachOrder(roster, DEFAULT_WEIGHTS);
  expect(defaults[0].name).toBe('Lukas Brandt');
  await expectOrder(page, defaults);

  const panel = page.locator('details.weights');
  await panel.locator('summary').click();
  await expect(panel.locator('.hint')).toHaveText(
    'Tiers: Natural from 65 points, Warm from 40, below that Needs convincing.',
  );
  const reset = panel.getByRole('button', { name: 'Reset weights to defaults' });
  await expect(reset).toBeDisabled();
  await expect(panel.getByLabel('Profile completeness')).toHaveValue('5');
  await expect(panel.getByLabel('Willingness', { exact: true })).toHaveValue('4');

  // Reach only: the largest audiences come first.
  const reachOnly: Weights = { completeness: 0, activity: 0, reach: 10, engagement: 0, willingness: 0 };
  await panel.getByLabel('Reach').fill('10');
  const afterReach = outreachOrder(roster, { ...DEFAULT_WEIGHTS, reach: 10 });
  await expectOrder(page, afterReach);
  for (const label of ['Profile completeness', 'Activity', 'Engagement', 'Willingness']) {
    await panel.getByLabel(label).fill('0');
  }
  const reachRanking = outreachOrder(roster, reachOnly);
  expect(reachRanking.map((p) => p.name), 'reach-only order differs from the default').not.toEqual(defaults.map((p) => p.name));
  await expectOrder(page, reachRanking);
  await expect(reset).toBeEnabled();
  await waitSaved(page);
  expect((await storedProgramme(page, DEMO)).settings.natural_weights).toEqual(reachOnly);

  // Kept across a reload.
  await reloadApp(page);
  await expectOrder(page, reachRanking);

  await page.locator('details.weights summary').click();
  await page.locator('details.weights').getByRole('button', { name: 'Reset weights to defaults' }).click();
  await expectOrder(page, defaults);
  await expect(page.locator('details.weights').getByLabel('Reach')).toHaveValue('3');
  await expect(page.locator('details.weights').getByRole('button', { name: 'Reset weights to defaults' })).toBeDisabled();
  await waitSaved(page);
  expect((await storedProgramme(page, DEMO)).settings.natural_weights).toEqual(DEFAULT_WEIGHTS);
});

// ---------------------------------------------------------------------------------------------
// Outreach pipeline

async function recordStage(details: Locator, stage: string, date: string) {
  await details.getByLabel('Move to stage').selectOption({ label: stage });
  await details.getByLabel('On', { exact: true }).fill(date);
  await details.getByRole('button', { name: 'Record stage' }).click();
  await expect(details.locator('p', { hasText: /^Now:/ })).toHaveText(`Now: ${stage}`);
}

async function pipelineCounts(page: Page): Promise<Record<string, number>> {
  const items = await page.getByTestId('pipeline').locator('li').allInnerTexts();
  return Object.fromEntries(
    items.map((t) => {
      const m = /^(\d+)\s+(.+)$/.exec(t.trim());
      return [m?.[2] ?? t, Number(m?.[1])];
    }),
  );
}

test('outreach pipeline: dated stage changes, summary counts, history, kept after reload', async ({ page }) => {
  await freshProgramme(page, 'Pipeline');
  await addExecutive(page, { name: 'Pia Pipeline' });
  await addExecutive(page, { name: 'Otto Outreach' });
  const zero = { 'Not contacted': 0, Contacted: 0, Interested: 0, Committed: 0, Declined: 0, 'Not now': 0 };
  expect(await pipelineCounts(page)).toEqual({ ...zero, 'Not contacted': 2 });

  const pia = await openDetails(page, 'Pia Pipeline');
  await expect(pia.locator('.stage-history')).toHaveCount(0);
  await recordStage(pia, 'Contacted', '2027-01-05');
  await expect.poll(() => pipelineCounts(page)).toEqual({ ...zero, 'Not contacted': 1, Contacted: 1 });
  await recordStage(pia, 'Interested', '2027-01-12');
  await recordStage(pia, 'Committed', '2027-01-20');
  await expect.poll(() => pipelineCounts(page)).toEqual({ ...zero, 'Not contacted': 1, Committed: 1 });
  await expect(pia.locator('.stage-history li')).toHaveText([
    'Committed — 20 Jan 2027',
    'Interested — 12 Jan 2027',
    'Contacted — 5 Jan 2027',
  ]);
  await expect(card(page, 'Pia Pipeline').locator('.exec-summary .stage')).toHaveText('Committed since 20 Jan 2027');

  const otto = await openDetails(page, 'Otto Outreach');
  await recordStage(otto, 'Contacted', '2027-01-06');
  await recordStage(otto, 'Not now', '2027-01-09');
  await expect.poll(() => pipelineCounts(page)).toEqual({ ...zero, Committed: 1, 'Not now': 1 });
  await expect(card(page, 'Otto Outreach').locator('.exec-summary .stage')).toHaveText('Not now since 9 Jan 2027');

  // Sort by outreach stage.
  await page.getByLabel('Sort by').selectOption({ label: 'Outreach stage' });
  await expect(cards(page).locator('h3.exec-name')).toHaveText(['Pia Pipeline', 'Otto Outreach']);

  // Stored with the dates, and kept after a reload.
  await waitSaved(page);
  const stored = await storedRoster(page);
  expect(stored.find((e) => e.name === 'Pia Pipeline')!.outreach).toEqual([
    { stage: 'contacted', on: '2027-01-05' },
    { stage: 'interested', on: '2027-01-12' },
    { stage: 'committed', on: '2027-01-20' },
  ]);
  await reloadApp(page);
  expect(await pipelineCounts(page)).toEqual({ ...zero, Committed: 1, 'Not now': 1 });
  const piaAgain = await openDetails(page, 'Pia Pipeline');
  await expect(piaAgain.locator('.stage-history li')).toHaveText([
    'Committed — 20 Jan 2027',
    'Interested — 12 Jan 2027',
    'Contacted — 5 Jan 2027',
  ]);
  const ottoAgain = await openDetails(page, 'Otto Outreach');
  await expect(ottoAgain.locator('.stage-history li')).toHaveText(['Not now — 9 Jan 2027', 'Contacted — 6 Jan 2027']);

  // The dashboard's Step 1 column follows the pipeline.
  await goToPage(page, 'Dashboard');
  const progress = page.getByRole('region', { name: 'Progress by executive' });
  await expect(progress.locator('tbody tr', { hasText: 'Pia Pipeline' }).locator('td').first()).toHaveText('Done');
  await expect(progress.locator('tbody tr', { hasText: 'Otto Outreach' }).locator('td').first()).toHaveText('Not now');
});

// ---------------------------------------------------------------------------------------------
// Remove and undo

test('removing an executive offers Undo, which restores them with their data', async ({ page }) => {
  await freshProgramme(page, 'Undo');
  await addExecutive(page, { name: 'Rita Remove', title: 'CIO', email: 'rita@example.com' });
  await addExecutive(page, { name: 'Kurt Keep' });
  const rita = await openDetails(page, 'Rita Remove');
  await rita.getByLabel('Willingness to experiment').selectOption('4');
  await rita.getByLabel('LinkedIn profile URL or handle').fill('https://www.linkedin.com/in/rita-remove');
  await expect(card(page, 'Rita Remove').locator('.score-value')).not.toHaveText('0');
  const scoreBefore = await card(page, 'Rita Remove').locator('.score-value').textContent();
  await waitSaved(page);
  const before = (await storedRoster(page)).find((e) => e.name === 'Rita Remove')!;

  await rita.getByRole('button', { name: /^Remove from roster\s*\(Rita Remove\)$/ }).click();
  await expect(card(page, 'Rita Remove')).toHaveCount(0);
  await expect(cards(page)).toHaveCount(1);
  await expect(toast(page)).toContainText('Rita Remove removed from the roster.');
  await waitSaved(page);
  expect((await storedRoster(page)).map((e) => e.name)).toEqual(['Kurt Keep']);

  await toast(page).getByRole('button', { name: 'Undo' }).click();
  await expect(card(page, 'Rita Remove')).toBeVisible();
  await expect(cards(page)).toHaveCount(2);
  await expect(card(page, 'Rita Remove').locator('.score-value')).toHaveText(scoreBefore!);
  await waitSaved(page);
  await reloadApp(page);
  await expect(card(page, 'Rita Remove')).toBeVisible();
  const after = (await storedRoster(page)).find((e) => e.name === 'Rita Remove')!;
  expect({ ...after, updated_at: undefined }).toEqual({ ...before, updated_at: undefined });
});

// ---------------------------------------------------------------------------------------------
// Roster CSV

test('CSV: the template, 20 rows imported after a preview, and the same file again updates them', async ({ page }) => {
  await freshProgramme(page, 'CSV import');
  await addExecutive(page, { name: 'Already There', email: 'already@example.com' });

  const template = await downloadFrom(page, page.getByRole('button', { name: 'Download CSV template' }));
  expect(template.name).toBe('roster-template.csv');
  expect([...template.bytes.subarray(0, 3)], 'the template starts with a UTF-8 byte order mark').toEqual([0xef, 0xbb, 0xbf]);
  const templateRows = parseCsv(template.text.slice(1));
  const header = templateRows[0];
  expect(header).toEqual(['name', 'title', 'department', 'email', 'linkedin', 'x', 'intranet', 'instagram', 'youtube', 'bluesky', 'mastodon', 'threads', 'other']);
  expect(templateRows.length).toBeGreaterThan(1); // example rows

  // 20 rows, built from the template's header.
  const people = Array.from({ length: 20 }, (_, i) => {
    const n = i + 1;
    const values: Record<string, string> = {
      name: `Imported Person ${n}`,
      title: n % 2 ? 'Vice President, Operations' : 'Director',
      department: n % 3 ? 'Operations' : 'Sales',
      email: `imported.person${n}@example.com`,
      linkedin: `https://www.linkedin.com/in/imported-person-${n}`,
      x: n % 4 ? `@imported${n}` : '',
    };
    return header.map((column) => values[column] ?? '');
  });
  const csv = '\uFEFF' + [header, ...people].map((r) => r.map((c) => csvCell(c)).join(',')).join('\r\n') + '\r\n';

  const before = await storedProgrammes(page);
  await chooseRosterFile(page, 'roster.csv', csv);
  const preview = page.getByTestId('roster-preview');
  await expect(preview).toContainText('“roster.csv”');
  await expect(preview).toContainText('20 new, 0 matching executives updated, 0 row(s) with problems (skipped).');
  await expect(page.getByTestId('roster-row-errors')).toHaveCount(0);
  await expect(preview.locator('tbody tr')).toHaveCount(20);
  await expect(preview.locator('tbody tr').first()).toHaveText(/^2\s*Imported Person 1\s*Added$/);
  await expect(preview.locator('tbody tr').last()).toHaveText(/^21\s*Imported Person 20\s*Added$/);
  // Nothing applied yet.
  await expect(cards(page)).toHaveCount(1);
  expect(await storedProgrammes(page)).toEqual(before);

  await preview.getByRole('button', { name: 'Import 20 rows' }).click();
  await expect(preview).toHaveCount(0);
  await expect(toast(page)).toContainText('Roster imported: 20 added, 0 updated.');
  await expect(cards(page)).toHaveCount(21);
  await waitSaved(page);
  let stored = await storedRoster(page);
  expect(stored).toHaveLength(21);
  const p7 = stored.find((e) => e.name === 'Imported Person 7')!;
  expect(p7.email).toBe('imported.person7@example.com');
  expect(p7.title).toBe('Vice President, Operations');
  expect(p7.profiles.map((p) => [p.network, p.address])).toEqual([
    ['linkedin', 'https://www.linkedin.com/in/imported-person-7'],
    ['x', '@imported7'],
  ]);

  // The same file again: every row matches an executive already there.
  await chooseRosterFile(page, 'roster.csv', csv);
  await expect(preview).toContainText('0 new, 20 matching executives updated');
  await expect(preview.locator('tbody tr').first()).toHaveText(/^2\s*Imported Person 1\s*Updates Imported Person 1$/);
  await expect(preview.locator('tbody td', { hasText: 'Added' })).toHaveCount(0);
  await preview.getByRole('button', { name: 'Import 20 rows' }).click();
  await expect(cards(page)).toHaveCount(21);
  await waitSaved(page);
  stored = await storedRoster(page);
  expect(stored).toHaveLength(21);
  expect(new Set(stored.map((e) => e.name)).size).toBe(21);

  await reloadApp(page);
  await expect(cards(page)).toHaveCount(21);
});

test('CSV: a bad file shows per-row errors with line numbers, and nothing changes until confirmed', async ({ page }) => {
  await freshProgramme(page, 'CSV errors');
  await addExecutive(page, { name: 'Existing Person', email: 'existing@example.com' });
  await waitSaved(page);

  // Semicolons, a byte order mark, CRLF, a quoted line break, `1,5`, a short row.
  const lines = [
    'Name;Job title;Department;E-mail;LinkedIn URL;X;Willingness;Notes',
    'Valid One;CEO;Board;valid.one@example.com;https://www.linkedin.com/in/valid-one;@validone;4;fine', // 2
    ';Nameless;Ops;nameless@example.com;;;;', // 3
    'Bad Email;CFO;Finance;not-an-email;;;;', // 4
    'Wrong Network;CTO;Tech;;https://x.com/wrongnetwork;;;', // 5
    'Multi Line;COO;Ops;;;;3;"first line\r\nsecond line; with a semicolon"', // 6–7
    'Comma Willing;CMO;Marketing;;;;1,5;', // 8
    'Short Row;CIO', // 9
    `${IMG};VP;Sales;after@example.com;;@afternewline;;"ok"`, // 10
  ];
  const csv = '\uFEFF' + lines.join('\r\n') + '\r\n';

  const before = await storageSnapshot(page);
  const programmesBefore = await storedProgrammes(page);
  await chooseRosterFile(page, 'broken.csv', csv);
  const preview = page.getByTestId('roster-preview');
  await expect(preview).toContainText('3 new, 0 matching executives updated, 5 row(s) with problems (skipped).');
  const errors = page.getByTestId('roster-row-errors');
  await expect(errors).toBeVisible();
  await expect(errors.locator('li')).toHaveText([
    'Line 3: The name is missing: every executive needs one.',
    /^Line 4: Column “E-mail”: An e-mail address needs an @\./,
    'Line 5: Column “LinkedIn URL”: This looks like an X address. LinkedIn profiles look like linkedin.com/in/your-name.',
    'Line 8: Column “Willingness”: “1,5” is not a whole number from 1 to 5.',
    /^Line 9: This row has 2 values but the first line names 8 columns\./,
  ]);
  // The importable rows, with the right line numbers after the quoted line break; names as text.
  await expect(preview.locator('tbody tr')).toHaveText([/^2\s*Valid One\s*Added$/, /^6\s*Multi Line\s*Added$/, new RegExp(`^10\\s*${escapeRegExp(IMG)}\\s*Added$`)]);
  await expect(preview).toContainText('The column “Notes” is not one the import knows; it is ignored.');
  await expect(preview.getByRole('button', { name: 'Import 3 rows' })).toBeEnabled();
  // For the screenshot: the preview without the added executive's open details or the toast.
  await detailsButton(page, 'Existing Person').click();
  await expect(detailsButton(page, 'Existing Person')).toHaveAttribute('aria-expanded', 'false');
  if (await toast(page).count()) await toast(page).getByRole('button', { name: 'Dismiss' }).click();
  await screenshot(page, 'naturals-csv-preview');

  // Nothing changed by the preview…
  await page.waitForTimeout(600);
  expect(await storageSnapshot(page)).toEqual(before);
  await expect(cards(page)).toHaveCount(1);
  // …nor by Cancel.
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await expect(preview).toHaveCount(0);
  await page.waitForTimeout(600);
  expect(await storedProgrammes(page)).toEqual(programmesBefore);
  expect(await storageSnapshot(page)).toEqual(before);
  await expect(cards(page)).toHaveCount(1);
  await expect(page.locator('body img')).toHaveCount(0);

  // Confirming imports only the good rows.
  await chooseRosterFile(page, 'broken.csv', csv);
  await preview.getByRole('button', { name: 'Import 3 rows' }).click();
  await expect(cards(page)).toHaveCount(4);
  await waitSaved(page);
  const stored = await storedRoster(page);
  expect(stored.map((e) => e.name).sort()).toEqual(['Existing Person', 'Multi Line', 'Valid One', IMG].sort());
  const valid = stored.find((e) => e.name === 'Valid One')!;
  expect(valid.willingness).toBe(4);
  expect(valid.profiles.map((p) => p.address)).toEqual(['https://www.linkedin.com/in/valid-one', '@validone']);
  await expect(card(page, IMG)).toBeVisible();
  await expect(page.locator('body img')).toHaveCount(0);

  // Undo takes the whole import back.
  await toast(page).getByRole('button', { name: 'Undo' }).click();
  await expect(cards(page)).toHaveCount(1);
  await waitSaved(page);
  expect((await storedRoster(page)).map((e) => e.name)).toEqual(['Existing Person']);
});

test('CSV export: the ranked list with a BOM, in ranking order, formulas neutralised, numbers plain', async ({ page }) => {
  await openDemoNaturals(page);
  const lukas = await openDetails(page, 'Lukas Brandt');
  await lukas.getByLabel('Title', { exact: true }).fill('=SUM(A1:A9)');
  await lukas.getByLabel('Department', { exact: true }).fill('@Engineering');
  await expect(card(page, 'Lukas Brandt').locator('.exec-title')).toHaveText('=SUM(A1:A9) · @Engineering');
  await waitSaved(page);

  const { text, rows } = await exportRanked(page);
  expect(text.slice(1)).toContain('\r\n');
  const shown = await shownOrder(page);
  expect(rows.map((r) => r[1])).toEqual(shown.map((p) => p.name));
  expect(rows.map((r) => Number(r[0]))).toEqual(shown.map((p) => p.rank));
  expect(rows.map((r) => r[5])).toEqual(shown.map((p) => String(p.score)));
  expect(rows.map((r) => r[5])).toEqual(outreachOrder(await storedRoster(page, DEMO), DEFAULT_WEIGHTS).map((p) => String(p.score)));

  const row = rows.find((r) => r[1] === 'Lukas Brandt')!;
  expect(row[2]).toBe("'=SUM(A1:A9)");
  expect(row[3]).toBe("'@Engineering");
  expect(row[4]).toBe('lukas.brandt@northwind.example');
  expect(row[6]).toBe('Natural');
  expect(row[12]).toBe('Committed');
  for (const r of rows) {
    expect(r, 'every row has every column').toHaveLength(RANKED_HEADER.length);
    expect(r[0]).toMatch(/^\d+$/);
    expect(r[5], 'natural_score is a plain number').toMatch(/^\d+$/);
    for (const i of [7, 8, 9, 10, 11]) expect(r[i], `${RANKED_HEADER[i]} is a plain number or empty`).toMatch(/^(\d+(\.\d+)?)?$/);
    expect(r[13]).toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
    expect(['Natural', 'Warm', 'Needs convincing']).toContain(r[6]);
  }
});

// ---------------------------------------------------------------------------------------------
// The demo programme

test('demo: Lukas Brandt leads the outreach order; the dashboard shows Step 1 statuses and what to do next', async ({ page }) => {
  await openDemoNaturals(page);
  await expect(cards(page)).toHaveCount(10);
  await expect(cards(page).first().locator('h3')).toHaveText('Lukas Brandt');
  await expect(cards(page).first().locator('.rank')).toHaveText('#1');
  await expect(cards(page).first().locator('.tier')).toHaveText('Natural');
  expect(await shownOrder(page)).toEqual(outreachOrder(await storedRoster(page, DEMO), DEFAULT_WEIGHTS));
  // Every tier is represented, and the pipeline is not empty.
  for (const tier of ['Natural', 'Warm', 'Needs convincing']) {
    await expect(cards(page).locator('.tier', { hasText: new RegExp(`^${tier}$`) }).first()).toBeVisible();
  }

  await goToPage(page, 'Dashboard');
  await expect(mainHeading(page)).toHaveText(DEMO);
  const progress = page.getByRole('region', { name: 'Progress by executive' });
  await expect(progress.locator('thead th').nth(1)).toContainText('Find the naturals');
  const roster = await storedRoster(page, DEMO);
  const expectedStatus = (e: StoredExecutive) => {
    const stage = e.outreach.at(-1)?.stage ?? 'not_contacted';
    return (
      { committed: 'Done', declined: 'Declined', not_now: 'Not now', contacted: 'In progress', interested: 'In progress' }[stage] ??
      (e.profiles.length || e.willingness != null ? 'In progress' : 'Not started')
    );
  };
  for (const e of roster) {
    await expect(progress.locator('tbody tr', { has: page.locator('.exec-name', { hasText: e.name }) }).locator('td').first(), e.name).toHaveText(expectedStatus(e));
  }
  const step1 = progress.locator('tbody tr td:first-of-type');
  await expect(step1.filter({ hasText: /^Done$/ })).toHaveCount(roster.filter((e) => e.outreach.at(-1)?.stage === 'committed').length);
  await expect(progress.locator('tbody tr', { hasText: 'Lukas Brandt' }).locator('td').first()).toHaveText('Done');

  const actions = page.locator('ul.next-actions li');
  await expect(actions.filter({ hasText: 'Follow up with Priya Raman' })).toHaveCount(1);
  // The demo shows Step 1's main next action: whom to approach next (the only one not contacted).
  await expect(actions.filter({ hasText: /^Approach Tomasz Nowak next: the highest natural score \(\d+\)/ })).toHaveCount(1);

  // A new, not yet contacted executive with a good profile: the dashboard says to approach them.
  await goToPage(page, 'Naturals');
  await addExecutive(page, { name: 'Nora Next', title: 'Chief Strategy Officer' });
  const nora = await openDetails(page, 'Nora Next');
  await nora.getByLabel('Willingness to experiment').selectOption('5');
  await nora.getByLabel('LinkedIn profile URL or handle').fill('https://www.linkedin.com/in/nora-next');
  // Enough activity and reach to outrank Tomasz Nowak, the demo's other executive not yet contacted.
  const noraLinkedin = nora.getByRole('group', { name: 'LinkedIn' });
  await noraLinkedin.getByLabel('Followers / connections').fill('5000');
  await noraLinkedin.getByLabel('Posts in the last 30 days').fill('20');
  const noraScore = await card(page, 'Nora Next').locator('.score-value').textContent();
  await goToPage(page, 'Dashboard');
  const approach = actions.filter({ hasText: /^Approach / });
  await expect(approach).toHaveText(`Approach Nora Next next: the highest natural score (${noraScore}) among those not contacted yet.`);
  await expect(progress.locator('tbody tr', { hasText: 'Nora Next' }).locator('td').first()).toHaveText('In progress');
  // It leads to Step 1.
  await approach.getByRole('link').click();
  await expect(mainHeading(page)).toHaveText('Find the naturals');
});

test('sub-path build: Step 1 deep link, and the links to Step 1 stay under /exec-social-playbook/', async ({ page }) => {
  await openApp(page, `${SUB}naturals`);
  await expect(mainHeading(page)).toHaveText('Get your executives active on social media'); // no programme yet
  // Creating the first programme here stays on Step 1.
  await page.locator('.start-actions').getByRole('button', { name: 'Create programme' }).click();
  await fillProgrammeForm(page.locator('#main'), { name: 'Hosted naturals', networks: ['LinkedIn'] }, 'Create programme');
  await expect(mainHeading(page)).toHaveText('Find the naturals');
  await expect(page).toHaveURL(`${ORIGIN}${SUB}naturals`);
  // The dashboard's "Start Step 1" link.
  await goToPage(page, 'Dashboard');
  await expect(page).toHaveURL(new RegExp(`^${ORIGIN}${SUB}?$`));
  await page.getByRole('link', { name: /^Start Step 1/ }).click();
  await expect(mainHeading(page)).toHaveText('Find the naturals');
  await expect(page).toHaveURL(`${ORIGIN}${SUB}naturals`);
  await expect(nav(page).getByRole('link', { name: '1 · Naturals', exact: true })).toHaveAttribute('aria-current', 'page');
  await addExecutive(page, { name: 'Sub Path' });
  await waitSaved(page);
  await reloadApp(page);
  await expect(card(page, 'Sub Path')).toBeVisible();
  await goToPage(page, 'Dashboard');
  await expect(page).toHaveURL(new RegExp(`^${ORIGIN}${SUB}?$`));
  const approach = page.locator('ul.next-actions li').filter({ hasText: /^Approach Sub Path next/ }).getByRole('link');
  await expect(approach).toHaveAttribute('href', `${SUB}naturals`);
  await approach.click();
  await expect(page).toHaveURL(`${ORIGIN}${SUB}naturals`);
});

// ---------------------------------------------------------------------------------------------
// Markup is text

test('markup typed as an executive\'s name, notes and address is shown as text everywhere and in the CSV', async ({ page, guard }) => {
  await freshProgramme(page, 'Markup');
  await addExecutive(page, { name: IMG, title: SCRIPT, notes: IMG });
  await expect(toast(page)).toContainText(`${IMG} added to the roster.`);
  const details = await openDetails(page, IMG);
  await details.getByLabel('LinkedIn profile URL or handle').fill(IMG);
  await details.getByLabel('Willingness to experiment').selectOption('3');
  await expect(details.getByLabel('Notes')).toHaveValue(IMG);
  await expect(details.getByLabel('LinkedIn profile URL or handle')).toHaveAttribute('aria-invalid', 'true');

  const check = async () => {
    await expect(card(page, IMG).locator('h3')).toHaveText(IMG);
    await expect(card(page, IMG).locator('.exec-title')).toHaveText(SCRIPT);
    await expect(page.locator('body img')).toHaveCount(0);
    expect(await page.locator('#main script').count()).toBe(0);
  };
  await check();
  await waitSaved(page);
  await reloadApp(page);
  await check();
  const again = await openDetails(page, IMG);
  // (By id, not by label: the label of the details' name field is reported by the axe test.)
  await expect(again.locator('input[id$="-name"]')).toHaveValue(IMG);
  await expect(again.getByLabel('Notes')).toHaveValue(IMG);
  await expect(again.getByLabel('LinkedIn profile URL or handle')).toHaveValue(IMG);

  // Dashboard: the progress table and the next action name it as text.
  await goToPage(page, 'Dashboard');
  await expect(page.getByRole('region', { name: 'Progress by executive' }).locator('tbody th .exec-name')).toHaveText([IMG]);
  await expect(page.locator('ul.next-actions')).toContainText(`Approach ${IMG} next`);
  await expect(page.locator('body img')).toHaveCount(0);

  // The export has it as a plain cell.
  await goToPage(page, 'Naturals');
  const { rows } = await exportRanked(page);
  expect(rows.map((r) => r.slice(1, 3))).toEqual([[IMG, SCRIPT]]);

  // Removal toast.
  const open = await openDetails(page, IMG);
  await open.getByRole('button', { name: /^Remove from roster/ }).click();
  await expect(toast(page)).toContainText(`${IMG} removed from the roster.`);
  await toast(page).getByRole('button', { name: 'Undo' }).click();
  await expect(card(page, IMG)).toBeVisible();
  await expect(page.locator('body img')).toHaveCount(0);

  await page.waitForTimeout(300);
  expect(guard.dialogs).toEqual([]);
  expect(guard.requests.filter((u) => /\/x($|\?)/.test(new URL(u).pathname))).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// Accessibility and screenshots

test('axe: the naturals page with the demo, one card open, and the Add executive form', async ({ page }) => {
  await openDemoNaturals(page);
  await waitSaved(page);
  await reloadApp(page); // without the toast
  await expect(cards(page)).toHaveCount(10);
  await screenshot(page, 'naturals-demo');
  await expectNoViolations(page, 'naturals (demo)');

  const details = await openDetails(page, 'Lukas Brandt');
  await page.locator('details.weights summary').click();
  await screenshot(page, 'naturals-details');
  await expectNoViolations(page, 'naturals (demo, Lukas Brandt’s details and the weights open)');
  // Every control in the details has a visible label that is also its accessible name.
  await expect.soft(details.getByRole('textbox', { name: 'Name (required)', exact: true }), 'the name field is labelled').toHaveValue('Lukas Brandt', { timeout: 1_000 });
  for (const name of ['Title', 'Department', 'Email (optional)', 'Notes', 'LinkedIn profile URL or handle']) {
    await expect.soft(details.getByRole('textbox', { name, exact: true }), name).toHaveCount(1);
  }
  await expect.soft(details.getByRole('combobox', { name: 'Willingness to experiment' })).toHaveCount(1);
  await expect.soft(details.getByRole('combobox', { name: 'Move to stage' })).toHaveCount(1);

  await page.locator('.page-head').getByRole('button', { name: 'Add executive' }).click();
  const form = page.locator('section.panel', { has: page.getByRole('heading', { name: 'Add executive' }) });
  await expect(form.locator('#new-exec-name')).toBeFocused();
  await form.getByLabel('Email (optional)').fill('not an email');
  await form.getByRole('button', { name: 'Add to roster' }).click();
  await expect(form.locator('.form-error')).toBeVisible();
  await expectNoViolations(page, 'naturals (Add executive form with an error)');
});
