#!/bin/sh
# install.sh -- install maglev's Debian build dependencies (when missing), then build.
# Usage: ./install.sh        (uses sudo when not run as root)
set -e
cd "$(dirname "$0")"

PKGS="build-essential liblmdb-dev libpq-dev postgresql-15 libonig-dev libgmp-dev libffi-dev libedit-dev libssl-dev zlib1g-dev libyaml-dev ruby libruby3.1 ruby-minitest ruby-sqlite3 ruby-rspec ruby-thor ruby-tzinfo ruby-concurrent ruby-sequel ruby-pg ruby-bundler tzdata rake unicode-data ruby-webrick ruby-rack ruby-sinatra ruby-ffi tmux time"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "install.sh: installing$missing"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
fi

make -j"$(nproc)" all
