/**
 * Child-process entry for {@link buildLambda}: `node --import tsx build-lambda-cli.ts '<json>'`
 * with `{ "spec": LambdaBuildSpec, "outDir": string }`.
 *
 * It exists because CDK's `ILocalBundling.tryBundle` is synchronous while esbuild plugins need
 * the asynchronous `build` API; the CDK side blocks on this process with `spawnSync`. Progress
 * goes to stderr only, so the CDK app's stdout stays clean.
 */
import { buildLambda, type LambdaBuildSpec } from './build-lambda.ts';

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

try {
  const { spec, outDir } = JSON.parse(process.argv[2] ?? '') as {
    spec: LambdaBuildSpec;
    outDir: string;
  };
  const started = performance.now();
  const result = await buildLambda(spec, outDir);
  process.stderr.write(
    `claimwatch: bundled ${spec.name} in ${Math.round(performance.now() - started)} ms: ` +
      `${kib(result.codeBytes)} code, ${kib(result.totalBytes)} with source maps and files\n`,
  );
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
