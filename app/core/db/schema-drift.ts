// Compares the database our SQL migrations build with prisma/schema.prisma (via the
// Prisma schema's DMMF, computed offline by @prisma/prisma-schema-wasm), so that the
// hand-written migrations and the schema the client is generated from cannot drift.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type pg from "pg";
import { ROOT_DIR } from "../root-dir.ts";

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: string;
  type: string;
  isRequired: boolean;
  isList: boolean;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  fields: Array<{ name: string }>;
}

const require = createRequire(import.meta.url);

export const SCHEMA_PATH = path.join(ROOT_DIR, "prisma/schema.prisma");

export function readDmmf(schemaPath = SCHEMA_PATH) {
  const wasm = require("@prisma/prisma-schema-wasm") as { get_dmmf(params: string): string };
  const schema = readFileSync(schemaPath, "utf8");
  const dmmf = JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] }))) as {
    datamodel: { models: DmmfModel[]; indexes: DmmfIndex[] };
  };
  return { ...dmmf.datamodel, unsupported: unsupportedColumns(schema) };
}

/** `Unsupported(...)` fields are absent from the DMMF; read their columns from the schema text. */
function unsupportedColumns(schema: string): Map<string, Map<string, string>> {
  const result = new Map<string, Map<string, string>>();
  for (const block of schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const fields = new Map<string, string>();
    for (const line of block[2]!.matchAll(/^\s*(\w+)\s+Unsupported\([^)]*\)\??(.*)$/gm)) {
      fields.set(line[1]!, /@map\("([^"]+)"\)/.exec(line[2]!)?.[1] ?? line[1]!);
    }
    result.set(block[1]!, fields);
  }
  return result;
}

function expectedType(field: DmmfField): string {
  const [native, args = []] = field.nativeType ?? [];
  if (native === "VarChar") return `character varying(${args[0]})`;
  if (native === "Char") return `character(${args[0]})`;
  if (native === "Timestamptz") return `timestamp(${args[0] ?? 3}) with time zone`;
  if (native === "Timestamp") return `timestamp(${args[0] ?? 3}) without time zone`;
  if (native === "Date") return "date";
  if (native === "Text") return "text";
  const defaults: Record<string, string> = {
    Int: "integer",
    BigInt: "bigint",
    String: "text",
    Boolean: "boolean",
    DateTime: "timestamp(3) without time zone",
    Float: "double precision",
    Decimal: "numeric",
    Json: "jsonb",
    Bytes: "bytea",
  };
  return defaults[field.type] ?? field.type;
}

/** Lists every difference between the live database and the Prisma schema; empty when in step. */
export async function findSchemaDrift(client: pg.Client, schemaPath = SCHEMA_PATH): Promise<string[]> {
  const { models, indexes, unsupported } = readDmmf(schemaPath);
  const problems: string[] = [];
  const { rows: columns } = await client.query<{ table_name: string; column_name: string; type: string; is_nullable: string }>(`
    SELECT c.table_name, c.column_name, format_type(a.atttypid, a.atttypmod) AS type, c.is_nullable
    FROM information_schema.columns c
    JOIN pg_attribute a ON a.attrelid = format('public.%I', c.table_name)::regclass AND a.attname = c.column_name
    WHERE c.table_schema = 'public'`);
  const { rows: indexRows } = await client.query<{ table_name: string; is_unique: boolean; columns: string[] }>(`
    SELECT t.relname AS table_name, i.indisunique AS is_unique,
           array_agg(a.attname ORDER BY k.ordinality)::text[] AS columns
    FROM pg_index i
    JOIN pg_class t ON t.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
    CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ordinality)
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
    GROUP BY i.indexrelid, t.relname, i.indisunique`);
  const { rows: foreignKeys } = await client.query<{ table_name: string; columns: string[] }>(`
    SELECT t.relname AS table_name, array_agg(a.attname ORDER BY k.ordinality)::text[] AS columns
    FROM pg_constraint c
    JOIN pg_class t ON t.oid = c.conrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
    CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ordinality)
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
    WHERE c.contype = 'f'
    GROUP BY c.oid, t.relname`);

  const tables = new Map<string, Map<string, { type: string; nullable: boolean }>>();
  for (const column of columns) {
    if (!tables.has(column.table_name)) tables.set(column.table_name, new Map());
    tables.get(column.table_name)!.set(column.column_name, { type: column.type, nullable: column.is_nullable === "YES" });
  }

  const modelTables = new Set<string>();
  for (const model of models) {
    const table = model.dbName ?? model.name;
    modelTables.add(table);
    const dbColumns = tables.get(table);
    if (!dbColumns) {
      problems.push(`table ${table} (model ${model.name}) is missing`);
      continue;
    }
    const columnOf = new Map<string, string>();
    for (const field of model.fields.filter((candidate) => candidate.kind === "scalar" || candidate.kind === "enum")) {
      const column = field.dbName ?? field.name;
      columnOf.set(field.name, column);
      const actual = dbColumns.get(column);
      if (!actual) {
        problems.push(`column ${table}.${column} is missing`);
        continue;
      }
      const expected = field.isList ? `${expectedType(field)}[]` : expectedType(field);
      if (field.kind === "scalar" && actual.type !== expected) problems.push(`column ${table}.${column} is ${actual.type}, schema says ${expected}`);
      if (actual.nullable === field.isRequired) problems.push(`column ${table}.${column} nullability differs (schema: ${field.isRequired ? "required" : "optional"})`);
    }
    for (const [field, column] of unsupported.get(model.name) ?? []) {
      columnOf.set(field, column);
      if (!dbColumns.has(column)) problems.push(`column ${table}.${column} is missing`);
    }
    for (const column of dbColumns.keys()) {
      if (![...columnOf.values()].includes(column)) problems.push(`column ${table}.${column} is not in the schema`);
    }
    for (const index of indexes.filter((candidate) => candidate.model === model.name && candidate.type !== "fulltext")) {
      const wanted = index.fields.map((field) => columnOf.get(field.name) ?? field.name).join(",");
      const unique = index.type !== "normal";
      const found = indexRows.some((row) => row.table_name === table && row.columns.join(",") === wanted && row.is_unique === unique);
      if (!found) problems.push(`${index.type} index on ${table}(${wanted}) is missing`);
    }
    for (const relation of model.fields.filter((field) => field.kind === "object" && field.relationFromFields?.length)) {
      const wanted = relation.relationFromFields!.map((name) => columnOf.get(name) ?? name).join(",");
      if (!foreignKeys.some((row) => row.table_name === table && row.columns.join(",") === wanted)) {
        problems.push(`foreign key ${table}(${wanted}) for ${model.name}.${relation.name} is missing`);
      }
    }
  }
  for (const table of tables.keys()) {
    if (table !== "_prisma_migrations" && !modelTables.has(table)) problems.push(`table ${table} has no model in the schema`);
  }
  return problems;
}
