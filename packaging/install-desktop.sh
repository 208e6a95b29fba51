#!/usr/bin/env bash
# Desktop integration for one user on Linux (XDG): the launcher entry, the icon set, the
# .casepath file type and the AppStream metainfo under ${XDG_DATA_HOME:-~/.local/share}.
#   packaging/install-desktop.sh                  # Exec=casepath (pip install on PATH)
#   packaging/install-desktop.sh --exec /opt/casepath/casepath   # a bundle, by its path
#   casepath/_internal/packaging/install-desktop.sh   # from inside a bundle: that bundle
#   packaging/install-desktop.sh --uninstall
# Needs no root; writes nothing outside the data directory.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
icons="$here/../resources/icons"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
id="org.casepath.Casepath"
exec_cmd="casepath"
# Inside a bundle (dist/casepath/_internal/packaging/) the program is the bundle's own.
if [ "$(basename "$(dirname "$here")")" = "_internal" ] && [ -x "$here/../../casepath" ]; then
    exec_cmd="$(cd "$here/../.." && pwd)/casepath"
fi
mode="install"

while [ $# -gt 0 ]; do
    case "$1" in
        --exec) exec_cmd="${2:?--exec needs the path of the casepath program}"; shift 2 ;;
        --uninstall) mode="uninstall"; shift ;;
        -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
        *) echo "install-desktop.sh: unknown option $1" >&2; exit 2 ;;
    esac
done

refresh() {
    command -v update-mime-database >/dev/null && update-mime-database "$data/mime" >/dev/null 2>&1 || true
    command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
    command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
}

if [ "$mode" = "uninstall" ]; then
    rm -f "$data/applications/$id.desktop" "$data/mime/packages/$id.xml" \
        "$data/metainfo/$id.metainfo.xml" "$data/icons/hicolor/scalable/apps/$id.svg"
    for size in 16 24 32 48 64 128 256 512; do
        rm -f "$data/icons/hicolor/${size}x${size}/apps/$id.png"
    done
    refresh
    echo "Casepath's desktop integration removed from $data."
    exit 0
fi

case "$exec_cmd" in
    /*) [ -x "$exec_cmd" ] || { echo "install-desktop.sh: $exec_cmd is not a program" >&2; exit 2; } ;;
esac
# Exec= needs quoting if the path has spaces (Desktop Entry spec: double quotes); characters
# that would need escaping inside the quotes are refused rather than half-escaped.
case "$exec_cmd" in
    *[\"\`\$\\%\|\&]*) echo "install-desktop.sh: please use a path without \" \` \$ \\ % | &" >&2; exit 2 ;;
esac
case "$exec_cmd" in *" "*) exec_field="\"$exec_cmd\"" ;; *) exec_field="$exec_cmd" ;; esac

install -d -m 0755 "$data/applications" "$data/mime/packages" "$data/metainfo" \
    "$data/icons/hicolor/scalable/apps"
sed "s|^Exec=casepath |Exec=$exec_field |" "$here/$id.desktop" > "$data/applications/$id.desktop"
chmod 0644 "$data/applications/$id.desktop"
install -m 0644 "$here/casepath-mime.xml" "$data/mime/packages/$id.xml"
install -m 0644 "$here/$id.metainfo.xml" "$data/metainfo/$id.metainfo.xml"
install -m 0644 "$icons/casepath.svg" "$data/icons/hicolor/scalable/apps/$id.svg"
for size in 16 24 32 48 64 128 256 512; do
    install -d -m 0755 "$data/icons/hicolor/${size}x${size}/apps"
    install -m 0644 "$icons/casepath-$size.png" "$data/icons/hicolor/${size}x${size}/apps/$id.png"
done
refresh
echo "Casepath installed for this user in $data (runs: $exec_cmd)."
