#!/usr/bin/env bash
# Copies the third-party files the page embeds into static/vendor/ from
# exact npm versions. Run it by hand after changing a version below, then
# commit static/vendor/. Licences are listed in the repository's NOTICE.
set -euo pipefail
cd "$(dirname "$0")"
WORLD_ATLAS=2.0.2      # ISC, country outlines (Natural Earth 1:110m, public domain)
TOPOJSON_CLIENT=3.1.0  # ISC, TopoJSON decoder
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
npm install --silent --no-audit --no-fund --prefix "$tmp" \
  "world-atlas@$WORLD_ATLAS" "topojson-client@$TOPOJSON_CLIENT"
mkdir -p static/vendor
cp "$tmp/node_modules/world-atlas/countries-110m.json" static/vendor/countries-110m.json
cp "$tmp/node_modules/topojson-client/dist/topojson-client.min.js" static/vendor/topojson-client.min.js
cp "$tmp/node_modules/world-atlas/LICENSE" static/vendor/LICENSE.world-atlas
cp "$tmp/node_modules/topojson-client/LICENSE" static/vendor/LICENSE.topojson-client
ls -l static/vendor
