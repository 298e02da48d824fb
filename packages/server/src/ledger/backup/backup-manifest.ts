// backup-manifest.json: what a backup holds and what its verification found,
// so that restore can check the copy it makes against it before putting it in place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { BACKUP_MANIFEST_FILE } from './data-dir-files';
import { writePrivateFile } from './private-files';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const backupManifestSchema = z.object({
  format: z.literal('alutrace-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  /** The entries in the copy and the root of their tree, as the verifier recomputed them. */
  treeSize: z.number().int().nonnegative(),
  rootHash: hex64,
  origin: z.string().min(1),
  verifierKey: z.string().min(1),
  /** The live ledger's newest checkpoint, read before copying: the copy extends it. Null for a ledger without one. */
  liveCheckpoint: z.string().nullable(),
  files: z
    .array(z.object({ name: z.string().min(1), bytes: z.number().int().nonnegative(), sha256: hex64 }))
    .refine((files) => new Set(files.map((f) => f.name)).size === files.length, 'a file is listed twice'),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;

export function manifestPath(backupDir: string): string {
  return join(backupDir, BACKUP_MANIFEST_FILE);
}

export function writeBackupManifest(backupDir: string, manifest: BackupManifest): void {
  writePrivateFile(manifestPath(backupDir), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The manifest, or why it cannot be used; throws (ENOENT) when there is none. */
export function readBackupManifest(backupDir: string): { manifest: BackupManifest } | { invalid: string } {
  const text = readFileSync(manifestPath(backupDir), 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { invalid: (e as Error).message };
  }
  const parsed = backupManifestSchema.safeParse(json);
  if (!parsed.success) {
    return { invalid: parsed.error.issues.map((i) => `${i.path.join('.') || 'manifest'}: ${i.message}`).join('; ') };
  }
  return { manifest: parsed.data };
}
