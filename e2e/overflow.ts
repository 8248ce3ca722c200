import type { Page } from '@playwright/test';

/** One element that does not fit: where it is, what it says, and by how many pixels it misses. */
export interface Overflow {
  kind: 'content' | 'control' | 'viewport';
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
 *   sideways scroll bar is exactly the fault. Only the innermost of nested overflowing elements is named, since its
 *   parents overflow because of it.
 * - control: a form control that cuts what it shows, which `scrollWidth` does not reveal: a `<select>` narrower than
 *   its selected option's text (measured by a hidden copy of the select holding only that option, laid out at its
 *   natural width in the same place, so font, padding and the arrow count as on screen), or a number field
 *   (`inputmode="decimal"`) whose value is wider than its content box (canvas `measureText` in its computed font).
 *   Free-text and path fields scroll their own value by design.
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

    /** How many pixels a select is narrower than it needs to be to show its selected option whole. */
    const selectShortfall = (select: HTMLSelectElement): number => {
      const option = select.selectedOptions[0];
      if (!option || !select.parentElement) return 0;
      const copy = select.cloneNode(false) as HTMLSelectElement;
      copy.removeAttribute('data-testid');
      copy.append(new Option(option.text));
      for (const [property, value] of [
        ['position', 'absolute'],
        ['visibility', 'hidden'],
        ['width', 'auto'],
        ['min-width', '0'],
        ['max-width', 'none'],
      ])
        copy.style.setProperty(property, value, 'important');
      select.parentElement.append(copy);
      const needed = copy.getBoundingClientRect().width;
      copy.remove();
      return needed - select.getBoundingClientRect().width;
    };
    const context = document.createElement('canvas').getContext('2d')!;
    /** How many pixels a field's value is wider than the field's content box. */
    const valueShortfall = (input: HTMLInputElement): number => {
      const style = getComputedStyle(input);
      context.font = style.font;
      const box = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return context.measureText(input.value).width - box;
    };
    const controls: { element: Element; text: string; pixels: number }[] = [];

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
      const shortfall =
        element instanceof HTMLSelectElement
          ? selectShortfall(element)
          : element instanceof HTMLInputElement && element.inputMode === 'decimal'
            ? valueShortfall(element)
            : 0;
      if (shortfall > 1) {
        const shown = element instanceof HTMLSelectElement ? (element.selectedOptions[0]?.text ?? '') : (element as HTMLInputElement).value;
        controls.push({ element, text: shown, pixels: Math.ceil(shortfall) });
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
      ...controls.map(({ element, text, pixels }) => ({ kind: 'control' as const, element: describe(element), text, pixels })),
      // A child past the edge drags its parents along; name the deepest.
      ...viewport
        .filter(({ element }) => !viewport.some((other) => other.element !== element && element.contains(other.element)))
        .map(({ element, pixels }) => ({ kind: 'viewport' as const, element: describe(element), text: text(element), pixels })),
    ];
  });
}
