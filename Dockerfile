# One image for every service of the hub; docker-compose.yml picks the entry point.
FROM node:24-bookworm-slim AS build
WORKDIR /app
# sqlite3 compiles its native binding when no prebuilt one is reachable.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Every workspace's package.json (npm ci reads them all), each listed in package.json's "workspaces".
COPY packages/contract/package.json packages/contract/
COPY packages/service-kit/package.json packages/service-kit/
COPY packages/database/package.json packages/database/
COPY packages/subgraph-kit/package.json packages/subgraph-kit/
COPY subgraphs/regional/package.json subgraphs/regional/
COPY subgraphs/book/package.json subgraphs/book/
COPY gateway/package.json gateway/
COPY hub/package.json hub/
COPY dashboard/package.json dashboard/
# `npm ci` builds the dashboard (prepare: codegen against the API schema, Vite), so it needs
# the dashboard's sources, the schema and every dependency; then only production ones stay.
COPY tsconfig.json ./
COPY schema schema
COPY dashboard dashboard
RUN npm ci --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim
ENV NODE_ENV=production DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY packages packages
COPY subgraphs subgraphs
COPY gateway gateway
# The command-line tools (npm run token, keys, migrate…), for an operator inside the container.
COPY hub hub
COPY schema schema
COPY --from=build /app/dashboard/dist ./dashboard/dist
RUN mkdir -p /data && chown node:node /data
USER node
CMD ["node", "-r", "@swc-node/register", "gateway/src/gateway-main.ts"]
