import { SinapsisError } from '../../../shared/contract';
import { findChromium } from './findChromium';

/**
 * Prints a self-contained HTML page to PDF with Chromium's own print engine (the same one Electron's
 * printToPDF uses), here through the system Chromium driven by playwright-core.
 */
export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new SinapsisError(
      'pdf-no-chromium',
      'No Chromium or Chrome was found to print the PDF. Install one (Debian/Ubuntu: "apt install chromium") or set CHROMIUM_PATH; the HTML report was written and can be printed from any browser.',
    );
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    // The report references nothing external; refuse any request so printing never touches the network.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: { top: '14mm', bottom: '14mm', left: '12mm', right: '12mm' } });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
