# syntax=docker/dockerfile:1
# The API image (src/Frontend: the REST API, SignalR hubs and web client as an Orleans client of the silos,
# none of the silo's native libraries): `docker build -f deploy/docker/api.Dockerfile -t proctorwise/api:<version> .`
# Base images are pinned by version (see docs/operations.md#images).
ARG DOTNET_SDK_VERSION=10.0.401-noble
ARG DOTNET_RUNTIME_VERSION=10.0.12-noble-chiseled
ARG NODE_VERSION=20.20.2-bookworm-slim

# The web client (TypeScript + Vite) from its lock file; a failed build fails the image.
FROM node:${NODE_VERSION} AS client
WORKDIR /src/src/Api/ClientApp
COPY src/Api/ClientApp/package.json src/Api/ClientApp/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY src/Api/ClientApp/ ./
RUN npm run build

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_SDK_VERSION} AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
# The client built above: with wwwroot/index.html present the project does not run npm itself.
COPY --from=client /src/src/Api/wwwroot/ src/Api/wwwroot/
RUN dotnet restore src/Frontend/Frontend.csproj -r linux-x64
RUN dotnet publish src/Frontend/Frontend.csproj -c Release -r linux-x64 --self-contained false --no-restore -o /app

# Chiseled: no shell, no package manager, non-root by default; probes are HTTP, so nothing needs a shell.
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_RUNTIME_VERSION} AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_SHUTDOWNTIMEOUTSECONDS=30
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "ProctorWise.Frontend.dll"]
