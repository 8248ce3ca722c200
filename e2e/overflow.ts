import type { Page } from '@playwright/test';

/** One element that does not fit: where it is, what it says, and by how many pixels it misses. */
export interface Overflow {
  kind: 'content' | 'viewport';
  element: string;
  text: string;
  pixels: number;
}

/**
 * Every element of the page whose content does not fit its box, or that reaches past the window's left or right
 * edge, measured in the page as a browser lays it out now.
 *
 * - content: an element laid out as a box (not inline) whose `scrollWidth` exceeds its `clientWidth` by more than a
 *   pixel: its text or children spill over its border, or are cut if it clips. Intentional scroll containers
 *   (`overflow-x: auto | scroll`, a wide table in a scroller) are allowed to, except the app's main area, where a
 *   sideways scroll bar is exactly the fault; text inputs scroll their own value by design. Only the innermost of
 *   nested overflowing elements is named, since its parents overflow because of it.
 * - viewport: a visible element whose bounding box leaves [0, window width], unless a scroll container holds it.
 */
export function findOverflows(page: Page): Promise<Overflow[]> {
  return page.evaluate(() => {
    const SCROLLING = new Set(['auto', 'scroll']);
    const viewportWidth = document.documentElement.clientWidth;
    const mainArea = document.querySelector('main.content');

    const isScrollContainer = (element: Element): boolean =>
      element !== mainArea &&
      element !== document.documentElement &&
      element !== document.body &&
      SCROLLING.has(getComputedStyle(element).overflowX);
    const insideScroller = (element: Element): boolean => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) if (isScrollContainer(parent)) return true;
      return false;
    };
    const describe = (element: Element): string => {
      const parts: string[] = [];
      for (let node: Element | null = element; node && parts.length < 3 && node !== document.body; node = node.parentElement) {
        const testId = node.getAttribute('data-testid');
        const classes = [...node.classList]
          .slice(0, 2)
          .map((name) => `.${name}`)
          .join('');
        parts.unshift(`${node.tagName.toLowerCase()}${testId ? `[data-testid=${testId}]` : ''}${classes}`);
        if (testId) break;
      }
      return parts.join(' > ');
    };
    const visible = (element: Element): boolean => {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) return false;
      const style = getComputedStyle(element);
      return style.visibility !== 'hidden' && style.display !== 'contents';
    };

    const content: Element[] = [];
    const viewport: { element: Element; pixels: number }[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      if (!visible(element)) continue;
      const style = getComputedStyle(element);
      if (
        element instanceof HTMLElement &&
        !(element instanceof HTMLInputElement) &&
        !(element instanceof HTMLTextAreaElement) &&
        !(element instanceof HTMLSelectElement)
      ) {
        const boxed = style.display !== 'inline' && element.clientWidth > 0;
        if (boxed && element.scrollWidth > element.clientWidth + 1 && !isScrollContainer(element)) content.push(element);
      }
      const rect = element.getBoundingClientRect();
      const past = Math.max(rect.right - viewportWidth, -rect.left);
      if (past > 1 && !insideScroller(element)) viewport.push({ element, pixels: Math.round(past) });
    }
    const innermost = content.filter((element) => !content.some((other) => other !== element && element.contains(other)));
    const text = (element: Element): string => (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    return [
      ...innermost.map((element) => ({
        kind: 'content' as const,
        element: describe(element),
        text: text(element),
        pixels: (element as HTMLElement).scrollWidth - (element as HTMLElement).clientWidth,
      })),
      // A child past the edge drags its parents along; name the deepest.
      ...viewport
        .filter(({ element }) => !viewport.some((other) => other.element !== element && element.contains(other.element)))
        .map(({ element, pixels }) => ({ kind: 'viewport' as const, element: describe(element), text: text(element), pixels })),
    ];
  });
}
