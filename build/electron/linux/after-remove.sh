#!/bin/bash
# Caja deb post-remove. Replaces electron-builder's after-remove template, so it repeats its step (remove the
# /usr/bin link) and undoes what after-install.sh added (the udev rules). Template: only ${executable} and
# ${sanitizedProductName} use the dollar-brace form.
APP_DIR='/opt/${sanitizedProductName}'
BIN='${executable}'

if type update-alternatives >/dev/null 2>&1; then
  update-alternatives --remove "$BIN" "$APP_DIR/$BIN" || true
else
  rm -f "/usr/bin/$BIN"
fi

# On an upgrade dpkg runs the old postrm with "upgrade" and the new after-install right after: keep the rules.
RULES_DST='/etc/udev/rules.d/99-caja-devices.rules'
if { [ "$1" = "remove" ] || [ "$1" = "purge" ]; } && [ -f "$RULES_DST" ]; then
  rm -f "$RULES_DST"
  if hash udevadm 2>/dev/null; then
    udevadm control --reload-rules || true
  fi
fi

exit 0
