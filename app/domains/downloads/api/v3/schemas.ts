// API v3 contracts in zod: the query validation, the response shapes the tests check
// every answer against, and the source of the OpenAPI document's schemas.
import { z } from "zod";
import { RELEASE_CYCLE_STATUSES } from "../../schemas.ts";

const flag = z.enum(["true", "false"], { error: "Use true or false." }).transform((value) => value === "true");
const whole = (name: string, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `Give ${name} as a whole number.`)
    .transform(Number)
    .pipe(z.number().max(max, `${name} is at most ${max}.`));

// Pages of at most a few hundred kilobytes: every release with its files is one
// `next` link away, and no single request holds megabytes while it is built.
export const RELEASE_PAGE_DEFAULT = 20;
export const RELEASE_PAGE_MAX = 100;

export const ReleaseListQuerySchema = z.object({
  major: whole("major", 999).optional().meta({ description: "Major version, e.g. 3." }),
  minor: whole("minor", 999).optional().meta({ description: "Minor version, e.g. 14 for 3.14." }),
  patch: whole("patch", 999).optional().meta({ description: "Patch version, e.g. 0 for 3.14.0." }),
  line: z.enum(["1", "2", "3", "100"], { error: "Use 1, 2, 3 or 100 (install manager)." }).transform(Number).optional().meta({
    description: "Version line of the legacy `version` field: 3, 2, 1, or 100 for the Python install manager.",
  }),
  pre_release: flag.optional().meta({ description: "true for alphas, betas and release candidates only; false for final releases only." }),
  pre_release_tag: z
    .enum(["a", "b", "rc", "final"], { error: "Use a, b, rc or final." })
    .optional()
    .meta({ description: "Pre-release tag; `final` selects releases without one." }),
  is_latest: flag.optional().meta({ description: "true for the latest release of each version line." }),
  is_published: flag.optional().meta({ description: "Staff only: false lists drafts. Everyone else sees published releases only." }),
  limit: whole("limit", RELEASE_PAGE_MAX)
    .pipe(z.number().min(1, "limit is at least 1."))
    .optional()
    .meta({ description: `Page size, 1 to ${RELEASE_PAGE_MAX} (default ${RELEASE_PAGE_DEFAULT}); follow \`next\` for the rest.` }),
  cursor: z.string().max(200, "The cursor is not valid.").optional().meta({ description: "Opaque position from the previous page's `next` link." }),
});
export type ReleaseListQuery = z.output<typeof ReleaseListQuerySchema>;

export const OsSchema = z
  .object({ name: z.string(), slug: z.string(), url: z.url().meta({ description: "The operating system's download page." }) })
  .meta({ title: "OperatingSystem" });

export const ReleaseCycleSchema = z
  .object({
    version: z.string().meta({ description: "Minor version, e.g. `3.14`." }),
    status: z.enum(RELEASE_CYCLE_STATUSES),
    first_release: z.string().meta({ description: "`YYYY-MM-DD`, or `YYYY-MM` when planned; empty when unknown." }),
    end_of_life: z.string().meta({ description: "`YYYY-MM-DD`, or `YYYY-MM` when planned; empty when unknown." }),
    pep: z.number().int().nullable().meta({ description: "The release schedule PEP." }),
    release_manager: z.string(),
    resource_uri: z.url(),
  })
  .meta({ title: "ReleaseCycle" });

const sidecar = (what: string) => z.string().meta({ description: `${what} URL (the artifact URL plus its suffix), or empty.` });

export const ReleaseFileSchema = z
  .object({
    name: z.string(),
    slug: z.string(),
    os: z.object({ name: z.string(), slug: z.string() }),
    description: z.string(),
    is_source: z.boolean(),
    url: z.url(),
    filesize: z.number().int().min(0).meta({ description: "Size in bytes." }),
    md5_sum: z.string(),
    sha256_sum: z.string().meta({ description: "Hex SHA-256; empty for old releases." }),
    gpg_signature_file: sidecar("OpenPGP signature (.asc)"),
    sigstore_signature_file: sidecar("Sigstore signature (.sig)"),
    sigstore_cert_file: sidecar("Sigstore certificate (.crt)"),
    sigstore_bundle_file: sidecar("Sigstore bundle (.sigstore)"),
    sbom_spdx2_file: sidecar("SPDX 2 SBOM (.spdx.json)"),
    download_button: z.boolean().meta({ description: "The file offered first for its operating system." }),
  })
  .meta({ title: "ReleaseFile" });

export const ReleaseSchema = z
  .object({
    name: z.string().meta({ description: 'e.g. "Python 3.14.0rc1".' }),
    slug: z.string(),
    version: z.string().meta({ description: 'The version in the name, e.g. "3.14.0rc1"; empty for names of other shapes.' }),
    major: z.number().int().nullable(),
    minor: z.number().int().nullable(),
    patch: z.number().int().nullable(),
    pre_release: z.boolean(),
    pre_release_tag: z.enum(["a", "b", "rc"]).nullable(),
    pre_release_number: z.number().int().nullable(),
    line: z.number().int().meta({ description: "3, 2, 1, or 100 for the Python install manager." }),
    is_latest: z.boolean(),
    is_published: z.boolean(),
    release_date: z.iso.datetime(),
    release_notes_url: z.string(),
    url: z.url().meta({ description: "The release's page." }),
    resource_uri: z.url(),
    cycle: ReleaseCycleSchema.omit({ resource_uri: true, version: true }).nullable().meta({ description: "Support status of the release's minor version." }),
    files: z.array(ReleaseFileSchema),
  })
  .meta({ title: "Release" });

export const ReleasePageSchema = z
  .object({
    results: z.array(ReleaseSchema),
    next: z.url().nullable().meta({ description: 'The next page (also sent as `Link: <…>; rel="next"`), or null on the last page.' }),
  })
  .meta({ title: "ReleasePage" });

export const OsListSchema = z.array(OsSchema);
export const ReleaseCycleListSchema = z.array(ReleaseCycleSchema);

/** Problem details, shared by every /api/v3 error (defined with the API roots). */
export { ProblemSchema } from "../../../../core/api/openapi-shared.ts";
