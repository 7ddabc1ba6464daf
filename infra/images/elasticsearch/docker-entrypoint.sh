#!/usr/bin/env bash
# Entrypoint of the local Elasticsearch stand-in, with the upstream image's contract:
#  - `eswrapper` (the default command), `elasticsearch`, or only flags: start Elasticsearch;
#    anything else is executed as given (e.g. `bash`);
#  - every environment variable named like a setting (`discovery.type`, `xpack.security.enabled`,
#    at least two dot-separated lower-case words) becomes `-E name=value`; so does
#    ES_SETTING_NAME (prefix dropped, lower case, "__" -> "_", "_" -> ".");
#  - ELASTIC_PASSWORD (or ELASTIC_PASSWORD_FILE) becomes the keystore's bootstrap.password;
#  - ES_JAVA_OPTS is honoured. Unlike upstream, an unset ES_JAVA_OPTS means a 512 MB heap
#    instead of half of the machine's memory.
set -Eeo pipefail

# New files group-writable, so a container started with another uid in group 0 can use them.
umask 0002

if [[ "${1:0:1}" == '-' ]]; then set -- eswrapper "$@"; fi
if [[ "$1" != eswrapper && "$(basename -- "$1")" != elasticsearch ]]; then
  exec "$@"
fi
shift

cd /usr/share/elasticsearch

if [[ -z "${ES_JAVA_OPTS+x}" ]]; then export ES_JAVA_OPTS="-Xms512m -Xmx512m"; fi
# bin/elasticsearch uses ES_JAVA_HOME and warns about a JAVA_HOME it does not use.
unset JAVA_HOME

es_opts=()
while IFS='=' read -r -d '' key value; do
  if [[ "$key" =~ ^[a-z0-9_]+\.[a-z0-9_]+ ]]; then
    es_opts+=("-E${key}=${value}")
  elif [[ "$key" == ES_SETTING_* ]]; then
    name="${key#ES_SETTING_}"
    name="${name,,}"
    name="${name//__/%}"   # '%' cannot occur in a variable name: placeholder for a literal '_'
    name="${name//_/.}"
    name="${name//%/_}"
    es_opts+=("-E${name}=${value}")
  fi
done < <(env -0)

if [[ -n "${ELASTIC_PASSWORD_FILE:-}" ]]; then
  ELASTIC_PASSWORD="$(<"$ELASTIC_PASSWORD_FILE")"
fi
if [[ -n "${ELASTIC_PASSWORD:-}" ]]; then
  [[ -f config/elasticsearch.keystore ]] || bin/elasticsearch-keystore create
  # A password-protected keystore cannot be changed without its password: leave it alone.
  if ! bin/elasticsearch-keystore has-passwd --silent; then
    if ! bin/elasticsearch-keystore list | grep -qx 'bootstrap.password'; then
      printf '%s' "$ELASTIC_PASSWORD" | bin/elasticsearch-keystore add -x bootstrap.password
    fi
  fi
fi

exec bin/elasticsearch "${es_opts[@]}" "$@"
