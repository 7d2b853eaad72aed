import './styles/index.css';
import { ApiClient } from './api/apiClient';
import type { App } from './app/app';
import { loginPath } from './app/returnTo';
import { Router, type Page } from './app/router';
import { registerServiceWorker } from './app/serviceWorker';
import { SessionStore, type Session } from './app/session';
import { adminPage } from './pages/adminPage';
import { draftsPage } from './pages/draftsPage';
import { editorPage } from './pages/editorPage';
import { loginPage } from './pages/loginPage';
import { notFoundPage } from './pages/notFoundPage';
import { passwordPage } from './pages/passwordPage';
import { printPage } from './pages/printPage';

/** The composition root: the only place that wires concrete classes together. */
function main(): void {
  const outlet = document.getElementById('app');
  if (!outlet) throw new Error('index.html has no #app element');

  const session = new SessionStore(localStorage);
  const router = new Router(outlet, notFoundPage);
  const app: App = {
    session,
    router,
    api: new ApiClient({
      token: () => session.get()?.token ?? null,
      onUnauthorized: () => app.signOut({ returnTo: router.currentPath(), expired: true }),
    }),
    signOut: (options = {}) => {
      session.clear();
      router.navigate(loginPath(options), { replace: true });
    },
  };

  /** Pages behind sign-in: without a session, go to sign-in and come back afterwards. */
  const signedIn =
    (make: (current: Session) => Page): Page =>
    (context) => {
      const current = session.get();
      if (current) make(current)(context);
      else router.navigate(loginPath({ returnTo: router.currentPath() }), { replace: true });
    };

  router
    .on('/', () => router.navigate('/drafts', { replace: true }))
    .on('/login', loginPage(app))
    .on('/drafts', signedIn((current) => draftsPage(app, current)))
    .on('/drafts/:id', signedIn((current) => editorPage(app, current)))
    .on('/drafts/:id/print', signedIn((current) => printPage(app, current)))
    .on('/admin', signedIn((current) => adminPage(app, current)))
    .on('/password', signedIn((current) => passwordPage(app, current)))
    .start();
  registerServiceWorker();
}

main();
