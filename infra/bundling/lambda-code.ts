import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  AssetHashType,
  type BundlingOptions,
  BundlingOutput,
  DockerImage,
  type ILocalBundling,
} from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { type LambdaBuildSpec, projectRoot } from './build-lambda.ts';

const cliFile = path.join(import.meta.dirname, 'build-lambda-cli.ts');
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** Longest a single bundle may take before synth gives up (esbuild needs ~1 s). */
const bundleTimeoutMs = 5 * 60_000;

/**
 * Bundles one function with the local esbuild JS API (plugins included) instead of Docker.
 *
 * `tryBundle` is synchronous, and esbuild plugins only run with the asynchronous API, so it
 * blocks on a child `node` running `build-lambda-cli.ts`. It never returns `false`: a failure
 * throws with esbuild's message rather than falling back to a Docker image that does not exist
 * here. The public `spec` also feeds CDK's asset cache key, which keeps the four assets apart.
 */
export class EsbuildLocalBundling implements ILocalBundling {
  constructor(readonly spec: LambdaBuildSpec) {}

  tryBundle(outputDir: string, _options: BundlingOptions): boolean {
    const child = spawnSync(
      process.execPath,
      ['--import', tsxLoader, cliFile, JSON.stringify({ spec: this.spec, outDir: outputDir })],
      {
        cwd: projectRoot,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: bundleTimeoutMs,
      },
    );
    if (child.error) {
      throw new Error(`bundling ${this.spec.name} could not run: ${child.error.message}`);
    }
    if (child.status !== 0) {
      throw new Error(
        `bundling ${this.spec.name} failed (exit ${child.status ?? child.signal}): ` +
          `${child.stderr.trim() || child.stdout.trim()}`,
      );
    }
    process.stderr.write(child.stderr);
    return true;
  }
}

/**
 * A Lambda `Code` built by {@link EsbuildLocalBundling} at synth.
 *
 * The asset's source path is the project root only because CDK requires a directory: with
 * `AssetHashType.OUTPUT` nothing there is fingerprinted or copied, the hash is that of the
 * bundle, so an unchanged bundle is an unchanged deployment. Stacks left out of
 * `aws:cdk:bundling-stacks` skip bundling altogether, as CDK does for any bundled asset.
 */
export function bundledLambdaCode(spec: LambdaBuildSpec): Code {
  return Code.fromAsset(projectRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Required by the type; never pulled because local bundling always succeeds or throws.
      image: DockerImage.fromRegistry('claimwatch/local-esbuild-only'),
      local: new EsbuildLocalBundling(spec),
      outputType: BundlingOutput.NOT_ARCHIVED,
    },
  });
}
