// The part of @cycjimmy/jsmpeg-player (v6, a fork of phoboslab's JSMpeg) the dashboard uses.
// The package ships no types; these follow dist/jsmpeg-player.esm.js.
declare module '@cycjimmy/jsmpeg-player' {
  /** MPEG1 (JS) or MPEG1WASM. The JS decoder also has codedWidth and the planes (currentY, forwardY). */
  export interface JSMpegVideoDecoder {
    width?: number;
    codedWidth?: number;
    decode(): boolean;
  }

  /** WebGLRenderer or CanvasRenderer: render() gets the picture just decoded, Y plane with stride ((width + 15) >> 4) << 4. */
  export interface JSMpegRenderer {
    width: number;
    height: number;
    gl?: WebGLRenderingContext;
    render(y: Uint8Array, cr: Uint8Array, cb: Uint8Array, isClampedArray?: boolean): void;
    destroy(): void;
  }

  export interface JSMpegSource {
    socket: WebSocket | null;
    established: boolean;
    shouldAttemptReconnect: boolean;
    reconnectTimeoutId: ReturnType<typeof setTimeout> | number;
    start(): void;
    destroy(): void;
  }

  export interface JSMpegPlayerOptions {
    canvas?: HTMLCanvasElement;
    audio?: boolean;
    video?: boolean;
    autoplay?: boolean;
    pauseWhenHidden?: boolean;
    disableGl?: boolean;
    disableWebAssembly?: boolean;
    /** Seconds between reconnect attempts of the WebSocket source; 0: none. */
    reconnectInterval?: number;
    videoBufferSize?: number;
    preserveDrawingBuffer?: boolean;
    decodeFirstFrame?: boolean;
    onVideoDecode?: (decoder: JSMpegVideoDecoder, elapsedSeconds: number) => void;
    onSourceEstablished?: (source: JSMpegSource) => void;
  }

  export class JSMpegPlayer {
    constructor(url: string, options?: JSMpegPlayerOptions);
    source: JSMpegSource;
    video?: JSMpegVideoDecoder;
    renderer?: JSMpegRenderer;
    /** Called once per animation frame while streaming; decodes one picture. */
    updateForStreaming(): void;
    play(): void;
    destroy(): void;
  }

  const JSMpeg: {
    Player: typeof JSMpegPlayer;
    Renderer: { WebGL: { IsSupported(): boolean } };
  };
  export default JSMpeg;
}
