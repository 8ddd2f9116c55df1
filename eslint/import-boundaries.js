// ESLint rule `pydotorg/import-boundaries`: the module boundaries of house-style.md.
//   1. app/core/ never imports app/domains/ or app/site/ (core is cross-cutting only);
//   2. a domain is imported only through its index.ts, from other domains and from
//      everywhere outside app/domains/ (app/site, app/app.ts, scripts, e2e, …).
// Relative specifiers are resolved against the importing file, so "../service.ts" inside
// a domain's subfolder and "../downloads/service.ts" from a sibling domain are told
// apart; bare package names are not our modules and are ignored.
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

/** `app/domains/<name>/…` → `<name>`; undefined elsewhere. */
function domainOf(file) {
  const match = /^app\/domains\/([^/]+)\//.exec(file);
  return match?.[1];
}

/** The import target, relative to the repository root with "/" separators, or undefined for packages. */
function resolveTarget(importer, specifier) {
  if (!specifier.startsWith(".")) return undefined;
  return path
    .relative(ROOT, path.resolve(path.dirname(importer), specifier))
    .split(path.sep)
    .join("/");
}

/** The message id for importing `target` from `file`, or undefined when allowed. */
export function findViolation(file, target) {
  if (file.startsWith("app/core/") && /^app\/(domains|site)(\/|$)/.test(target)) return "coreImportsOuter";
  const targetDomain = domainOf(target);
  if (targetDomain === undefined || targetDomain === domainOf(file)) return undefined;
  return target === `app/domains/${targetDomain}/index.ts` ? undefined : "domainInternals";
}

/** The string literal of an import type's source (a TSLiteralType in older parsers). */
function literalOf(node) {
  return node?.type === "TSLiteralType" ? node.literal : node;
}

/** @type {import("eslint").Rule.RuleModule} */
export const importBoundaries = {
  meta: {
    type: "problem",
    docs: { description: "Keeps app/core free of domains and reaches a domain only through its index.ts" },
    schema: [],
    messages: {
      coreImportsOuter: "app/core must not import {{target}}: core is cross-cutting; let the domain pass what core needs (a port) instead.",
      domainInternals: "Import the {{domain}} domain through app/domains/{{domain}}/index.ts, not {{target}}.",
    },
  },
  create(context) {
    const file = path.relative(ROOT, context.filename).split(path.sep).join("/");
    const check = (node, source) => {
      if (typeof source?.value !== "string") return;
      const target = resolveTarget(context.filename, source.value);
      if (target === undefined) return;
      const messageId = findViolation(file, target);
      if (messageId) context.report({ node, messageId, data: { target, domain: domainOf(target) ?? "" } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === "Literal" ? node.source : undefined),
      // `import("../x.ts").Type` in type positions.
      TSImportType: (node) => check(node, literalOf(node.source ?? node.argument)),
    };
  },
};

export default { rules: { "import-boundaries": importBoundaries } };
