// Writes a brotli (.br) and a gzip (.gz) copy next to every text file of the
// build, once, at maximum compression: the server sends them as they are
// (@fastify/static `preCompressed`) instead of compressing on each request,
// which matters on a collection point's mobile connection.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|wasm)$/;
/** Below this a compressed copy saves less than the headers it costs. */
const MIN_BYTES = 512;

export interface CompressedFile {
  file: string;
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
}

/** Compresses every compressible file under `dir` (recursively); returns what it wrote. */
export async function precompressDirectory(dir: string): Promise<CompressedFile[]> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = names.filter((d) => d.isFile() && COMPRESSIBLE.test(d.name)).map((d) => join(d.parentPath, d.name));
  const written = await Promise.all(
    files.map(async (file): Promise<CompressedFile | null> => {
      const bytes = await readFile(file);
      if (bytes.length < MIN_BYTES) return null;
      const [br, gzipped] = await Promise.all([
        brotli(bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          },
        }),
        gz(bytes, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gzipped)]);
      return { file, bytes: bytes.length, brotliBytes: br.length, gzipBytes: gzipped.length };
    }),
  );
  return written.filter((f) => f !== null);
}

export function precompressAssets(): Plugin {
  let outDir = 'dist';
  return {
    name: 'alutrace:precompress-assets',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir);
    },
    // After the files are written, and only when the build succeeded.
    async writeBundle() {
      const files = await precompressDirectory(outDir);
      const sum = (pick: (f: CompressedFile) => number): string =>
        `${(files.reduce((n, f) => n + pick(f), 0) / 1000).toFixed(1)} kB`;
      this.info(
        `precompressed ${files.length} files: ${sum((f) => f.bytes)} → ${sum((f) => f.gzipBytes)} gzip, ${sum((f) => f.brotliBytes)} brotli`,
      );
    },
  };
}
