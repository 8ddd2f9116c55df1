// A structural check of an OpenAPI 3.1 document, for tests: the rules that need no network
// validator. Every $ref resolves, operationIds are present and unique, every templated path
// parameter is declared (and nothing else claims to be in the path), every operation has
// responses with descriptions, security names declared schemes, and every JSON Schema is
// well-formed for draft 2020-12 (types, keyword value shapes, patterns that compile).
type Json = Record<string, unknown>;

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);
const TYPES = new Set(["null", "boolean", "object", "array", "number", "string", "integer"]);
const PARAMETER_LOCATIONS = new Set(["query", "header", "path", "cookie"]);
const STATUS = /^([1-5][0-9]{2}|[1-5]XX|default)$/;
const SCHEMA_MAPS = ["properties", "patternProperties", "$defs", "dependentSchemas"];
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"];
const SCHEMA_SINGLES = ["items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties"];
const NUMBERS = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"];
const COUNTS = ["minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"];
/** OpenAPI 3.0 keywords that mean nothing (or something else) in 3.1's JSON Schema. */
const OPENAPI_30_ONLY = ["nullable", "x-nullable"];

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** The value a local JSON pointer (`#/components/schemas/X`) names, or undefined. */
function resolvePointer(document: unknown, pointer: string): unknown {
  if (pointer === "#") return document;
  if (!pointer.startsWith("#/")) return undefined;
  let node: unknown = document;
  for (const raw of pointer.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Json)[key];
    if (node === undefined) return undefined;
  }
  return node;
}

function checkRefs(document: unknown, node: unknown, at: string, problems: string[]): void {
  if (Array.isArray(node)) return node.forEach((item, index) => checkRefs(document, item, `${at}/${index}`, problems));
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string") {
      if (!value.startsWith("#")) problems.push(`${at}: $ref ${value} is not local`);
      else if (resolvePointer(document, value) === undefined) problems.push(`${at}: $ref ${value} does not resolve`);
    } else if (key !== "example" && key !== "examples" && key !== "const" && key !== "default" && key !== "enum") {
      checkRefs(document, value, `${at}/${key}`, problems);
    }
  }
}

/** Problems of one JSON Schema (2020-12), recursing into its subschemas. */
export function checkJsonSchema(schema: unknown, at: string, problems: string[]): void {
  if (typeof schema === "boolean") return;
  if (!isObject(schema)) return void problems.push(`${at}: a schema must be an object or a boolean`);
  const type = schema.type;
  if (type !== undefined) {
    const types = Array.isArray(type) ? type : [type];
    if (types.length === 0 || types.some((name) => typeof name !== "string" || !TYPES.has(name))) problems.push(`${at}: type ${JSON.stringify(type)} is not a JSON Schema type`);
    if (new Set(types).size !== types.length) problems.push(`${at}: type lists a type twice`);
  }
  for (const keyword of OPENAPI_30_ONLY) if (keyword in schema) problems.push(`${at}: "${keyword}" is OpenAPI 3.0; use a type array with "null"`);
  if (schema.required !== undefined) {
    const required = schema.required;
    if (!Array.isArray(required) || required.some((name) => typeof name !== "string") || new Set(required).size !== required.length) {
      problems.push(`${at}: required must be an array of distinct strings`);
    }
  }
  if (schema.enum !== undefined && (!Array.isArray(schema.enum) || schema.enum.length === 0)) problems.push(`${at}: enum must be a non-empty array`);
  if (schema.pattern !== undefined) {
    if (typeof schema.pattern !== "string") problems.push(`${at}: pattern must be a string`);
    else {
      try {
        new RegExp(schema.pattern, "u");
      } catch {
        problems.push(`${at}: pattern ${schema.pattern} does not compile`);
      }
    }
  }
  for (const keyword of NUMBERS) if (schema[keyword] !== undefined && typeof schema[keyword] !== "number") problems.push(`${at}: ${keyword} must be a number`);
  for (const keyword of COUNTS) {
    const value = schema[keyword];
    if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 0)) problems.push(`${at}: ${keyword} must be a non-negative integer`);
  }
  for (const keyword of SCHEMA_MAPS) {
    const map = schema[keyword];
    if (map === undefined) continue;
    if (!isObject(map)) problems.push(`${at}: ${keyword} must be an object of schemas`);
    else for (const [name, child] of Object.entries(map)) checkJsonSchema(child, `${at}/${keyword}/${name}`, problems);
  }
  for (const keyword of SCHEMA_LISTS) {
    const list = schema[keyword];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length === 0) problems.push(`${at}: ${keyword} must be a non-empty array of schemas`);
    else list.forEach((child, index) => checkJsonSchema(child, `${at}/${keyword}/${index}`, problems));
  }
  for (const keyword of SCHEMA_SINGLES) if (schema[keyword] !== undefined) checkJsonSchema(schema[keyword], `${at}/${keyword}`, problems);
}

function checkParameters(parameters: unknown, at: string, problems: string[]): Json[] {
  if (parameters === undefined) return [];
  if (!Array.isArray(parameters)) return (problems.push(`${at}: parameters must be an array`), []);
  const seen = new Set<string>();
  return parameters.filter(isObject).map((parameter, index) => {
    const where = `${at}/parameters/${index}`;
    if (typeof parameter.name !== "string" || parameter.name === "") problems.push(`${where}: a parameter needs a name`);
    if (typeof parameter.in !== "string" || !PARAMETER_LOCATIONS.has(parameter.in)) problems.push(`${where}: "in" must be query, header, path or cookie`);
    if (parameter.in === "path" && parameter.required !== true) problems.push(`${where}: path parameter ${String(parameter.name)} must be required`);
    if ((parameter.schema === undefined) === (parameter.content === undefined)) problems.push(`${where}: a parameter needs exactly one of schema and content`);
    if (parameter.schema !== undefined) checkJsonSchema(parameter.schema, `${where}/schema`, problems);
    const key = `${String(parameter.in)}:${String(parameter.name)}`;
    if (seen.has(key)) problems.push(`${where}: parameter ${key} is declared twice`);
    seen.add(key);
    return parameter;
  });
}

function checkContent(content: unknown, at: string, problems: string[]): void {
  if (!isObject(content)) return void problems.push(`${at}: content must be an object of media types`);
  for (const [mediaType, media] of Object.entries(content)) {
    if (!/^[\w.+-]+\/[\w.+*-]+/.test(mediaType)) problems.push(`${at}: ${mediaType} is not a media type`);
    if (isObject(media) && media.schema !== undefined) checkJsonSchema(media.schema, `${at}/${mediaType}/schema`, problems);
  }
}

function checkOperation(document: Json, path: string, method: string, operation: Json, pathParameters: Json[], problems: string[], operationIds: Map<string, string>): void {
  const at = `${method.toUpperCase()} ${path}`;
  const id = operation.operationId;
  if (typeof id !== "string" || id === "") problems.push(`${at}: no operationId`);
  else if (operationIds.has(id)) problems.push(`${at}: operationId ${id} is also used by ${operationIds.get(id)}`);
  else operationIds.set(id, at);
  const parameters = [...pathParameters, ...checkParameters(operation.parameters, at, problems)];
  const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
  const declared = parameters.filter((parameter) => parameter.in === "path").map((parameter) => String(parameter.name));
  for (const name of templated) if (!declared.includes(name)) problems.push(`${at}: path parameter {${name}} is not declared`);
  for (const name of declared) if (!templated.includes(name)) problems.push(`${at}: path parameter ${name} is not in the path`);
  const responses = operation.responses;
  if (!isObject(responses) || Object.keys(responses).length === 0) problems.push(`${at}: no responses`);
  else {
    for (const [status, response] of Object.entries(responses)) {
      if (!STATUS.test(status)) problems.push(`${at}: response key ${status} is not a status code`);
      if (!isObject(response) || (typeof response.description !== "string" && typeof response.$ref !== "string")) problems.push(`${at} ${status}: a response needs a description`);
      else if (response.content !== undefined) checkContent(response.content, `${at} ${status}`, problems);
    }
  }
  if (operation.requestBody !== undefined) {
    const body = operation.requestBody;
    if (!isObject(body) || body.content === undefined) problems.push(`${at}: requestBody needs content`);
    else checkContent(body.content, `${at} requestBody`, problems);
  }
  const tags = new Set(((document.tags as Json[] | undefined) ?? []).map((tag) => tag.name));
  for (const tag of (operation.tags as unknown[] | undefined) ?? []) if (!tags.has(tag)) problems.push(`${at}: tag ${String(tag)} is not declared`);
  checkSecurity(document, operation.security, at, problems);
}

function checkSecurity(document: Json, security: unknown, at: string, problems: string[]): void {
  if (security === undefined) return;
  const schemes = (isObject(document.components) && isObject(document.components.securitySchemes) ? document.components.securitySchemes : {}) as Json;
  if (!Array.isArray(security)) return void problems.push(`${at}: security must be an array`);
  for (const requirement of security) {
    if (!isObject(requirement)) problems.push(`${at}: a security requirement must be an object`);
    else for (const name of Object.keys(requirement)) if (!(name in schemes)) problems.push(`${at}: security scheme ${name} is not declared`);
  }
}

/** Every structural problem of an OpenAPI 3.1 document; an empty list when it passes. */
export function checkOpenApiDocument(document: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(document)) return ["the document is not an object"];
  if (typeof document.openapi !== "string" || !/^3\.1\.\d+$/.test(document.openapi)) problems.push("openapi must be 3.1.x");
  if (!isObject(document.info) || typeof document.info.title !== "string" || typeof document.info.version !== "string") problems.push("info needs a title and a version");
  const tagNames = ((document.tags as Json[] | undefined) ?? []).map((tag) => tag.name);
  if (new Set(tagNames).size !== tagNames.length) problems.push("a tag name is declared twice");
  checkRefs(document, document, "#", problems);
  checkSecurity(document, document.security, "document", problems);
  const paths = isObject(document.paths) ? document.paths : (problems.push("paths must be an object"), {});
  const operationIds = new Map<string, string>();
  const shapes = new Map<string, string>();
  for (const [path, item] of Object.entries(paths)) {
    if (!path.startsWith("/")) problems.push(`${path}: a path must start with /`);
    // Paths that differ only in their parameter names are the same path (OpenAPI 3.1 §4.8.8).
    const shape = path.replace(/\{[^}]+\}/g, "{}");
    if (shapes.has(shape)) problems.push(`${path}: the same templated path as ${shapes.get(shape)}`);
    shapes.set(shape, path);
    if (!isObject(item)) continue;
    const pathParameters = checkParameters(item.parameters, path, problems);
    for (const [method, operation] of Object.entries(item)) {
      if (method === "parameters" || method === "summary" || method === "description" || method === "servers") continue;
      if (!METHODS.has(method)) problems.push(`${path}: ${method} is not an HTTP method`);
      else if (isObject(operation)) checkOperation(document, path, method, operation, pathParameters, problems, operationIds);
    }
  }
  const schemas = isObject(document.components) && isObject(document.components.schemas) ? document.components.schemas : {};
  for (const [name, schema] of Object.entries(schemas)) {
    if (!/^[a-zA-Z0-9.\-_]+$/.test(name)) problems.push(`components/schemas/${name}: not a valid component name`);
    checkJsonSchema(schema, `#/components/schemas/${name}`, problems);
  }
  return problems;
}
