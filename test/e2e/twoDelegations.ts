import type { TestServer } from '../helpers/testServer';
import { DelegationPage, startWorkspace } from './workspace';

export interface TwoDelegations {
  server: TestServer;
  first: DelegationPage;
  second: DelegationPage;
  /** Fails the current test on any console error in either page. */
  expectNoConsoleErrors: () => void;
  stop: () => Promise<void>;
}

/** A fresh workspace with two signed-in users, each on their own device, both in the demo draft. */
export async function twoDelegationsInDemoDraft(firstUser: string, secondUser: string): Promise<TwoDelegations> {
  const { server, browser, stop } = await startWorkspace();
  const first = await DelegationPage.open(browser, server);
  const second = await DelegationPage.open(browser, server);
  await first.signIn(firstUser);
  await second.signIn(secondUser);
  await first.openDemoDraft();
  await second.openDemoDraft();
  return {
    server,
    first,
    second,
    expectNoConsoleErrors: () => {
      expect(first.consoleErrors).toEqual([]);
      expect(second.consoleErrors).toEqual([]);
    },
    stop: async () => {
      await first.close();
      await second.close();
      await stop();
    },
  };
}
