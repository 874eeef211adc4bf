#!/bin/bash
# Print what a screen reader on Linux (Orca) is given: the app's AT-SPI
# tree, one node a line (depth, role, name, states), as an ordinary user
# (not root) on an X display. Needs at-spi2-core, python3-pyatspi, dbus,
# xdotool. Usage: DISPLAY=:99 packaging/atspi-tree.sh JOURNAL [> tree.txt]
#
# The AT-SPI bus is started with accessibility on (`--a11y=1`): setting
# org.a11y.Status.IsEnabled by hand does nothing without a desktop's
# settings daemon, and without it AccessKit never registers the app.
set -eu
journal=${1:?usage: packaging/atspi-tree.sh JOURNAL}
app=${STUDYLOG:-target/release/studylog}
exec dbus-run-session -- bash -s "$journal" "$app" <<'INNER'
set -eu
/usr/libexec/at-spi-bus-launcher --launch-immediately --a11y=1 --screen-reader=1 &
sleep 1
"$2" "$1" >/dev/null 2>&1 &
sleep 5
/usr/bin/python3 - <<'PY'
import time, pyatspi
STATES = ("focusable", "focused", "selected", "checked", "expandable", "expanded")
def walk(node, depth):
    states = node.getState()
    flags = [s for s in STATES if states.contains(getattr(pyatspi, "STATE_" + s.upper()))]
    print(f"{depth}\t{node.getRoleName()}\t{node.name or ''}\t{','.join(flags)}")
    for i in range(min(node.childCount, 2000)):
        walk(node.getChildAtIndex(i), depth + 1)
desktop = pyatspi.Registry.getDesktop(0)
for _ in range(20):
    apps = [desktop.getChildAtIndex(i) for i in range(desktop.childCount)]
    apps = [a for a in apps if a is not None and a.name == "studylog"]
    if apps:
        break
    time.sleep(0.5)
for app in apps:
    walk(app, 0)
PY
kill %2
INNER
