// Writes an inspection pack as a zip stream: files go in as they come, each hashed on its way
// through (never a whole file in memory), then manifest.json, manifest.sig and server-key.pub
// last, once every file's size and SHA-256 are known (rule book section 7.4).
import { createHash } from 'node:crypto';
import { PassThrough, Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import {
  MANIFEST_FILE, PUBLIC_KEY_FILE, SIGNATURE_FILE, buildManifest, manifestBytes, packPathProblem, signBytes, signatureFileText,
  type ManifestInfo, type PackFile, type PackManifest,
} from '../../domain/exports/manifest.ts';
import type { ServerKey } from '../../adapters/keys/server-key.ts';

export type PackSource = Readable | Buffer | string;

export interface PackWriter {
  /** Queues a file; resolves with its size and hash once the zip has taken all of it. */
  add(path: string, source: PackSource): Promise<PackFile>;
  /** Signs the manifest, writes the integrity files and ends the zip; resolves once `out` has finished. */
  finish(info: ManifestInfo): Promise<PackManifest>;
}

export interface PackWriterDeps {
  key: Pick<ServerKey, 'privateKey' | 'publicPem' | 'fingerprint'>;
  /** The entries' timestamp (the pack's generation time), so the clock stays injected. */
  mtime: Date;
}

export function createPackWriter(out: Writable, deps: PackWriterDeps): PackWriter {
  const zip = new yazl.ZipFile();
  const written = pipeline(zip.outputStream as Readable, out);
  written.catch(() => {}); // awaited in finish(); this only keeps an early failure from going unhandled
  // A failing source fails the whole pack: a pack with a truncated file must never look finished.
  zip.on('error', (err: Error) => (zip.outputStream as Readable).destroy(err));
  const pending: Array<Promise<PackFile>> = [];
  const paths = new Set<string>();
  let finished = false;

  const add = (path: string, source: PackSource): Promise<PackFile> => {
    if (finished) throw new Error('pack already finished');
    const problem = packPathProblem(path);
    if (problem) throw new Error(`pack file "${path}" ${problem}`);
    if (paths.has(path)) throw new Error(`pack file "${path}" added twice`);
    paths.add(path);
    const entry = typeof source === 'string' || Buffer.isBuffer(source) ? addBuffer(zip, path, Buffer.from(source), deps.mtime) : addStream(zip, path, source, deps.mtime);
    entry.catch(() => {}); // reported by finish() as well
    pending.push(entry);
    return entry;
  };

  const finish = async (info: ManifestInfo): Promise<PackManifest> => {
    if (finished) throw new Error('pack already finished');
    finished = true;
    const files = await Promise.all(pending);
    const manifest = buildManifest(info, deps.key.fingerprint, files);
    const bytes = manifestBytes(manifest);
    const options = { mtime: deps.mtime };
    zip.addBuffer(bytes, MANIFEST_FILE, options);
    zip.addBuffer(Buffer.from(signatureFileText(signBytes(bytes, deps.key.privateKey))), SIGNATURE_FILE, options);
    zip.addBuffer(Buffer.from(deps.key.publicPem), PUBLIC_KEY_FILE, options);
    zip.end();
    await written;
    return manifest;
  };

  return { add, finish };
}

function addBuffer(zip: yazl.ZipFile, path: string, bytes: Buffer, mtime: Date): Promise<PackFile> {
  zip.addBuffer(bytes, path, { mtime });
  return Promise.resolve({ path, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
}

/** The source flows through a hashing pass-through into the zip; the hash is final when the zip
 *  has read the last byte. Back-pressure from `out` reaches the source through the zip. */
function addStream(zip: yazl.ZipFile, path: string, source: Readable, mtime: Date): Promise<PackFile> {
  const hash = createHash('sha256');
  let size = 0;
  const hasher = new Transform({
    transform(chunk: Buffer | string, _enc, done) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      hash.update(bytes);
      size += bytes.length;
      done(null, bytes);
    },
  });
  const toZip = new PassThrough();
  zip.addReadStream(toZip, path, { mtime });
  return new Promise<PackFile>((resolve, reject) => {
    toZip.once('end', () => resolve({ path, size, sha256: hash.digest('hex') }));
    pipeline(source, hasher, toZip).catch((err: Error) => {
      reject(new Error(`pack file "${path}": ${err.message}`));
    });
  });
}
