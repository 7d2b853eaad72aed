import { ApiClient } from '../../../client/api/apiClient';
import type { App } from '../../../client/app/app';
import type { PageContext } from '../../../client/app/router';
import type { Session } from '../../../client/app/session';
import type { PublicUser } from '../../../shared/user';

export interface Answer {
  status: number;
  body?: unknown;
}

export interface Call {
  method: string;
  path: string;
  body: unknown;
}

type Route = (body: unknown) => Answer;

/**
 * The REST API as a table of "METHOD /path" routes behind a real ApiClient, so pages and
 * panels are tested through the same requests they make in the browser. Unknown routes 404.
 */
export class FakeServer {
  readonly calls: Call[] = [];
  private readonly routes = new Map<string, Route>();

  readonly api = new ApiClient({
    token: () => 'tok',
    onUnauthorized: () => undefined,
    fetch: async (input, init) => {
      const method = init?.method ?? 'GET';
      const path = String(input);
      const body: unknown = init?.body instanceof FormData ? init.body : init?.body ? JSON.parse(String(init.body)) : undefined;
      this.calls.push({ method, path, body });
      const route = this.routes.get(`${method} ${path}`);
      const answer = route ? route(body) : { status: 404, body: { error: 'not found' } };
      return { ok: answer.status < 400, status: answer.status, json: async () => answer.body ?? null } as Response;
    },
  });

  on(methodAndPath: string, answer: Answer | Route): this {
    this.routes.set(methodAndPath, typeof answer === 'function' ? answer : () => answer);
    return this;
  }

  /** The calls that changed something (everything but GET). */
  changes(): Call[] {
    return this.calls.filter((call) => call.method !== 'GET');
  }
}

export const user = (id: string, extra: Partial<PublicUser> = {}): PublicUser => ({ id, username: id, displayName: `Account ${id}`, admin: false, ...extra });

/** An App around the fake server, a session for `who`, and a page context to mount a page into. */
export function pageHarness(server: FakeServer, who: PublicUser) {
  const navigate = jest.fn();
  const app = {
    api: server.api,
    session: { get: () => null, set: () => undefined, clear: () => undefined },
    router: { navigate, currentPath: () => location.pathname },
    signOut: jest.fn(),
  } as unknown as App;
  const session: Session = { token: 'tok', user: who };
  const outlet = document.body.appendChild(document.createElement('div'));
  const controller = new AbortController();
  const context: PageContext = { params: {}, query: new URLSearchParams(), outlet, signal: controller.signal };
  return { app, session, context, outlet, navigate, leave: () => controller.abort() };
}

/** Lets pending promise callbacks (fetch answers, re-renders) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Fills in and submits a form the way a person does. */
export function submit(form: HTMLFormElement, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    const field = form.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`);
    if (!field) throw new Error(`no field ${name}`);
    field.value = value;
    field.dispatchEvent(new Event('change'));
  }
  form.dispatchEvent(new Event('submit', { cancelable: true }));
}
