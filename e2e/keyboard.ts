/** Keyboard helpers of the specs: where the focus is, whether it is visible, and moving it with Tab. */
import { expect, type Locator, type Page } from '@playwright/test';

export interface FocusInfo {
  tag: string;
  text: string;
  outlineStyle: string;
  outlineWidth: number;
  boxShadow: string;
  visible: boolean;
}

/** The focused element and its focus styles. */
export function focusInfo(page: Page): Promise<FocusInfo | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || !(el instanceof HTMLElement)) return null;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.getAttribute('aria-label') ?? el.textContent ?? (el as HTMLInputElement).name ?? '').trim().slice(0, 60) || el.id,
      outlineStyle: style.outlineStyle,
      outlineWidth: Number.parseFloat(style.outlineWidth) || 0,
      boxShadow: style.boxShadow,
      visible: rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden',
    };
  });
}

/** The focused element shows a focus indicator: an outline of at least 2 px, or a box shadow. */
export async function expectVisibleFocus(page: Page, where: string) {
  const info = await focusInfo(page);
  expect(info, `${where}: kein Element hat den Fokus`).not.toBeNull();
  const f = info as FocusInfo;
  const label = `${where}: <${f.tag}> "${f.text}" (outline ${f.outlineStyle} ${f.outlineWidth}px, box-shadow ${f.boxShadow})`;
  expect(f.visible, `${label} ist nicht sichtbar`).toBe(true);
  const hasOutline = f.outlineStyle !== 'none' && f.outlineWidth >= 2;
  const hasShadow = f.boxShadow !== 'none' && f.boxShadow !== '';
  expect(hasOutline || hasShadow, `${label} hat keinen sichtbaren Fokusindikator`).toBe(true);
}

export const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus; every stop on the way must show a
 * visible focus indicator.
 */
export async function tabTo(page: Page, target: Locator, { backwards = false, max = 40 } = {}) {
  await expect(target).toBeVisible();
  const visited: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const info = await focusInfo(page);
    visited.push(info ? `<${info.tag}> ${info.text}` : '(body)');
    if (info) await expectVisibleFocus(page, `Tab-Stopp ${i + 1}`);
    if (await isFocused(target)) return;
  }
  throw new Error(`Nach ${max}× ${backwards ? 'Shift+Tab' : 'Tab'} nicht erreicht. Besucht:\n  ${visited.join('\n  ')}`);
}

/** Replaces the value of the focused text field by typing. */
export async function retype(page: Page, value: string) {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(value);
}

/**
 * Like `tabTo`, in the direction of `target`: Shift+Tab when it comes before the focused element
 * in the document, else Tab.
 */
export async function tabToward(page: Page, target: Locator, { max = 60 } = {}) {
  await expect(target).toBeVisible();
  const backwards = await target.evaluate((el) => {
    const active = document.activeElement;
    if (!active || active === document.body || active === el) return false;
    return Boolean(el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  await tabTo(page, target, { backwards, max });
}
