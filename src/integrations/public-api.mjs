/**
 * Astro integration: after the build, publish the public API (`src/lib/api.ts`) as an ES module at
 * `/lib/v1/scaling-ledger.js` with its TypeScript declarations (`scaling-ledger.d.ts`, which
 * re-exports the declarations of each module under `types/`). Vite bundles it (it resolves the
 * fixtures' `import.meta.glob`); the TypeScript compiler writes the declarations. The module is
 * not minified, so a reader can read it. Deno picks up the types through `@ts-self-types`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { build } from 'vite';

/** Where the module is published, relative to the site's root. Version 1 never changes meaning. */
export const PUBLIC_API_DIR = 'lib/v1';
export const PUBLIC_API_FILE = 'scaling-ledger.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = join(ROOT, 'src/lib/api.ts');

/** Bundle src/lib/api.ts into `outDir/scaling-ledger.js`. */
export async function bundlePublicApi(outDir) {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: false,
      minify: false,
      target: 'es2022',
      copyPublicDir: false,
      lib: { entry: ENTRY, formats: ['es'], fileName: () => PUBLIC_API_FILE },
    },
  });
  const file = join(outDir, PUBLIC_API_FILE);
  const js = await readFile(file, 'utf8');
  const banner = [
    '// @ts-self-types="./scaling-ledger.d.ts"',
    '// Scaling Ledger public API v1: the scaling laws of Kaplan et al. 2020, Hoffmann et al. 2022 and',
    '// Besiroglu et al. 2024 with their cited constants. Reference: ../../api/ on the same site.',
    '',
  ].join('\n');
  await writeFile(file, banner + js);
}

/** Write the declarations of src/lib/api.ts and what it imports into `outDir/types/`, and the entry `.d.ts`. */
export async function declarePublicApi(outDir) {
  const options = {
    declaration: true,
    emitDeclarationOnly: true,
    allowImportingTsExtensions: true,
    rewriteRelativeImportExtensions: true,
    resolveJsonModule: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    types: ['vite/client'],
    rootDir: join(ROOT, 'src/lib'),
    outDir: join(outDir, 'types'),
  };
  const program = ts.createProgram([ENTRY], options);
  const files = [];
  const result = program.emit(undefined, (fileName, text) => files.push({ fileName, text }), undefined, true);
  if (result.emitSkipped) throw new Error('public API: TypeScript could not write the declarations');
  for (const { fileName, text } of files) {
    await mkdir(dirname(fileName), { recursive: true });
    // Relative imports name the published .js/.d.ts siblings, not the sources.
    await writeFile(fileName, text.replace(/(from\s+['"]\.{1,2}\/[^'"]+)\.ts(['"])/g, '$1.js$2'));
  }
  await writeFile(join(outDir, 'scaling-ledger.d.ts'), "export * from './types/api.js';\n");
  return files.map((f) => relative(outDir, f.fileName)).sort();
}

export default function publicApi() {
  return {
    name: 'scaling-ledger:public-api',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = join(fileURLToPath(dir), PUBLIC_API_DIR);
        await mkdir(outDir, { recursive: true });
        await bundlePublicApi(outDir);
        const declared = await declarePublicApi(outDir);
        logger.info(`/${PUBLIC_API_DIR}/${PUBLIC_API_FILE} with ${declared.length} declaration files`);
      },
    },
  };
}
