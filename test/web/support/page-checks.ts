import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DESKTOP, heading, PHONE, until } from './browser.js';
import type { PageGlobals } from './page-globals.js';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** Set WEB_SHOTS_DIR to keep a screenshot of every checked page at both widths (for a person to look at). */
const SHOTS_DIR = process.env.WEB_SHOTS_DIR;

/**
 * What every page of the app promises whatever it shows: one `main`, one `h1` whose text the document title
 * repeats ("<h1> · Guildhall"), no serious or critical WCAG 2.1 A/AA violation, and at 375 px wide no sideways
 * scrolling. Returns the problems found, so a test can report all of a page's at once.
 */
export async function pageProblems(page: Page, h1: string | RegExp, shotName: string): Promise<string[]> {
  const problems: string[] = [];
  await heading(page, h1).waitFor();
  const mains = await page.getByRole('main').count();
  if (mains !== 1) problems.push(`${mains} main landmarks (want 1)`);
  const h1s = await page.getByRole('heading', { level: 1 }).allInnerTexts();
  if (h1s.length !== 1) problems.push(`${h1s.length} h1 headings (want 1): ${JSON.stringify(h1s)}`);
  const want = `${h1s[0]?.trim()} · Guildhall`;
  try {
    await until(async () => (await page.title()) === want, `title "${want}"`, 5_000);
  } catch {
    problems.push(`title is "${await page.title()}" (want "${want}")`);
  }
  problems.push(...(await axeProblems(page)));
  problems.push(...(await narrowProblems(page, shotName)));
  return problems;
}

/** Serious and critical axe-core findings (WCAG 2.0/2.1 A and AA), one line per rule with where it fails. */
export async function axeProblems(page: Page): Promise<string[]> {
  await transitionsEnded(page);
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `axe ${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Waits for the page's finite CSS transitions and animations (a dialog fading in, a menu sliding open) to end:
 * colour contrast measured mid-fade is of colours no one reads. Endless ones (a loader) are not waited for.
 */
async function transitionsEnded(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const w = globalThis as unknown as PageGlobals;
    // A transition starts a frame or two after its element mounts (the component library's enter states).
    await new Promise<void>((r) => w.requestAnimationFrame(() => w.requestAnimationFrame(() => r())));
    await Promise.all(
      w.document
        .getAnimations()
        .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
        .map((a) => a.finished.catch(() => undefined)),
    );
  });
}

async function narrowProblems(page: Page, shotName: string): Promise<string[]> {
  await shoot(page, `${shotName}-1280`);
  await page.setViewportSize(PHONE);
  try {
    // Layout settles a frame after the resize.
    await page.evaluate(() => {
      const w = globalThis as unknown as PageGlobals;
      return new Promise<void>((r) => w.requestAnimationFrame(() => w.requestAnimationFrame(r)));
    });
    const { scrollWidth, innerWidth } = await page.evaluate(() => {
      const w = globalThis as unknown as PageGlobals;
      return { scrollWidth: w.document.scrollingElement?.scrollWidth ?? 0, innerWidth: w.innerWidth };
    });
    await shoot(page, `${shotName}-375`);
    return scrollWidth > innerWidth ? [`scrolls sideways at ${innerWidth} px: content is ${scrollWidth} px wide`] : [];
  } finally {
    await page.setViewportSize(DESKTOP);
  }
}

async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS_DIR) return;
  mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`), fullPage: true });
}
