#!/usr/bin/env bash
# Packs calmclient as it would be published, installs the tarball globally into a fresh prefix and
# runs the installed command from outside the repository: --version, then a scripted crisis in a
# temporary CALMCLIENT_HOME. The package has no runtime dependency, so the install needs no network.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/calmclient-pack-XXXXXX")
trap 'rm -rf "$work"' EXIT

cd "$root"
tarball="$work/$(npm pack --silent --pack-destination "$work" | tail -n 1)"
size=$(wc -c < "$tarball")
echo "packed $(basename "$tarball"): $size bytes"
if [ "$size" -ge 600000 ]; then
  echo "pack-smoke: the tarball is over 600 kB" >&2
  exit 1
fi

# As from the registry, where npm runs no script of the package (`prepare` is for a clone): npm 11
# would otherwise warn that a tarball's `prepare` is not in allowScripts.
npm install --global --prefix "$work/prefix" --no-audit --no-fund --ignore-scripts "$tarball"
calmclient="$work/prefix/bin/calmclient"

cd "$work"
# Everything calmclient writes goes into this temporary home, and Node's compile cache into $work.
export CALMCLIENT_HOME="$work/home" TMPDIR="$work" NO_COLOR=1
expected=$(node -p "require('$root/package.json').version")
actual=$("$calmclient" --version)
if [ "$actual" != "$expected" ]; then
  echo "pack-smoke: --version printed '$actual', expected '$expected'" >&2
  exit 1
fi
echo "calmclient --version: $actual (Node $(node --version))"

"$calmclient" start --answers "$root/tests/fixtures/answers/crisis-en.yaml"
for written in "$CALMCLIENT_HOME"/recaps/*-recap.md "$CALMCLIENT_HOME"/recaps/*-email.md "$CALMCLIENT_HOME"/recaps/*-email.eml; do
  if [ ! -s "$written" ]; then
    echo "pack-smoke: start did not write $written" >&2
    exit 1
  fi
done
"$calmclient" playbooks list --quiet > /dev/null
echo "pack-smoke: ok"
