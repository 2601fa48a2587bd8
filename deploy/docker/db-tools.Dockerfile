# syntax=docker/dockerfile:1
# Backup and restore tools (scripts/db-backup.sh, scripts/db-restore.sh) on the MariaDB client the database runs:
# the k8s backup CronJob and the compose `backup` service run it. `docker build -f deploy/docker/db-tools.Dockerfile
# -t proctorwise/db-tools:<version> .` Pinned by version (see docs/operations.md#images).
ARG MARIADB_VERSION=10.11.19
FROM mariadb:${MARIADB_VERSION}
COPY --chmod=0555 scripts/db-common.sh scripts/db-backup.sh scripts/db-restore.sh /opt/proctorwise/
# The image's own unprivileged user; backups go to a mounted volume (BACKUP_DIR).
USER 999:999
ENV BACKUP_DIR=/backups
ENTRYPOINT ["/opt/proctorwise/db-backup.sh"]
