import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import {
  jsdomStandalonePlugin,
  patchedModules,
  preferCommonJsPlugin,
  runtimeFileReferences,
  xhrSyncWorkerFile,
} from './esbuild-plugins.ts';

/** The repository root: entries, copied files and source-map paths are relative to it. */
export const projectRoot = path.resolve(import.meta.dirname, '..', '..');

/** The file the Lambda runtime loads; the function's handler setting is `index.handler`. */
export const handlerFile = 'index.mjs';

/** Lambda handler string matching {@link handlerFile}. */
export const lambdaHandler = 'index.handler';

/**
 * Node.js version the bundles are compiled for; must match the functions' runtime. esbuild
 * only lowers syntax for older targets, so the same bundle also runs on the local Node 20.
 */
export const nodeTarget = 'node24';

/** A file copied verbatim into an asset, e.g. the feed list for schedule-polls. */
export interface AssetFile {
  /** Source path, absolute or relative to {@link projectRoot}. */
  readonly from: string;
  /** Path inside the asset. */
  readonly to: string;
  /** Parse the file as JSON at build time, so a broken file fails synth instead of a cold start. */
  readonly json?: boolean;
}

/** Everything needed to build one function's asset; plain data so it can cross a process. */
export interface LambdaBuildSpec {
  /** Function name, used in messages. */
  readonly name: string;
  /** Handler module, absolute or relative to {@link projectRoot}. */
  readonly entry: string;
  /** The handler imports jsdom: emit its sync-XHR worker and patch jsdom for bundling. */
  readonly jsdom?: boolean;
  /** Extra files to place in the asset. */
  readonly files?: readonly AssetFile[];
}

/** One file of a built asset. */
export interface AssetFileInfo {
  readonly file: string;
  readonly bytes: number;
}

/** What a build produced, for size reporting and tests. */
export interface LambdaBuildResult {
  readonly name: string;
  readonly outDir: string;
  readonly files: readonly AssetFileInfo[];
  /** Bytes of everything in the asset. */
  readonly totalBytes: number;
  /** Bytes of the JavaScript the runtime loads (excluding source maps and data files). */
  readonly codeBytes: number;
}

/**
 * Packages whose ESM build cannot be bundled (see `preferCommonJsPlugin`). Only css-tree today:
 * its ESM build reads its data through `createRequire(import.meta.url)`.
 */
const commonJsOnly = ['css-tree'] as const;

/**
 * Defines `require` for CommonJS dependencies inside the ESM bundle: without it esbuild's
 * `__require` shim throws "Dynamic require of "fs" is not supported". esbuild renames any
 * user-level `require` binding, so this cannot collide.
 */
const banner =
  "import { createRequire as __claimwatchCreateRequire } from 'node:module';\n" +
  'const require = __claimwatchCreateRequire(import.meta.url);';

/**
 * Where esbuild believes it writes (nothing is written there: `write: false`). esbuild hashes
 * chunk names over contents that include source-map paths relative to its outdir, so a fixed
 * outdir makes the bytes, and CDK's asset hash, the same wherever the asset really goes.
 */
const virtualOutDir = path.join(projectRoot, '.lambda-bundle');

const resolveFromProject = (p: string) => (path.isAbsolute(p) ? p : path.join(projectRoot, p));

/**
 * The esbuild options for one function. Exported so tests and tools can inspect exactly what
 * synth runs.
 *
 * Why these choices:
 * - ESM (`.mjs`) so handler code may use `import.meta.url` and top-level await, which a CJS
 *   bundle would silently break; `require`, `__dirname` and `__filename` are provided for the
 *   CommonJS dependencies (banner and `define`).
 * - Everything bundled, the AWS SDK v3 included: the versions we test are the versions that run
 *   (the runtime's SDK drifts), and an asset that needs nothing from its surroundings can be
 *   proved locally by importing it from an empty directory.
 * - Whitespace and syntax minified, identifiers not, and names kept (SDK and jsdom code read
 *   `constructor.name`): a stack trace names the real functions (`pollFeed`, `processItem`)
 *   with no source maps. No maps ship and no function sets `--enable-source-maps`, which made
 *   the first error in an environment about ten times slower to report and added 8 MB of
 *   assets; the identifiers cost a few per cent of code size and no measurable import time.
 * - Code splitting only matters with jsdom: the handler and the sync-XHR worker share one chunk.
 */
export function esbuildOptions(spec: LambdaBuildSpec, outDir: string): BuildOptions {
  const entryPoints = [{ in: resolveFromProject(spec.entry), out: 'index' }];
  if (spec.jsdom) {
    const require = createRequire(import.meta.url);
    const workerSource = require.resolve('jsdom/lib/jsdom/living/xhr/xhr-sync-worker.js');
    entryPoints.push({ in: workerSource, out: xhrSyncWorkerFile.replace(/\.mjs$/, '') });
  }
  return {
    absWorkingDir: projectRoot,
    entryPoints,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: nodeTarget,
    format: 'esm',
    splitting: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: false,
    keepNames: true,
    sourcemap: false,
    legalComments: 'none',
    banner: { js: banner },
    define: {
      __dirname: 'import.meta.dirname',
      __filename: 'import.meta.filename',
      'process.env.NODE_ENV': '"production"',
    },
    // jsdom's optional peer, required inside try/catch: absent means "no canvas support".
    external: ['canvas'],
    metafile: true,
    write: false,
    logLevel: 'silent',
    plugins: [
      preferCommonJsPlugin(commonJsOnly),
      jsdomStandalonePlugin({ workerEmitted: spec.jsdom === true }),
    ],
  };
}

/**
 * Fails the build when a bundled input looks for files beside itself at run time (see
 * `runtimeFileReferences`). esbuild stays silent about such code in node_modules, and minified
 * output hides it, so the sources are scanned: a new jsdom, css-tree or any other dependency
 * doing this fails synth instead of the first cold start.
 */
async function checkInputs(spec: LambdaBuildSpec, metafile: Metafile): Promise<void> {
  const problems: string[] = [];
  for (const input of Object.keys(metafile.inputs)) {
    if (!/\.[cm]?[jt]sx?$/.test(input) || patchedModules.some((p) => p.test(input))) continue;
    const source = await readFile(path.resolve(projectRoot, input), 'utf8');
    for (const { pattern, what } of runtimeFileReferences) {
      if (pattern.test(source)) problems.push(`${input}: ${what}`);
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `claimwatch bundler: ${spec.name} bundles code that needs files the asset will not have:\n  ` +
        `${problems.join('\n  ')}\nPatch it in infra/bundling/esbuild-plugins.ts, or keep it out.`,
    );
  }
}

/** Source-map `sources` relative to the project root, so outputs do not depend on `outDir`. */
function relocateSourceMap(text: string, outDir: string): string {
  const map = JSON.parse(text) as { sources: string[] };
  map.sources = map.sources.map((source) =>
    path.relative(projectRoot, path.resolve(outDir, source)).split(path.sep).join('/'),
  );
  return JSON.stringify(map);
}

/**
 * Builds one function's Lambda asset into `outDir` (new or empty): `index.mjs` and its
 * chunks and source maps, plus the spec's extra files. This is what `cdk synth` runs (through
 * `build-lambda-cli.ts`) and what the bundle tests run, so a test of the output is a test of
 * the deployed code. Throws with a message naming the function on any problem.
 */
export async function buildLambda(
  spec: LambdaBuildSpec,
  outDir: string,
): Promise<LambdaBuildResult> {
  const entry = resolveFromProject(spec.entry);
  if (!existsSync(entry)) {
    throw new Error(`claimwatch bundler: ${spec.name}: handler ${spec.entry} does not exist`);
  }
  const absoluteOutDir = path.resolve(outDir);
  await mkdir(absoluteOutDir, { recursive: true });
  if ((await readdir(absoluteOutDir)).length > 0) {
    throw new Error(
      `claimwatch bundler: ${spec.name}: ${outDir} is not empty (stale files would ship)`,
    );
  }

  let result: Awaited<ReturnType<typeof build>>;
  try {
    result = await build(esbuildOptions(spec, virtualOutDir));
  } catch (error) {
    const errors = (
      error as { errors?: { text: string; location?: { file: string; line: number } }[] }
    ).errors;
    const detail = errors
      ?.map((e) => (e.location ? `${e.location.file}:${e.location.line}: ${e.text}` : e.text))
      .join('\n  ');
    throw new Error(
      `claimwatch bundler: esbuild failed for ${spec.name}:\n  ${detail ?? String(error)}`,
    );
  }
  await checkInputs(spec, result.metafile!);

  const files: AssetFileInfo[] = [];
  for (const output of result.outputFiles ?? []) {
    const file = path.relative(virtualOutDir, output.path);
    const target = path.join(absoluteOutDir, file);
    let contents: string | Uint8Array = output.contents;
    if (file.endsWith('.map')) contents = relocateSourceMap(output.text, virtualOutDir);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, contents);
    files.push({
      file,
      bytes: typeof contents === 'string' ? Buffer.byteLength(contents) : contents.byteLength,
    });
  }

  for (const extra of spec.files ?? []) {
    const from = resolveFromProject(extra.from);
    if (!existsSync(from)) {
      throw new Error(`claimwatch bundler: ${spec.name}: ${extra.from} does not exist`);
    }
    if (extra.json) {
      try {
        JSON.parse(await readFile(from, 'utf8'));
      } catch (error) {
        throw new Error(
          `claimwatch bundler: ${spec.name}: ${extra.from} is not valid JSON: ${(error as Error).message}`,
        );
      }
    }
    const to = path.join(absoluteOutDir, extra.to);
    await mkdir(path.dirname(to), { recursive: true });
    await copyFile(from, to);
    files.push({ file: extra.to, bytes: (await stat(to)).size });
  }

  files.sort((a, b) => a.file.localeCompare(b.file));
  return {
    name: spec.name,
    outDir: absoluteOutDir,
    files,
    totalBytes: files.reduce((sum, f) => sum + f.bytes, 0),
    codeBytes: files.filter((f) => f.file.endsWith('.mjs')).reduce((sum, f) => sum + f.bytes, 0),
  };
}
