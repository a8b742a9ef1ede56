#!/bin/bash
# Caja deb post-install. electron-builder runs this INSTEAD of its own after-install template, so the first
# part repeats the template's steps (app-builder-lib/templates/linux/after-install.tpl): the /usr/bin link and
# the chrome-sandbox mode. The file is a template: only the ${executable} and ${sanitizedProductName} macros
# may use the dollar-brace form; shell variables below are written as $NAME.
set -e

APP_DIR='/opt/${sanitizedProductName}'
BIN='${executable}'

# 1. Link the executable into /usr/bin (through update-alternatives where available).
if type update-alternatives >/dev/null 2>&1; then
  if [ -L "/usr/bin/$BIN" ] && [ -e "/usr/bin/$BIN" ] && [ "$(readlink "/usr/bin/$BIN")" != "/etc/alternatives/$BIN" ]; then
    rm -f "/usr/bin/$BIN"
  fi
  update-alternatives --install "/usr/bin/$BIN" "$BIN" "$APP_DIR/$BIN" 100 || ln -sf "$APP_DIR/$BIN" "/usr/bin/$BIN"
else
  ln -sf "$APP_DIR/$BIN" "/usr/bin/$BIN"
fi

# 2. The Chromium sandbox helper. Where unprivileged user namespaces work the SUID helper is not needed;
#    elsewhere it must be root-owned 4755 or the renderer sandbox cannot start (Caja never runs --no-sandbox).
if ! { [ -L /proc/self/ns/user ] && unshare --user true 2>/dev/null; }; then
  chmod 4755 "$APP_DIR/chrome-sandbox" || true
else
  chmod 0755 "$APP_DIR/chrome-sandbox" || true
fi

if hash update-desktop-database 2>/dev/null; then
  update-desktop-database /usr/share/applications || true
fi

# 3. Device access. The rules (build/udev/99-caja-devices.rules, kept by the drivers team) give the teller's
#    seat access to the certified printers, readers and scanners (GROUP plugdev/dialout, TAG+="uaccess") and
#    keep ModemManager off CDC-ACM devices (ENV{ID_MM_DEVICE_IGNORE}="1").
RULES_SRC="$APP_DIR/resources/udev/99-caja-devices.rules"
RULES_DST='/etc/udev/rules.d/99-caja-devices.rules'
if [ -f "$RULES_SRC" ]; then
  install -m 0644 -o root -g root "$RULES_SRC" "$RULES_DST"
  if hash udevadm 2>/dev/null; then
    udevadm control --reload-rules || true
    udevadm trigger --subsystem-match=tty --subsystem-match=hidraw --subsystem-match=usb || true
  fi
else
  echo "Caja: no se encontraron reglas udev en $RULES_SRC; los periféricos pueden requerir permisos manuales." >&2
fi

# 4. Serial devices (/dev/ttyUSB*, /dev/ttyACM*) not matched by a rule are readable by the dialout group only.
#    The installer does not change group membership (that is the bank's identity management); to grant it:
#        sudo usermod -aG dialout <usuario-cajero>    # then log out and in again
echo "Caja: si un periférico serie no responde, agregue al usuario al grupo dialout (sudo usermod -aG dialout USUARIO)."

exit 0
