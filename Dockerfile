# The Airbyte source image of tap-gainsight: the same command as the Singer tap, which speaks the
# Airbyte protocol when its first argument is spec, check, discover or read.

FROM node:20-slim AS build
WORKDIR /airbyte/integration_code

# Dependencies come first so that a change to the sources reuses this layer. Install scripts are
# skipped because `prepare` would compile before the sources are copied.
COPY package.json package-lock.json tsconfig.json ./
RUN npm ci --ignore-scripts

COPY src ./src
COPY schemas ./schemas
RUN npm run build && npm prune --omit=dev

FROM node:20-slim
WORKDIR /airbyte/integration_code

# package.json and schemas/ are read at run time: the version, and the stream schemas.
COPY --from=build /airbyte/integration_code/package.json ./
COPY --from=build /airbyte/integration_code/node_modules ./node_modules
COPY --from=build /airbyte/integration_code/dist/src ./dist/src
COPY --from=build /airbyte/integration_code/schemas ./schemas

ENV NODE_ENV=production
# Airbyte runs the connector through this variable; it must name the same command as ENTRYPOINT.
ENV AIRBYTE_ENTRYPOINT="node /airbyte/integration_code/dist/src/cli/tap-gainsight.js"
ENTRYPOINT ["node", "/airbyte/integration_code/dist/src/cli/tap-gainsight.js"]

LABEL io.airbyte.name="source-gainsight-nxt"
LABEL io.airbyte.version="0.1.0"
