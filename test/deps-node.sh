#!/bin/sh
# node-postgres for the client programs of docs/clients.md: npm ci installs
# the versions test/clients/package-lock.json pins into
# test/clients/node_modules.  Node.js and npm come from Debian's packages
# when the machine has no npm.  Quiet when everything is there.
set -eu
test=$(cd "$(dirname "$0")" && pwd)
cd "$test/clients"

if ! command -v npm >/dev/null 2>&1; then
	"$test/deps.sh" nodejs npm
fi
# npm ci writes node_modules/.package-lock.json: newer than the lock file
# means the installed packages are the ones it pins.
if [ ! node_modules/.package-lock.json -nt package-lock.json ]; then
	echo "make deps: npm ci in test/clients (node-postgres)"
	npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
