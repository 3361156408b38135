#!/bin/sh
# Makes the compose stack's secrets once, beside docker-compose.yml (docs/operations.md, "The compose stack"):
#   secrets/internal-secret        the instances' shared secret (COMPLAINTS_INTERNAL_SECRET_FILE)
#   secrets/metrics-token          Prometheus's token (role metrics: /metrics only)
#   secrets/grafana-viewer-token   Grafana's figures data source (role viewer)
#   secrets/grafana-caseworker-token  Grafana's caseload data source (role caseworker)
# and appends COMPLAINTS_HTTP_TOKENS (the SHA-256 of each token, never the token) to .env.
# Refuses to overwrite: to rotate, delete secrets/ and the COMPLAINTS_HTTP_TOKENS line of .env, run it again,
# and restart the stack.
set -eu
cd "$(dirname "$0")/.."
if [ -e secrets ] || grep -qs '^COMPLAINTS_HTTP_TOKENS=' .env; then
  echo "secrets/ or COMPLAINTS_HTTP_TOKENS in .env exist already; remove both to make new ones" >&2
  exit 1
fi
umask 077
mkdir secrets
token() { openssl rand -hex 32; }
hash() { printf %s "$(cat "secrets/$1")" | sha256sum | cut -d' ' -f1; }
for name in internal-secret metrics-token grafana-viewer-token grafana-caseworker-token; do
  token > "secrets/$name"
done
# The containers run as their own users; the files are read-only mounts, readable by them.
chmod 0644 secrets/*
echo "COMPLAINTS_HTTP_TOKENS=metrics:$(hash metrics-token),viewer:$(hash grafana-viewer-token),caseworker:$(hash grafana-caseworker-token)" >> .env
echo "made secrets/ and COMPLAINTS_HTTP_TOKENS in .env"
