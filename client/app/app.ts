import type { ApiClient } from '../api/apiClient';
import type { Router } from './router';
import type { SessionStore } from './session';

export interface SignOutOptions {
  /** Where to come back to after signing in again. */
  returnTo?: string;
  /** The server refused the token: tell the person why they are asked to sign in. */
  expired?: boolean;
}

/** The services every page uses, wired once in main.ts. */
export interface App {
  api: ApiClient;
  session: SessionStore;
  router: Router;
  signOut: (options?: SignOutOptions) => void;
}
