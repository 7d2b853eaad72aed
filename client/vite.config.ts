import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const clientDir = path.dirname(fileURLToPath(import.meta.url));
/** Where `npm start` listens by default; the dev server forwards API and realtime traffic there. */
const backend = process.env.BACKEND_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: clientDir,
  publicDir: path.join(clientDir, 'public'),
  // With client/package.json, Vite would otherwise keep its cache in client/node_modules.
  cacheDir: path.join(clientDir, '..', 'node_modules', '.vite'),
  build: {
    outDir: path.join(clientDir, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': backend,
      '/yjs': { target: backend, ws: true },
      '/socket.io': { target: backend, ws: true },
    },
  },
});
