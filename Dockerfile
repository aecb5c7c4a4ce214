# optpaper in a container: the bot over HTTP on port 3000, JSON logs, its state on a volume (SQLite by
# default; PostgreSQL when DATABASE_URL is set). See README, "Deploy". Build: docker build -t optpaper .
# The steps below are also run outside Docker, in a clean folder, by scripts/check-image-steps.sh (CI).

# Node 24, the active long-term-support line (README: Node 22 or 24; 20 is past its end of life). Both
# stages take the same major: better-sqlite3 is compiled for one Node ABI here and loaded below.
# Build stage: every dependency (better-sqlite3 compiles here: this image has python3, make and g++),
# the TypeScript compiled to dist/, then the dev dependencies dropped.
FROM node:24-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci runs the prepare script (scripts/build.js): with no src/ yet it builds nothing, so this layer
# and its compiled better-sqlite3 are reused until the lockfile changes.
COPY scripts/ scripts/
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src/ src/
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# Run stage: Node.js, the compiled bot and its production dependencies; no compiler, no sources; not root.
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    LOG_FORMAT=json \
    OPTPAPER_DB=/var/lib/optpaper/optpaper.db
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules/ node_modules/
COPY --from=build /app/dist/ dist/
COPY data/ data/
COPY LICENSE ./
# The database directory belongs to the unprivileged user of the image (node, uid 1000); a volume mounted
# there starts with this owner.
RUN mkdir -p /var/lib/optpaper && chown node:node /var/lib/optpaper
VOLUME ["/var/lib/optpaper"]
USER node
EXPOSE 3000
# GET /healthz on PORT: 200 while the list, the database and Slack's connection are fine.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["node", "dist/healthcheck.js"]
# node is PID 1 and handles SIGTERM itself (docker stop): requests in flight finish, the database closes.
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
