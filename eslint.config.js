// `npm run lint`. typescript-eslint's recommended rules (not the type-checked set: it
// would type the whole program on every run) plus the module boundaries of
// house-style.md: app/core imports no domain, a domain is reached only through its
// index.ts, and only the entry points (app/server.ts, app/worker.ts, scripts/*) read the
// environment: domains and app/site receive their settings.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";
import pydotorg from "./eslint/import-boundaries.js";

const TESTS = ["**/*.test.ts", "app/testing/**"];

const NO_ENV = "Domains and the site get settings from the composition root (config), not from process.env.";
const NO_TEST_TOOLS = "Test tooling belongs in *.test.ts and app/testing/: production code must load after npm ci --omit=dev.";

/** no-restricted-imports options; one block's options replace an earlier block's, so each block lists all it needs. */
function restrictImports({ env }) {
  const paths = ["vitest", "@playwright/test", "@axe-core/playwright"].map((name) => ({ name, message: NO_TEST_TOOLS }));
  if (env) paths.push(...["node:process", "process"].map((name) => ({ name, importNames: ["env"], message: NO_ENV })));
  return ["error", { paths, patterns: [{ group: ["vitest/*"], message: NO_TEST_TOOLS }] }];
}

export default defineConfig(
  { ignores: ["app/generated/**", "dist/**", ".dist-test-*/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**", "coverage/**"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_`-prefixed names are deliberately unused (kept for a signature).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
      // Every hit strips or rejects control characters on purpose (input sanitising).
      "no-control-regex": "off",
    },
  },
  {
    files: ["static/js/**/*.js"],
    languageOptions: { globals: { ...globals.browser }, sourceType: "script" },
  },
  {
    files: ["app/**/*.ts", "scripts/**/*.ts", "e2e/**/*.ts"],
    plugins: { pydotorg },
    rules: { "pydotorg/import-boundaries": "error" },
  },
  {
    files: ["app/**/*.ts"],
    ignores: TESTS,
    rules: { "no-restricted-imports": restrictImports({ env: false }) },
  },
  {
    files: ["app/domains/**/*.ts", "app/site/**/*.ts"],
    ignores: TESTS,
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: NO_ENV }],
      "no-restricted-imports": restrictImports({ env: true }),
    },
  },
);
