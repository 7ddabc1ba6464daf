#!/bin/sh
# As upstream: `docker run redis --appendonly yes` means `redis-server --appendonly yes`. Without a
# configuration file Debian's build would bind to localhost only; a container listens on every
# interface and relies on its network for isolation, as the upstream image does.
set -e
if [ "${1#-}" != "$1" ] || [ "${1%.conf}" != "$1" ]; then
  set -- redis-server "$@"
fi
if [ "$1" = "redis-server" ]; then
  shift
  set -- redis-server --bind '* -::*' --protected-mode no --dir /data "$@"
fi
exec "$@"
