// What the playground tests do as a person at the page: open it, find a cell by what it shows, type into a
// cell, pick a menu item, read the active tab. Each waits for what the page shows, never for a time.

import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Playground } from '../../playground/server';

/** The quarter holding today, as the New quarter sidebar names it. */
export function currentQuarter(now = new Date()): { quarter: number; year: number; label: string } {
  const quarter = Math.floor(now.getMonth() / 3) + 1;
  return { quarter, year: now.getFullYear(), label: `Q${quarter} ${now.getFullYear()}` };
}

export interface Opened {
  page: Page;
  /** Requests to anywhere but the playground. */
  outside: string[];
  /** Errors thrown in the page or the sidebar. */
  errors: string[];
}

export async function openPage(
  browser: Browser,
  playground: Playground,
  viewport = { width: 1600, height: 900 },
): Promise<Opened> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const outside: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(playground.url)) outside.push(request.url());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(playground.url);
  await page.locator('#grid td').first().waitFor();
  return { page, outside, errors };
}

export const cell = (page: Page, row: number, column: number) =>
  page.locator(`#grid td[data-row="${row}"][data-column="${column}"]`);

/** Where the first cell showing exactly `text` is, in the grid of the active sheet. */
export async function find(page: Page, text: string): Promise<{ row: number; column: number }> {
  const found = await page.evaluate((wanted) => {
    for (const td of Array.from(document.querySelectorAll<HTMLElement>('#grid td'))) {
      if (td.textContent === wanted) return { row: Number(td.dataset.row), column: Number(td.dataset.column) };
    }
    return null;
  }, text);
  if (!found) throw new Error(`No cell shows "${text}"`);
  return found;
}

/** Selects a cell and types into it as a person would: the keys, then Enter; resolves once repainted. */
export async function typeInto(page: Page, row: number, column: number, text: string): Promise<void> {
  await cell(page, row, column).click();
  const answered = page.waitForResponse((response) => response.url().endsWith('/api/cell'));
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  expect((await answered).status()).toBe(200);
  await page.waitForFunction(() => !document.body.classList.contains('busy'));
}

export async function clickMenuItem(page: Page, name: string | RegExp): Promise<void> {
  await page.locator('#menu-button').click();
  await page.getByRole('menuitem', { name }).click();
}

export async function activeTab(page: Page): Promise<string> {
  return (await page.locator('#tabs [aria-selected="true"]').textContent()) ?? '';
}
