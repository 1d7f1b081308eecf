// The manifest of an inspection pack (rule book section 7.4): what the pack covers, the audit
// chain's head when it was made, and the size and SHA-256 of every file, as canonical JSON so
// that the signed bytes can be rebuilt from the parsed value. Signed with the server's Ed25519
// key (docs/decisions/0012-inspection-pack-integrity.md). Pure: no I/O, no clock (node:crypto
// only computes).
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { AuditVerification } from '../../../contracts/alert-workflow.ts';
import { canonicalJson } from '../audit/canonical.ts';

export const PACK_FORMAT = 'kitchen-cold-watch/inspection-pack';
export const PACK_FORMAT_VERSION = 1;

/** The three files a pack ends with; they are not listed in the manifest's `files`. */
export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';
export const PUBLIC_KEY_FILE = 'server-key.pub';
export const INTEGRITY_FILES: readonly string[] = [MANIFEST_FILE, SIGNATURE_FILE, PUBLIC_KEY_FILE];

const Hex64 = Type.String({ pattern: '^[0-9a-f]{64}$' });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const PackFile = Type.Object({ path: Type.String({ minLength: 1 }), size: Type.Integer({ minimum: 0 }), sha256: Hex64 }, { additionalProperties: false });
export type PackFile = Static<typeof PackFile>;

export const PackManifest = Type.Object({
  format: Type.Literal(PACK_FORMAT),
  formatVersion: Type.Literal(PACK_FORMAT_VERSION),
  scope: Type.Union([
    Type.Object({ kind: Type.Literal('kitchen'), kitchenId: Type.String() }, { additionalProperties: false }),
    Type.Object({ kind: Type.Literal('jurisdiction'), jurisdictionId: Type.String() }, { additionalProperties: false }),
  ]),
  range: Type.Object({ from: Day, to: Day, zone: Type.String() }, { additionalProperties: false }),
  generatedAt: Type.String({ description: 'ISO 8601, UTC' }),
  generator: Type.Object({ name: Type.String(), version: Type.String() }, { additionalProperties: false }),
  audit: Type.Object({
    seq: Type.Integer({ minimum: 0, description: 'seq of the newest audit entry, 0 for an empty log' }),
    hash: Type.Union([Hex64, Type.Null()]),
    chainOk: Type.Boolean({ description: 'whether the chain verified when the pack was made' }),
  }, { additionalProperties: false }),
  keyFingerprint: Hex64,
  files: Type.Array(PackFile),
}, { additionalProperties: false });
export type PackManifest = Static<typeof PackManifest>;

/** What the caller says about a pack; the writer adds format, key and files. */
export type ManifestInfo = Pick<PackManifest, 'scope' | 'range' | 'generatedAt' | 'generator' | 'audit'>;

/** The audit head from a chain verification. Seqs run 1, 2, 3… with no gap (a gap breaks the
 *  chain), so the number of entries is the newest entry's seq. */
export const auditHeadOf = (v: AuditVerification): PackManifest['audit'] => ({ seq: v.entries, hash: v.head, chainOk: v.ok });

export function buildManifest(info: ManifestInfo, keyFingerprint: string, files: readonly PackFile[]): PackManifest {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { format: PACK_FORMAT, formatVersion: PACK_FORMAT_VERSION, ...info, keyFingerprint, files: sorted };
}

/** The exact bytes that are signed and stored as manifest.json. */
export const manifestBytes = (m: PackManifest): Buffer => Buffer.from(canonicalJson(m), 'utf8');

/** The manifest in `bytes`, or why they are not one: not JSON, not the schema, or not in
 *  canonical form (then the bytes were edited, since the writer only writes canonical ones). */
export function parseManifest(bytes: Buffer): { manifest: PackManifest } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { error: 'not valid JSON' };
  }
  if (!Value.Check(PackManifest, value)) return { error: 'not a pack manifest of this format' };
  if (!manifestBytes(value).equals(bytes)) return { error: 'not in canonical form' };
  return { manifest: value };
}

/** A pack file's path: relative, forward slashes, no "." or ".." part, not an integrity file. */
export function packPathProblem(path: string): string | null {
  if (path === '' || path.startsWith('/') || path.includes('\\')) return 'must be a relative path with forward slashes';
  if (path.split('/').some((part) => part === '' || part === '.' || part === '..')) return 'must not have empty, "." or ".." parts';
  if (INTEGRITY_FILES.includes(path)) return 'is reserved for the pack\'s integrity files';
  return null;
}

/** SHA-256 of the public key's DER (SubjectPublicKeyInfo), lowercase hex. */
export function keyFingerprint(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

/** The public key in a PEM text, or null when it is not an Ed25519 public key. */
export function parsePublicKey(pem: string | Buffer): KeyObject | null {
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

/** The SPKI PEM the server writes into every pack. */
export const publicPemOf = (publicKey: KeyObject): string => publicKey.export({ type: 'spki', format: 'pem' }).toString();

export const signBytes = (bytes: Buffer, privateKey: KeyObject): Buffer => sign(null, bytes, privateKey);

export function verifyBytes(bytes: Buffer, signature: Buffer, publicKey: KeyObject): boolean {
  try {
    return verify(null, bytes, publicKey, signature);
  } catch {
    return false;
  }
}

/** manifest.sig: the base64 signature, then a checksum line of the signature itself. The
 *  checksum protects nothing (anyone can recompute it); it tells a changed manifest.sig from a
 *  changed manifest.json when the signature does not verify, so the verifier names the right file.
 *  Verifying with other tools: `head -1 manifest.sig | base64 -d`. */
export function signatureFileText(signature: Buffer): string {
  return `${signature.toString('base64')}\nsha256:${createHash('sha256').update(signature).digest('hex')}\n`;
}

/** The signature in manifest.sig, or null when the file is not one this writer wrote. */
export function parseSignatureFile(bytes: Buffer): Buffer | null {
  const match = /^([A-Za-z0-9+/]{86}==)\nsha256:([0-9a-f]{64})\n$/.exec(bytes.toString('latin1'));
  if (!match) return null;
  const signature = Buffer.from(match[1]!, 'base64');
  if (signature.length !== 64 || signatureFileText(signature) !== match[0]) return null;
  return signature;
}
