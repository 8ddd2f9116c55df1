# syntax=docker/dockerfile:1
# python.org in TypeScript: one image for the web process (`node dist/app/server.js`)
# and the worker (`node dist/app/worker.js`); see docker-compose.yml. The TypeScript is
# bundled once here (scripts/build.mjs, esbuild); the image runs the JavaScript in dist/.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

# --- deps: every dependency (dev included) to generate the Prisma client ------------
FROM base AS deps
COPY package.json package-lock.json ./
# postinstall runs scripts/prisma-generate.mjs, which reads the schema.
COPY prisma ./prisma
COPY scripts/prisma-generate.mjs ./scripts/prisma-generate.mjs
RUN npm ci
# No-op when postinstall already generated it (the script keeps a stamp); explicit
# so the image never ships without app/generated/prisma.
RUN node scripts/prisma-generate.mjs && test -f app/generated/prisma/client.ts

# --- build: bundle the server, the worker and the scripts into dist/ ----------------
FROM deps AS build
COPY tsconfig.json ./
COPY app ./app
COPY scripts ./scripts
RUN node scripts/build.mjs && test -f dist/app/server.js && test -f dist/app/worker.js

# --- prod-deps: runtime dependencies only -------------------------------------------
FROM base AS prod-deps
COPY package.json package-lock.json ./
# Scripts are skipped: the only one we need (prisma generate) ran in `deps`, and it
# needs the `prisma` dev dependency that is absent here.
RUN npm ci --omit=dev --ignore-scripts

# --- runtime ------------------------------------------------------------------------
FROM base AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8000
# Code stays owned by root (read-only to the app); the app runs as `node` (uid 1000).
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json package-lock.json ./
# The bundle (Prisma client included); code finds the folders below from package.json.
COPY --from=build /app/dist ./dist
# `npm run seed` and the other npm scripts work in the container: with no app/ sources
# their `build.mjs --if-stale` pre-hook keeps dist/ as built.
COPY scripts/build.mjs ./scripts/build.mjs
COPY prisma ./prisma
COPY templates ./templates
COPY static ./static
USER node
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 8000}/_health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The flags of package.json's `start` (a test keeps them equal): V8 grows the heap by 20 %
# over what is live instead of doubling it, which keeps a web process under 300 MB.
CMD ["node", "--enable-source-maps", "--heap-growing-percent=20", "--max-semi-space-size=8", "dist/app/server.js"]
