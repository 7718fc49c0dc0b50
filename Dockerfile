# One image for every service of the hub; docker-compose.yml picks the entry point.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# sqlite3 compiles its native binding when no prebuilt one is reachable.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY gateway/package.json gateway/
COPY subgraphs/shared/package.json subgraphs/shared/
COPY subgraphs/regional/package.json subgraphs/regional/
COPY subgraphs/book/package.json subgraphs/book/
COPY dashboard/package.json dashboard/
# `npm ci` builds the dashboard (prepare: codegen against the API schema, Vite), so it needs
# the dashboard's sources, the schema and every dependency; then only production ones stay.
COPY tsconfig.json ./
COPY schema schema
COPY dashboard dashboard
RUN npm ci --no-audit --no-fund && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY gateway gateway
COPY subgraphs subgraphs
COPY schema schema
COPY --from=build /app/dashboard/dist ./dashboard/dist
RUN mkdir -p /data && chown node:node /data
USER node
CMD ["node", "-r", "@swc-node/register", "gateway/src/gateway-main.ts"]
