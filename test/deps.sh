#!/bin/sh
# Install the Debian packages given as arguments that are not installed yet,
# plus the ones that follow the PostgreSQL major version of pg_config.
# Quiet when everything is there; root installs directly, others use sudo.
set -eu

missing() {
	for p in "$@"; do
		if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
			printf '%s\n' "$p"
		fi
	done
}

install() {
	[ $# -gt 0 ] || return 0
	echo "make deps: installing $*"
	if [ "$(id -u)" = 0 ]; then
		sudo=
	elif command -v sudo >/dev/null 2>&1; then
		sudo=sudo
	else
		echo "make deps: need root or sudo to install: $*" >&2
		exit 1
	fi
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# shellcheck disable=SC2046
install $(missing "$@")

# Packages named after the server's major version.
major=$(pg_config --version | sed -n 's/^PostgreSQL \([0-9]*\).*/\1/p')
if [ -z "$major" ]; then
	echo "make deps: pg_config did not report a PostgreSQL version" >&2
	exit 1
fi
# shellcheck disable=SC2046
install $(missing "postgresql-$major" "postgresql-server-dev-$major" "postgresql-$major-cron")
