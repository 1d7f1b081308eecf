// Reads a zip (yauzl) and gives each entry's size and SHA-256, streaming, plus the bytes of the
// few small entries the caller asks to keep. The only file that knows yauzl.
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';

export interface ZipEntryDigest {
  size: number;
  sha256: string;
  /** The entry's bytes, when it was asked for and not larger than asked. */
  bytes?: Buffer;
  /** Why the entry could not be read (corrupt data, wrong size, bad CRC…). */
  unreadable?: string;
}

export interface ZipDigest {
  entries: Map<string, ZipEntryDigest>;
  /** Names that occur more than once: a second copy could hide behind the first. */
  duplicates: string[];
}

/** A file that is not a zip, or one too damaged to list. */
export class UnreadableZipError extends Error {}

/** `keep(name)`: the most bytes of that entry to keep in memory, 0 for none. */
export async function digestZip(path: string, keep: (name: string) => number): Promise<ZipDigest> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true });
  } catch (err) {
    throw new UnreadableZipError(`${path}: ${(err as Error).message}`);
  }
  const out: ZipDigest = { entries: new Map(), duplicates: [] };
  try {
    for await (const entry of entries(zip)) {
      if (entry.fileName.endsWith('/')) continue; // a directory holds no data
      if (out.entries.has(entry.fileName)) out.duplicates.push(entry.fileName);
      else out.entries.set(entry.fileName, await digestEntry(zip, entry, keep(entry.fileName)));
    }
  } catch (err) {
    throw new UnreadableZipError(`${path}: ${(err as Error).message}`);
  } finally {
    zip.close();
  }
  return out;
}

async function* entries(zip: yauzl.ZipFile): AsyncGenerator<yauzl.Entry> {
  for (;;) {
    const next = await new Promise<yauzl.Entry | null>((resolve, reject) => {
      const cleanup = () => { zip.off('entry', onEntry); zip.off('end', onEnd); zip.off('error', onError); };
      const onEntry = (e: yauzl.Entry) => { cleanup(); resolve(e); };
      const onEnd = () => { cleanup(); resolve(null); };
      const onError = (err: Error) => { cleanup(); reject(err); };
      zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
      zip.readEntry();
    });
    if (!next) return;
    yield next;
  }
}

async function digestEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, keepUpTo: number): Promise<ZipEntryDigest> {
  const hash = createHash('sha256');
  const kept: Buffer[] = [];
  const keeping = keepUpTo > 0 && entry.uncompressedSize <= keepUpTo;
  let size = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      if (keeping && size <= keepUpTo) kept.push(chunk);
      done();
    },
  });
  try {
    await pipeline(await zip.openReadStreamPromise(entry), sink);
  } catch (err) {
    return { size, sha256: hash.digest('hex'), unreadable: (err as Error).message };
  }
  return { size, sha256: hash.digest('hex'), ...(keeping && size <= keepUpTo ? { bytes: Buffer.concat(kept) } : {}) };
}
