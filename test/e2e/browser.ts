import fs from 'node:fs';
import path from 'node:path';
import sparticuz from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';

/** Flags for a distribution Chromium in a container: no sandbox, no GPU, no background traffic. */
const SYSTEM_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches headless Chromium for the end-to-end suites without any set-up step:
 * first the build that `npm install` brings with @sparticuz/chromium, then the
 * system's /usr/bin/chromium. Playwright gives every launch a fresh profile
 * directory of its own (it refuses --user-data-dir for launch()), so nothing
 * carries over between runs.
 */
export async function launchBrowser(): Promise<Browser> {
  try {
    // --single-process suits one page per Lambda; with several browser contexts, closing one takes the browser down.
    const args = sparticuz.args.filter((arg) => arg !== '--single-process');
    return await chromium.launch({ executablePath: await sparticuz.executablePath(), args, headless: true });
  } catch (bundled) {
    try {
      return await chromium.launch({ executablePath: '/usr/bin/chromium', args: SYSTEM_CHROMIUM_ARGS, headless: true });
    } catch (system) {
      throw new AggregateError([bundled, system], 'Could not launch Chromium (bundled @sparticuz/chromium, then /usr/bin/chromium)');
    }
  }
}

/** Where screenshots go (git-ignored). */
export function artifactPath(name: string): string {
  const dir = path.resolve('test-artifacts');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
