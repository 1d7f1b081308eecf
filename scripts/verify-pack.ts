// npm run verify-pack -- <pack.zip> [--key <server-key.pem>]
// Verifies an inspection pack offline. Exit 0: intact; 1: not intact; 2: usage error or a file
// that cannot be read as a zip.
import { readFileSync } from 'node:fs';
import { PinnedKeyError, UnreadableZipError, formatVerdict, verifyPack } from '../server/app/exports/verify-pack.ts';

const USAGE = 'usage: npm run verify-pack -- <pack.zip> [--key <server-key.pem>]';

function parseArgs(argv: string[]): { zip: string; keyPath?: string } | null {
  const rest = [...argv];
  let keyPath: string | undefined;
  const k = rest.indexOf('--key');
  if (k >= 0) {
    keyPath = rest[k + 1];
    if (!keyPath) return null;
    rest.splice(k, 2);
  }
  if (rest.length !== 1 || rest[0]!.startsWith('-')) return null;
  return { zip: rest[0]!, ...(keyPath ? { keyPath } : {}) };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    console.error(USAGE);
    return 2;
  }
  try {
    const pinnedKeyPem = args.keyPath === undefined ? undefined : readFileSync(args.keyPath, 'utf8');
    const verdict = await verifyPack(args.zip, pinnedKeyPem === undefined ? {} : { pinnedKeyPem });
    console.log(formatVerdict(args.zip, verdict));
    return verdict.intact ? 0 : 1;
  } catch (err) {
    if (err instanceof UnreadableZipError || err instanceof PinnedKeyError || typeof (err as NodeJS.ErrnoException).code === 'string') {
      console.error(`cannot verify: ${(err as Error).message}`);
      return 2;
    }
    throw err;
  }
}

process.exitCode = await main();
