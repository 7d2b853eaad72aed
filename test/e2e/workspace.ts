import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Config } from '../../server/config';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { launchBrowser } from './browser';

export const DEMO_TITLE = 'Countering trafficking in persons facilitated by the use of information and communications technologies';

/** A real server on port 0 serving the built client (with `overrides` of its test config), and a browser to drive it. */
export async function startWorkspace(overrides: Partial<Config> = {}): Promise<{ server: TestServer; browser: Browser; stop: () => Promise<void> }> {
  // `npm test` has just built the client; a direct `jest test/e2e` run builds it here when stale.
  execFileSync(process.execPath, [path.resolve('scripts/build-client-if-stale.mjs')], { stdio: 'ignore' });
  const server = await startTestServer({ ...overrides, clientDir: path.resolve('client/dist') });
  const browser = await launchBrowser();
  return {
    server,
    browser,
    stop: async () => {
      await browser.close();
      await server.stop();
    },
  };
}

/** A page in a browser context of its own (its own storage and IndexedDB: one delegation's laptop). */
export class DelegationPage {
  readonly consoleErrors: string[] = [];
  private allowed: RegExp[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    /** The workspace's server this page is signed in to. */
    readonly server: TestServer,
  ) {
    page.on('console', (message) => {
      if (message.type() === 'error' && !this.allowed.some((re) => re.test(message.text()))) {
        this.consoleErrors.push(message.text());
      }
    });
    page.on('pageerror', (error) => this.consoleErrors.push(`pageerror: ${error.message}`));
  }

  static async open(browser: Browser, server: TestServer): Promise<DelegationPage> {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } });
    return new DelegationPage(context, await context.newPage(), server);
  }

  /** Tolerates console errors the browser itself logs for an expected failure (a refused sign-in). */
  allowConsoleError(pattern: RegExp): void {
    this.allowed.push(pattern);
  }

  async signIn(username: string, password = 'negotiate'): Promise<void> {
    await this.page.goto('/login');
    await this.page.fill('input[name=username]', username);
    await this.page.fill('input[name=password]', password);
    await this.page.click('button[type=submit]');
    await this.page.waitForURL('**/drafts');
  }

  /** Opens the seeded demo draft from the drafts list and waits for its text. */
  async openDemoDraft(): Promise<void> {
    await this.page.getByRole('link', { name: DEMO_TITLE }).click();
    await this.page.waitForURL(/\/drafts\/[^/]+$/);
    await this.page.locator('.ProseMirror p.op').first().waitFor();
  }

  /** Each operative paragraph as "<printed number> <paragraph id>". */
  async operativeNumbers(): Promise<string[]> {
    return this.page
      .locator('.ProseMirror p.op')
      .evaluateAll((els) => els.map((el) => `${el.getAttribute('data-num')} ${el.getAttribute('data-id')}`));
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/**
 * Registers the jest hooks of a suite in which delegations share the demo draft:
 * a workspace, then one signed-in page per username with the draft open, and
 * clean consoles asserted after every test. Pages are filled in by `beforeAll`; `overrides`
 * change the server's test config.
 */
export function delegationsOnDemoDraft(usernames: string[], allowConsoleErrors: RegExp[] = [], overrides: Partial<Config> = {}): Record<string, DelegationPage> {
  const pages: Record<string, DelegationPage> = {};
  let stop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const workspace = await startWorkspace(overrides);
    stop = workspace.stop;
    for (const username of usernames) {
      const page = await DelegationPage.open(workspace.browser, workspace.server);
      allowConsoleErrors.forEach((pattern) => page.allowConsoleError(pattern));
      await page.signIn(username);
      await page.openDemoDraft();
      await page.page.locator('.connection[data-status="connected"]').waitFor();
      pages[username] = page;
    }
  });

  afterEach(() => {
    for (const page of Object.values(pages)) expect(page.consoleErrors).toEqual([]);
  });

  afterAll(async () => {
    for (const page of Object.values(pages)) await page.close();
    await stop?.();
  });

  return pages;
}

/**
 * Registers the jest hooks of a suite in which each test starts as a new visitor: one workspace,
 * a fresh browser context per test (nobody signed in), clean consoles asserted after each test.
 * The returned function gives the current test's visitor.
 */
export function freshVisitorEachTest(): () => DelegationPage {
  let workspace: Awaited<ReturnType<typeof startWorkspace>> | undefined;
  let visitor: DelegationPage | undefined;

  beforeAll(async () => {
    workspace = await startWorkspace();
  });
  beforeEach(async () => {
    visitor = await DelegationPage.open(workspace!.browser, workspace!.server);
  });
  afterEach(async () => {
    expect(visitor?.consoleErrors).toEqual([]);
    await visitor?.close();
  });
  afterAll(() => workspace?.stop());

  return () => visitor!;
}
