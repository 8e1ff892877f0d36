import path from "node:path";
import type { BuildOptions, Plugin } from "esbuild";

export interface LambdaNodejs {
  format: "esm";
  minify: boolean;
  splitting: boolean;
  esbuild: { plugins: Plugin[] };
}

/**
 * ElectroDB's `require("@aws-sdk/lib-dynamodb")` is answered with packages/core/src/electrodb-lib.ts,
 * which db.ts fills with the commands ElectroDB sends (not Scan). esbuild keeps all of a module reached by
 * require(), so the package itself would put every DynamoDB command and schema into the chunk the
 * API's entry shares with the domain. Paths are from the project root, where SST and the bench run.
 */
export const electrodbLib: Plugin = {
  name: "vernetzt-electrodb-lib",
  setup(build) {
    build.onResolve({ filter: /^@aws-sdk\/lib-dynamodb$/ }, (args) =>
      /[\\/]node_modules[\\/]electrodb[\\/]/.test(args.importer) ? { path: path.resolve("packages/core/src/electrodb-lib.ts") } : undefined,
    );
  },
};

/** The `nodejs` props every Vernetzt function is deployed with. */
export const LAMBDA_NODEJS: LambdaNodejs = {
  format: "esm",
  minify: true,
  // Chunks per dynamic import: a request loads only the modules its route uses (SES, Markdown, PDF …).
  splitting: true,
  esbuild: { plugins: [electrodbLib] },
} satisfies LambdaNodejs;

/**
 * The esbuild options SST 2.49's Node runtime (sst/runtime/handlers/node.js) derives from those
 * props for a deploy, reproduced so the bench measures the bundles Lambda gets. Written to
 * `outdir` as `<entry name>.mjs` (plus `chunk-*.mjs` with splitting).
 */
export function lambdaEsbuildOptions(entry: string, outdir: string, nodejs: LambdaNodejs = LAMBDA_NODEJS): BuildOptions {
  return {
    entryPoints: [entry],
    platform: "node",
    external: ["sharp", "pg-native"],
    keepNames: true,
    bundle: true,
    logLevel: "silent",
    splitting: nodejs.splitting,
    metafile: true,
    outExtension: { ".js": ".mjs" },
    format: "esm",
    target: "esnext",
    mainFields: ["module", "main"],
    banner: {
      js: [
        `import { createRequire as topLevelCreateRequire } from 'module';`,
        `const require = topLevelCreateRequire(import.meta.url);`,
        `import { fileURLToPath as topLevelFileUrlToPath, URL as topLevelURL } from "url"`,
        `const __dirname = topLevelFileUrlToPath(new topLevelURL(".", import.meta.url))`,
        "",
      ].join("\n"),
    },
    ...(nodejs.splitting ? { outdir } : { outfile: path.join(outdir, path.parse(entry).name + ".mjs") }),
    sourcemap: true,
    minify: nodejs.minify,
    ...nodejs.esbuild,
  };
}
