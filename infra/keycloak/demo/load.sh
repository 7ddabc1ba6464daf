#!/usr/bin/env bash
# Loads the demo data of the identity realm: every *.json file next to this script is a Keycloak
# partial import (users, groups, clients, roles) applied to the running realm. Resources that
# already exist are skipped, so loading twice changes nothing. Run by the keycloak-demo service of
# docker-compose.yml (demo profile), with the Keycloak image's admin CLI.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
realm=${BCS_REALM:-biochemsec}
kcadm=/opt/keycloak/bin/kcadm.sh
# The CLI keeps its session in a file; the image's home directory may be read-only.
config=$(mktemp)
trap 'rm -f "$config"' EXIT

shopt -s nullglob
files=("$here"/*.json)
if ((${#files[@]} == 0)); then
  echo "no demo files in $here: nothing to load"
  exit 0
fi

"$kcadm" config credentials --config "$config" --server "$KEYCLOAK_URL" --realm master \
  --user "$KEYCLOAK_ADMIN" --password "$KEYCLOAK_ADMIN_PASSWORD"
for f in "${files[@]}"; do
  echo "loading $(basename "$f") into realm $realm"
  "$kcadm" create partialImport --config "$config" -r "$realm" -s ifResourceExists=SKIP -f "$f" -o
done
