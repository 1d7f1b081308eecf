#!/bin/sh
# ffmpeg for node-rtsp-stream's MPEG-1 muxer (gateway/cameras/live-streams.ts). The muxer
# places every option it is given after `-i` (output options), so the input options the
# gateway needs go here: RTSP over TCP (interleaved, as the kitchen network's NATs and
# firewalls allow), a 5 s socket timeout so a dead camera ends the stream, and no stream
# probing beyond what the SDP says: ffmpeg otherwise reads ~20 frames (1.3 s at 15 fps)
# before its first output, most of a viewer's wait for the first picture.
exec "${KCW_FFMPEG:-ffmpeg}" -hide_banner -nostdin -rtsp_transport tcp -timeout 5000000 \
  -fflags nobuffer -flags low_delay -fpsprobesize 0 -analyzeduration 0 -probesize 32 "$@"
