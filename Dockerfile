# syntax=docker/dockerfile:1.7
# Multi-stage: build the API, worker and web app with dev dependencies, run with production ones only, as a
# non-root user. Node 22 LTS in the image; CI tests on Node 20.19+ and 22 (package.json engines).
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
COPY migrations ./migrations
COPY web ./web
# `npm run build` builds the API and worker into dist/ and the web app into web/dist/.
RUN npm run build && npm prune --omit=dev

FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
RUN groupadd --system guildhall && useradd --system --gid guildhall --home /app guildhall
COPY --from=build --chown=guildhall:guildhall /app/package.json ./
COPY --from=build --chown=guildhall:guildhall /app/node_modules ./node_modules
COPY --from=build --chown=guildhall:guildhall /app/dist ./dist
COPY --from=build --chown=guildhall:guildhall /app/web/dist ./web/dist
USER guildhall
# 3000: the API (and the web app). 9464: the worker's /metrics listener (WORKER_METRICS_PORT).
EXPOSE 3000 9464
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# The same image runs the worker: `node dist/worker.js` (see docker-compose.yml).
CMD ["node", "--enable-source-maps", "dist/main.js"]
