// node-rtsp-stream ships no types; the gateway uses only its MPEG-1 muxer.
declare module 'node-rtsp-stream/mpeg1muxer.js' {
  import type { EventEmitter } from 'node:events';
  import type { ChildProcess } from 'node:child_process';
  interface Mpeg1MuxerOptions {
    url: string;
    ffmpegPath: string;
    /** Output options, placed after `-f mpegts -codec:v mpeg1video` (a flag with '' has no value). */
    ffmpegOptions?: Record<string, string | number>;
  }
  class Mpeg1Muxer extends EventEmitter {
    constructor(options: Mpeg1MuxerOptions);
    stream: ChildProcess;
    on(event: 'mpeg1data' | 'ffmpegStderr', listener: (data: Buffer) => void): this;
    on(event: 'exitWithError', listener: () => void): this;
  }
  export default Mpeg1Muxer;
}
