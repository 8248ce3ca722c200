import type { Page } from 'playwright-core';
import { SinapsisError } from '../../../shared/contract';
import { findChromium } from './findChromium';
import { maxOf } from '../../../shared/arrays';

/**
 * Runs `work` on a page of the system Chromium (headless, driven by playwright-core) that may load nothing but
 * data: URLs, then closes the browser. Shared by the PDF report and the PNG charts.
 */
export async function withChromiumPage<T>(what: 'pdf' | 'png', work: (page: Page) => Promise<T>, deviceScaleFactor = 1): Promise<T> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw what === 'pdf'
      ? new SinapsisError(
          'pdf-no-chromium',
          'No Chromium or Chrome was found to print the PDF. Install one (Debian/Ubuntu: "apt install chromium") or set CHROMIUM_PATH; the HTML report was written and can be printed from any browser.',
        )
      : new SinapsisError(
          'png-no-chromium',
          'No Chromium or Chrome was found to draw the PNG charts. Install one (Debian/Ubuntu: "apt install chromium") or set CHROMIUM_PATH; the SVG charts were written and open in any browser.',
        );
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor });
    // Reports and charts reference nothing external; refuse any request so this never touches the network.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    return await work(page);
  } finally {
    await browser.close();
  }
}

/**
 * Prints a self-contained HTML page to PDF with Chromium's own print engine (the same one Electron's
 * printToPDF uses), here through the system Chromium driven by playwright-core.
 */
export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  return withChromiumPage('pdf', async (page) => {
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '14mm', bottom: '14mm', left: '12mm', right: '12mm' },
    });
    return new Uint8Array(pdf);
  });
}

/** A chart to draw: a self-contained SVG and its size in CSS pixels. */
export interface SvgImage {
  svg: string;
  width: number;
  height: number;
}

/** PNG pictures of SVG charts at `scale` times their size (2: sharp on slides and in documents), one browser for all. */
export async function rasterizeSvgs(images: readonly SvgImage[], scale = 2): Promise<Uint8Array[]> {
  if (images.length === 0) return [];
  return withChromiumPage(
    'png',
    async (page) => {
      const pictures: Uint8Array[] = [];
      // One viewport large enough for every chart: resizing it between captures raced with the capture in
      // headless Chromium ("Unable to capture screenshot") on a busy machine.
      await page.setViewportSize({
        width: maxOf(
          images.map((i) => i.width),
          1,
        ),
        height: maxOf(
          images.map((i) => i.height),
          1,
        ),
      });
      for (const image of images) {
        await page.setContent(`<!doctype html><html><body style="margin:0;background:#fff">${image.svg}</body></html>`, {
          waitUntil: 'load',
        });
        const capture = () => page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: image.width, height: image.height } });
        // A capture can still fail once while the compositor is starved; the second attempt is what counts.
        pictures.push(new Uint8Array(await capture().catch(() => capture())));
      }
      return pictures;
    },
    scale,
  );
}
