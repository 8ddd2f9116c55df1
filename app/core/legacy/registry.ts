// Orders migrators so that every one runs after those whose rows it references
// (foreign keys), and picks the ones `--only` names.
import type { Migrator } from "./types.ts";

/** A problem with the migrator list or the command line, reported as one clear line. */
export class LegacyMigrationError extends Error {
  override name = "LegacyMigrationError";
}

/** The migrators in dependency order (stable: listing order among independent ones); throws on cycles. */
export function orderMigrators(migrators: readonly Migrator[]): Migrator[] {
  const byName = new Map<string, Migrator>();
  for (const migrator of migrators) {
    if (byName.has(migrator.name)) throw new LegacyMigrationError(`two migrators are named "${migrator.name}"`);
    byName.set(migrator.name, migrator);
  }
  for (const migrator of migrators) {
    for (const dependency of migrator.dependsOn) {
      if (!byName.has(dependency)) throw new LegacyMigrationError(`migrator "${migrator.name}" depends on unknown migrator "${dependency}"`);
    }
  }
  const ordered: Migrator[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (migrator: Migrator, path: string[]) => {
    if (state.get(migrator.name) === "done") return;
    if (state.get(migrator.name) === "visiting") {
      const cycle = [...path.slice(path.indexOf(migrator.name)), migrator.name];
      throw new LegacyMigrationError(`migrators depend on each other in a cycle: ${cycle.join(" → ")}`);
    }
    state.set(migrator.name, "visiting");
    for (const dependency of migrator.dependsOn) visit(byName.get(dependency)!, [...path, migrator.name]);
    state.set(migrator.name, "done");
    ordered.push(migrator);
  };
  for (const migrator of migrators) visit(migrator, []);
  return ordered;
}

/** The migrators to run: all, or those named by `--only` (in dependency order). */
export function selectMigrators(ordered: readonly Migrator[], only: readonly string[] = []): Migrator[] {
  if (only.length === 0) return [...ordered];
  const known = new Set(ordered.map((migrator) => migrator.name));
  const unknown = only.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new LegacyMigrationError(`unknown migrator ${unknown.map((name) => `"${name}"`).join(", ")} (known: ${[...known].join(", ")})`);
  }
  return ordered.filter((migrator) => only.includes(migrator.name));
}

/** Dependencies of the selected migrators that are not themselves selected (they must already be migrated). */
export function outsideDependencies(selected: readonly Migrator[]): Array<{ migrator: string; dependency: string }> {
  const names = new Set(selected.map((migrator) => migrator.name));
  return selected.flatMap((migrator) => migrator.dependsOn.filter((dependency) => !names.has(dependency)).map((dependency) => ({ migrator: migrator.name, dependency })));
}
