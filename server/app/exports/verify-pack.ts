// Verifies an inspection pack offline (rule book section 7.4): the manifest's signature first,
// then every file against the manifest. Names exactly what changed. The manifest is only
// trusted once its signature holds: a changed hash inside it must not be blamed on a data file.
import { digestZip, type ZipDigest } from '../../adapters/zip/zip-digest.ts';
import {
  INTEGRITY_FILES, MANIFEST_FILE, PUBLIC_KEY_FILE, SIGNATURE_FILE, keyFingerprint, parseManifest, parsePublicKey, parseSignatureFile,
  publicPemOf, verifyBytes, type PackManifest,
} from '../../domain/exports/manifest.ts';

export { UnreadableZipError } from '../../adapters/zip/zip-digest.ts';

export interface PackVerdict {
  intact: boolean;
  /** One line per problem, each starting with what happened and naming the file. */
  problems: string[];
  /** Facts worth printing either way (the signer, whether the key was pinned). */
  notes: string[];
  manifest: PackManifest | null;
}

const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
const MAX_SMALL_BYTES = 16 * 1024;

/** `pinnedKeyPem`: the server's public key as the inspector got it from the authority; without
 *  it the key inside the pack is used, which proves integrity but not who signed. */
export async function verifyPack(zipPath: string, opts: { pinnedKeyPem?: string } = {}): Promise<PackVerdict> {
  const zip = await digestZip(zipPath, (name) => (name === MANIFEST_FILE ? MAX_MANIFEST_BYTES : INTEGRITY_FILES.includes(name) ? MAX_SMALL_BYTES : 0));
  const signed = checkSignature(zip, opts.pinnedKeyPem);
  if (!signed.manifest) return { intact: false, problems: signed.problems, notes: signed.notes, manifest: null };
  const problems = [...signed.problems, ...checkFiles(zip, signed.manifest)];
  return { intact: problems.length === 0, problems, notes: signed.notes, manifest: signed.manifest };
}

interface Signed { problems: string[]; notes: string[]; manifest: PackManifest | null }

function checkSignature(zip: ZipDigest, pinnedKeyPem: string | undefined): Signed {
  const fail = (...problems: string[]): Signed => ({ problems, notes: [], manifest: null });
  const missing = INTEGRITY_FILES.filter((name) => !zip.entries.has(name));
  if (missing.includes(MANIFEST_FILE) || missing.includes(SIGNATURE_FILE)) return fail(...missing.map((n) => `MISSING ${n}: the pack cannot be verified without it`));
  const sigEntry = zip.entries.get(SIGNATURE_FILE)!;
  const signature = sigEntry.bytes ? parseSignatureFile(sigEntry.bytes) : null;
  if (!signature) return fail(`CHANGED ${SIGNATURE_FILE}: not a well-formed signature file (sha256 ${sigEntry.sha256})`);
  const manifestEntry = zip.entries.get(MANIFEST_FILE)!;
  const parsed = manifestEntry.bytes ? parseManifest(manifestEntry.bytes) : { error: 'too large or unreadable' };
  if ('error' in parsed) return fail(`CHANGED ${MANIFEST_FILE}: ${parsed.error} (sha256 ${manifestEntry.sha256})`);
  const { manifest } = parsed;

  const problems: string[] = [];
  const notes: string[] = [];
  const packKeyEntry = zip.entries.get(PUBLIC_KEY_FILE);
  const packKey = packKeyEntry?.bytes ? parsePublicKey(packKeyEntry.bytes) : null;
  if (!packKeyEntry) problems.push(`MISSING ${PUBLIC_KEY_FILE}`);
  else if (!packKey) problems.push(`CHANGED ${PUBLIC_KEY_FILE}: not an Ed25519 public key`);
  else if (!packKeyEntry.bytes!.equals(Buffer.from(publicPemOf(packKey)))) {
    // PEM parsers skip stray bytes; the writer's file is exact, so any difference is a change.
    problems.push(`CHANGED ${PUBLIC_KEY_FILE}: not the PEM the server writes (sha256 ${packKeyEntry.sha256})`);
  }
  else if (keyFingerprint(packKey) !== manifest.keyFingerprint) {
    problems.push(`CHANGED ${PUBLIC_KEY_FILE}: fingerprint ${keyFingerprint(packKey)} expected ${manifest.keyFingerprint}`);
  }

  const pinned = pinnedKeyPem === undefined ? null : parsePublicKey(pinnedKeyPem);
  if (pinnedKeyPem !== undefined && !pinned) throw new PinnedKeyError('the --key file is not an Ed25519 public key (PEM)');
  // Without a pinned key, a changed pack key leaves nothing to check the signature with; blaming
  // manifest.json for the failure that would follow would name the wrong file.
  if (!pinned && problems.length > 0) return { problems, notes: ['Pin the server\'s key with --key to check the rest of the pack.'], manifest: null };
  const key = (pinned ?? packKey)!;
  const fingerprint = keyFingerprint(key);
  if (!verifyBytes(manifestEntry.bytes!, signature, key)) {
    if (pinned && fingerprint !== manifest.keyFingerprint) {
      problems.push(`WRONG KEY: the pack says it was signed by key ${manifest.keyFingerprint}, the pinned key is ${fingerprint}`);
    } else {
      problems.push(`CHANGED ${MANIFEST_FILE}: the signature does not match it (sha256 ${manifestEntry.sha256})`);
    }
    return { problems, notes, manifest: null };
  }
  notes.push(pinned
    ? `Signed by the pinned key ${fingerprint}.`
    : `Signature checked with the key inside the pack (${fingerprint}); this proves the pack is unchanged since signing, not who signed it. Pin the server's key with --key.`);
  return { problems, notes, manifest };
}

function checkFiles(zip: ZipDigest, manifest: PackManifest): string[] {
  const problems = zip.duplicates.map((name) => `DUPLICATE ${name}: the pack holds this name more than once`);
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const file of manifest.files) {
    const found = zip.entries.get(file.path);
    if (!found) problems.push(`MISSING ${file.path}: listed in the manifest, not in the pack`);
    else if (found.unreadable) problems.push(`CHANGED ${file.path}: cannot be read (${found.unreadable})`);
    else if (found.size !== file.size) problems.push(`CHANGED ${file.path}: ${found.size} bytes, expected ${file.size}`);
    else if (found.sha256 !== file.sha256) problems.push(`CHANGED ${file.path}: sha256 ${found.sha256} expected ${file.sha256}`);
  }
  for (const name of zip.entries.keys()) {
    if (!listed.has(name) && !INTEGRITY_FILES.includes(name)) problems.push(`ADDED ${name}: in the pack, not in the manifest`);
  }
  return problems;
}

/** The --key file is unusable: a usage error, not a verdict on the pack. */
export class PinnedKeyError extends Error {}

export function formatVerdict(zipPath: string, v: PackVerdict): string {
  const lines = [v.intact ? `INTACT ${zipPath}` : `NOT INTACT ${zipPath}`];
  if (v.manifest) {
    const m = v.manifest;
    const scope = m.scope.kind === 'kitchen' ? `kitchen ${m.scope.kitchenId}` : `jurisdiction ${m.scope.jurisdictionId}`;
    lines.push(`  ${scope}, ${m.range.from} to ${m.range.to} (${m.range.zone}), generated ${m.generatedAt} by ${m.generator.name} ${m.generator.version}`);
    lines.push(`  ${m.files.length} files; audit chain head seq ${m.audit.seq} hash ${m.audit.hash ?? '(empty log)'}${m.audit.chainOk ? '' : ' (the chain did NOT verify when the pack was made)'}`);
  }
  for (const note of v.notes) lines.push(`  ${note}`);
  for (const problem of v.problems) lines.push(`  ${problem}`);
  return lines.join('\n');
}
