#!/bin/sh
# Starts GreenMail standalone. As in the upstream image, JAVA_OPTS carries JVM options and
# GREENMAIL_OPTS the GreenMail configuration (-Dgreenmail.*); both are split into words.
# exec: the JVM becomes PID 1 and gets docker's stop signal directly.
# shellcheck disable=SC2086
exec java $JAVA_OPTS $GREENMAIL_OPTS -jar /home/greenmail/greenmail-standalone.jar "$@"
