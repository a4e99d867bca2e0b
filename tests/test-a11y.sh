#!/bin/sh
# test-a11y.sh: runs test-a11y.py in a private D-Bus session with its own
# AT-SPI bus, on the display the ui suite provides; skips (77) without them.
set -u
[ -n "${DISPLAY:-}" ] || { echo "no display"; exit 77; }
command -v dbus-run-session >/dev/null || { echo "no dbus-run-session"; exit 77; }
launcher=/usr/libexec/at-spi-bus-launcher
[ -x "$launcher" ] || { echo "no at-spi-bus-launcher (at-spi2-core)"; exit 77; }
/usr/bin/python3 -c 'import pyatspi' 2>/dev/null || { echo "no pyatspi (python3-pyatspi)"; exit 77; }

# The app keeps the suite's fatal warnings; the AT-SPI client must not:
# pyatspi warns when it asks a window for its cache before the window has one.
export GK_APP_G_DEBUG="${G_DEBUG:-}"
unset G_DEBUG
exec dbus-run-session -- sh -c '
  '"$launcher"' --launch-immediately &
  launcher=$!
  /usr/bin/python3 "$0"
  status=$?
  kill $launcher 2>/dev/null
  exit $status' "$(dirname "$0")/test-a11y.py"
