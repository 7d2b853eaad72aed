import helmet from 'helmet';

/**
 * Security headers for every answer. The CSP fits the built client (client/dist): one module
 * script and one stylesheet from /assets, the favicon, a service worker, and fetch, socket.io
 * and the Yjs websocket to the same origin ('self' covers ws: and wss: to it). The client never
 * writes style attributes (it sets styles through the CSSOM, which CSP allows), so no
 * 'unsafe-inline' is needed for styles either.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'connect-src': ["'self'"],
        'font-src': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'img-src': ["'self'", 'data:'],
        'object-src': ["'none'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'"],
        'worker-src': ["'self'"],
      },
    },
    // Older browsers that ignore frame-ancestors.
    xFrameOptions: { action: 'deny' },
  });
}
