// WebGL for the video tiles, within limits. Browsers keep only about 16 WebGL contexts per page
// and drop the oldest beyond that, and JSMpeg probes support by creating a throwaway context for
// every player. So: probe once, share the answer with JSMpeg, and draw at most MAX_GL_PLAYERS
// tiles with WebGL; the rest (and every tile where WebGL is off, as in a GPU-less headless
// Chromium) use JSMpeg's Canvas2D renderer, which looks the same.
import JSMpeg from '@cycjimmy/jsmpeg-player';

const MAX_GL_PLAYERS = 8;
let supported: boolean | null = null;
let inUse = 0;

function probe(): boolean {
  if (supported !== null) return supported;
  try {
    const gl = document.createElement('canvas').getContext('webgl');
    supported = !!gl;
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    supported = false;
  }
  return supported;
}

JSMpeg.Renderer.WebGL.IsSupported = probe;

/** Whether the next player may draw with WebGL. */
export function webGlSlotFree(): boolean {
  return probe() && inUse < MAX_GL_PLAYERS;
}

/** Counts a WebGL context in use until the returned release is called; releasing also frees the context now, not at GC. */
export function holdWebGl(gl: WebGLRenderingContext): () => void {
  inUse += 1;
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    inUse -= 1;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  };
}
