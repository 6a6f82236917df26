#!/usr/bin/env bash
# Updates data/mass_1.mas20.txt (the repository ships the AME2020 table) and validates it by content.
#   data/fetch-ame2020.sh [--force] [PATH]
# Source, in order: PATH, then $ANNFT_AME2020, then a download from the Atomic Mass Data Center.
# A file whose sha256 differs from the published table's is refused (exit 2) unless --force is given.
set -euo pipefail
force=0
if [ "${1:-}" = "--force" ]; then
  force=1
  shift
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="$here/mass_1.mas20.txt"
url="https://www-nds.iaea.org/amdc/ame2020/mass_1.mas20.txt"
published_sha256="7ffd0b94bf74c3ba748e2561f0cc1e47ecdf889b422103afbdbb085c2faa9934"

src="${1:-${ANNFT_AME2020:-}}"
tmp="$(mktemp "$here/.mass_1.mas20.txt.XXXXXX")"
trap 'rm -f "$tmp"' EXIT

if [ -n "$src" ]; then
  [ -f "$src" ] || { echo "fetch-ame2020: no file at $src" >&2; exit 2; }
  cp "$src" "$tmp"
  echo "fetch-ame2020: copying $src" >&2
else
  echo "fetch-ame2020: downloading $url" >&2
  if command -v curl >/dev/null; then
    curl -fsSL --retry 2 -o "$tmp" "$url" || { echo "fetch-ame2020: download failed; pass a local copy: $0 PATH" >&2; exit 2; }
  elif command -v wget >/dev/null; then
    wget -q -O "$tmp" "$url" || { echo "fetch-ame2020: download failed; pass a local copy: $0 PATH" >&2; exit 2; }
  else
    echo "fetch-ame2020: neither curl nor wget found; pass a local copy: $0 PATH" >&2; exit 2
  fi
fi

# Validate by content: the AME2020 header, the column titles, and 3558 nuclide lines after them.
grep -q "mass.mas20" "$tmp" || { echo "fetch-ame2020: not the AME2020 mass table (no 'mass.mas20' in the header)" >&2; exit 2; }
title_line="$(grep -n '^1N-Z' "$tmp" | head -n 1 | cut -d: -f1)"
[ -n "$title_line" ] || { echo "fetch-ame2020: no column-title line (1N-Z ...) found" >&2; exit 2; }
nuclides="$(tail -n +"$((title_line + 2))" "$tmp" | grep -cv '^[[:space:]]*$' || true)"
if [ "$nuclides" != "3558" ]; then
  echo "fetch-ame2020: warning: $nuclides nuclide lines, the published AME2020 table has 3558" >&2
fi
sha="$(sha256sum "$tmp" | cut -d' ' -f1)"
if [ "$sha" = "$published_sha256" ]; then
  echo "fetch-ame2020: sha256 matches the published mass_1.mas20.txt" >&2
elif [ "$force" = 1 ]; then
  echo "fetch-ame2020: warning: sha256 $sha differs from the published file's $published_sha256 (installed: --force)" >&2
else
  echo "fetch-ame2020: sha256 $sha differs from the published file's $published_sha256; not installed (--force installs it)" >&2
  exit 2
fi
mv "$tmp" "$target"
trap - EXIT
echo "fetch-ame2020: installed $target ($nuclides nuclides)" >&2
