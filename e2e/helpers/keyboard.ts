// Keyboard helpers: move focus with real Tab presses, as a keyboard user would.
import type { Locator, Page } from "@playwright/test";

/** Presses Tab until `target` has focus; fails after `maxTabs` presses. */
export async function tabUntilFocused(page: Page, target: Locator, maxTabs = 80): Promise<void> {
  for (let presses = 1; presses <= maxTabs; presses += 1) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${String(target)} was not reached after ${maxTabs} Tab presses`);
}

/** True when the focused element is `container` or inside it. */
export async function focusIsWithin(container: Locator): Promise<boolean> {
  return container.evaluate((element) => element.contains(document.activeElement));
}
