import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'esbuild';

/**
 * Name of the bundled jsdom sync-XHR worker, emitted beside the handler. jsdom starts it with
 * `new Worker(file)` for synchronous XMLHttpRequest, so it has to be a file of its own.
 */
export const xhrSyncWorkerFile = 'xhr-sync-worker.mjs';

const computedStyleModule =
  /[\\/]jsdom[\\/]lib[\\/]jsdom[\\/]living[\\/]css[\\/]helpers[\\/]computed-style\.js$/;
const xhrImplModule =
  /[\\/]jsdom[\\/]lib[\\/]jsdom[\\/]living[\\/]xhr[\\/]XMLHttpRequest-impl\.js$/;
const defaultStylesheet = /[\\/]jsdom[\\/]lib[\\/]jsdom[\\/]browser[\\/]default-stylesheet\.css$/;

/** `fs.readFileSync(path.resolve(__dirname, "<rel>/default-stylesheet.css"), { encoding: "utf-8" })` */
const stylesheetRead =
  /fs\.readFileSync\(\s*path\.resolve\(\s*__dirname\s*,\s*("[^"]*default-stylesheet\.css")\s*\)\s*,\s*\{\s*encoding:\s*"utf-8"\s*\}\s*\)/;
/** `require.resolve("./xhr-sync-worker.js")` */
const workerResolve = /require\.resolve\(\s*"\.\/xhr-sync-worker\.js"\s*\)/;

/** Thrown at build time when jsdom's source no longer has the shape these patches expect. */
function patchFailed(file: string, what: string): never {
  throw new Error(
    `claimwatch bundler: ${file} no longer contains ${what}; jsdom changed, so update ` +
      'infra/bundling/esbuild-plugins.ts (and run test/integration/bundle-jsdom.test.ts)',
  );
}

/**
 * Makes jsdom work from a single bundle with no `node_modules` beside it.
 *
 * Bundled naively, jsdom dies at import on Lambda: it reads `browser/default-stylesheet.css`
 * relative to `__dirname` (which now is the bundle's directory) and `require.resolve`s its
 * sync-XHR worker at load time. This plugin, at build time and failing loudly if jsdom's code
 * changed shape:
 * - inlines the default stylesheet as a string (text loader) in place of the file read;
 * - points the worker path at {@link xhrSyncWorkerFile} beside the bundle, which the build must
 *   emit as a second entry point (`esbuildOptions` does, for `jsdom: true`), instead of
 *   `require.resolve`; ESM code splitting keeps jsdom in one chunk shared by both entries.
 *
 * The rewritten code keeps using `__dirname` (never `import.meta`, which would make esbuild treat
 * jsdom's CommonJS file as ESM); the build defines `__dirname` as `import.meta.dirname`.
 */
export function jsdomStandalonePlugin(options: { workerEmitted: boolean }): Plugin {
  return {
    name: 'claimwatch-jsdom-standalone',
    setup(build) {
      build.onLoad({ filter: computedStyleModule }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const match = stylesheetRead.exec(source);
        if (!match) patchFailed(args.path, 'the default-stylesheet.css read');
        return {
          contents: source.replace(stylesheetRead, `require(${match[1]})`),
          loader: 'js',
          resolveDir: path.dirname(args.path),
        };
      });
      build.onLoad({ filter: defaultStylesheet }, async (args) => ({
        contents: await readFile(args.path, 'utf8'),
        loader: 'text',
      }));
      build.onLoad({ filter: xhrImplModule }, async (args) => {
        if (!options.workerEmitted) {
          throw new Error(
            'claimwatch bundler: this bundle includes jsdom but was built without its sync-XHR ' +
              'worker; set `jsdom: true` on the function in infra/bundling/lambda-assets.ts',
          );
        }
        const source = await readFile(args.path, 'utf8');
        if (!workerResolve.test(source)) patchFailed(args.path, 'require.resolve of the worker');
        return {
          contents: source.replace(
            workerResolve,
            `require("node:path").join(__dirname, ${JSON.stringify(xhrSyncWorkerFile)})`,
          ),
          loader: 'js',
          resolveDir: path.dirname(args.path),
        };
      });
    },
  };
}

/**
 * Resolves the listed packages with the `require` export condition even when imported with
 * `import`, so the bundle gets their CommonJS build.
 *
 * css-tree's ESM build loads its data with `createRequire(import.meta.url)('mdn-data/…json')`,
 * a runtime require esbuild cannot follow, so the ESM copy would look for `node_modules` on
 * Lambda. jsdom already `require`s the CommonJS build (which esbuild inlines, JSON included);
 * sending `@asamuzakjp/dom-selector`'s `import` there too fixes the runtime lookup and removes a
 * second copy of css-tree and mdn-data from the bundle.
 */
export function preferCommonJsPlugin(packages: readonly string[]): Plugin {
  const names = packages.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
  const filter = new RegExp(`^(?:${names})(?:/.*)?$`);
  return {
    name: 'claimwatch-prefer-commonjs',
    setup(build) {
      build.onResolve({ filter }, async (args) => {
        if (args.kind !== 'import-statement' && args.kind !== 'dynamic-import') return undefined;
        if ((args.pluginData as { preferCommonJs?: boolean } | undefined)?.preferCommonJs) {
          return undefined;
        }
        const resolved = await build.resolve(args.path, {
          kind: 'require-call',
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: { preferCommonJs: true },
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        return {
          path: resolved.path,
          external: resolved.external,
          sideEffects: resolved.sideEffects,
        };
      });
    },
  };
}

/** Modules {@link jsdomStandalonePlugin} rewrites; their on-disk source is expected to match. */
export const patchedModules: readonly RegExp[] = [computedStyleModule, xhrImplModule];

/**
 * Source patterns that look for files beside the module at run time. Inside a bundle the module
 * no longer has its package around it, so each is a crash waiting for a cold start; the build
 * fails when a bundled input (other than {@link patchedModules}) contains one.
 */
export const runtimeFileReferences: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /require\.resolve\(\s*["']\.{1,2}\//, what: 'require.resolve() of a relative file' },
  { pattern: /readFileSync\([^)]*__dirname/, what: 'a file read relative to __dirname' },
  { pattern: /(?:join|resolve)\(\s*__dirname/, what: 'a path built from __dirname' },
  {
    pattern: /createRequire\(\s*import\.meta\.url\s*\)/,
    what: 'createRequire(import.meta.url), whose require() esbuild cannot follow',
  },
];
