# syntax=docker/dockerfile:1
# The resolution workspace: one image, as many identical instances as needed (see docker-compose.yml).
ARG NODE_IMAGE=node:22-bookworm-slim

# --- build: every dependency, the client bundle (vite) and the server bundle (esbuild) ----------
FROM ${NODE_IMAGE} AS build
# better-sqlite3 compiles its native addon when no prebuilt binary fits the platform.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:client && npm run build:server
# What the runtime needs: production dependencies only (native addons already compiled above).
RUN npm prune --omit=dev --no-audit --no-fund

# --- runtime: no compilers, no dev dependencies, not root ---------------------------------------
FROM ${NODE_IMAGE} AS runtime
# MALLOC_MMAP_THRESHOLD_: as `npm start` sets it (see its script and docs/DESIGN.md, "Process memory").
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    CLIENT_DIR=/app/client/dist \
    MALLOC_MMAP_THRESHOLD_=1048576
WORKDIR /app
# The code stays root-owned and read-only to the server; only its data dir is writable.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/client/dist ./client/dist
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
# Slim images have no curl: node's own fetch asks /healthz (503 when the store, Redis or writes fail).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself as PID 1: main.ts writes pending edits and closes cleanly on SIGTERM (docker stop).
CMD ["node", "--enable-source-maps", "dist/server/main.mjs"]
