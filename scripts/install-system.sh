#!/usr/bin/env bash
# Installs what the system needs that is not an npm package, from Debian's
# packages: InfluxDB 1.x (influxd) for the series; ffmpeg, which the gateway uses to
# turn cameras' RTSP into MPEG-1 and the simulated cameras use to make their
# pictures (with the DejaVu font for their burned-in clock); and, for the browser
# tests and screenshots, Chromium. Idempotent; needs root (apt-get).
set -euo pipefail
need=()
command -v influxd >/dev/null 2>&1 || need+=(influxdb)
command -v ffmpeg >/dev/null 2>&1 || need+=(ffmpeg)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ] || need+=(fonts-dejavu-core)
if [ "${WITH_BROWSER:-1}" = 1 ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "install-system: installing ${need[*]} (Debian packages)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# The packaged service must not hold the default ports; the project runs its own influxd.
if command -v systemctl >/dev/null 2>&1; then systemctl disable --now influxdb >/dev/null 2>&1 || true; fi
echo "install-system: influxd $(influxd version 2>/dev/null | head -1); $(ffmpeg -version 2>/dev/null | head -1)"
