// Input schemas shared by the admin, the APIs and the seed. Field sizes follow the legacy
// columns (varchar(200) names, slugs and URLs). Naming and URL rules that depend on the
// stored row live in rules.ts and are applied by the service.
import { z } from "zod";
import { dbIdSchema } from "../../core/http/ids.ts";
import { optionalUrlSchema, urlSchema } from "../../core/http/url-schema.ts";
import { MARKUP_TYPES } from "../../core/markup/render.ts";
import { parseReleaseName, PYMANAGER_LINE, VERSION_LINES } from "./schemas/versions.ts";

const SLUG_MESSAGE = "Use only letters, digits, hyphens and underscores.";

export const SlugSchema = z
  .string()
  .trim()
  .min(1, "Enter a slug.")
  .max(200, "Use at most 200 characters.")
  .regex(/^[-a-zA-Z0-9_]+$/, SLUG_MESSAGE);

const optionalUrl = optionalUrlSchema({ max: 200 });
const Id = dbIdSchema("Choose one.");

export const OsInputSchema = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(200, "Use at most 200 characters."),
  slug: SlugSchema,
});
export type OsInput = z.input<typeof OsInputSchema>;

/** Legacy Release.PYTHON_VERSION_CHOICES. */
export const VersionLineSchema = z
  .number({ error: "Choose a version line." })
  .int()
  .refine((value) => (VERSION_LINES as readonly number[]).includes(value), "Choose 3, 2, 1 or 100 (install manager).");

export const RELEASE_NAME_MESSAGE = 'Name the release "Python X.Y.Z", optionally with aN, bN or rcN (e.g. "Python 3.14.0rc1"), or "Python install manager N.N".';

export const ReleaseInputSchema = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(200, "Use at most 200 characters."),
  /** Derived from the name (Django slugify) when left out. */
  slug: SlugSchema.optional(),
  version: VersionLineSchema.default(3),
  isLatest: z.boolean().default(false),
  isPublished: z.boolean().default(false),
  preRelease: z.boolean().default(false),
  showOnDownloadPage: z.boolean().default(true),
  releaseDate: z.coerce.date({ error: "Enter a date and time." }).optional(),
  releasePageId: Id.nullable().default(null),
  releaseNotesUrl: optionalUrl,
  content: z.string().max(500_000, "The notes are too long (500,000 characters at most).").default(""),
  contentMarkupType: z.enum(MARKUP_TYPES, { error: "Choose a markup type." }).default("markdown"),
});
export type ReleaseInput = z.input<typeof ReleaseInputSchema>;
export type ReleaseValues = z.output<typeof ReleaseInputSchema>;

/** Field errors of the naming rules for `values`; the name rule applies to new or renamed releases only. */
export function releaseNameErrors(values: ReleaseValues, previousName?: string): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const parsed = parseReleaseName(values.name);
  if (!parsed) {
    if (values.name !== previousName) errors.name = [RELEASE_NAME_MESSAGE];
    return errors;
  }
  if (parsed.kind === "pymanager" && values.version !== PYMANAGER_LINE) {
    errors.version = ["Install manager releases belong to version line 100."];
  } else if (parsed.kind === "python" && values.version !== parsed.major) {
    errors.version = [`"Python ${parsed.major}.x.y" releases belong to version line ${parsed.major}.`];
  }
  if ((parsed.preReleaseTag !== null) !== values.preRelease) {
    errors.preRelease = [parsed.preReleaseTag ? "A release named with a, b or rc is a pre-release: tick Pre-release." : "Only releases named with a, b or rc are pre-releases."];
  }
  return errors;
}

export const ReleaseFileInputSchema = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(200, "Use at most 200 characters."),
  slug: SlugSchema,
  osId: Id,
  releaseId: Id,
  description: z.string().max(10_000, "Use at most 10,000 characters.").default(""),
  isSource: z.boolean().default(false),
  url: urlSchema({ max: 200, required: "Enter the download URL." }),
  gpgSignatureFile: optionalUrl,
  sigstoreSignatureFile: optionalUrl,
  sigstoreCertFile: optionalUrl,
  sigstoreBundleFile: optionalUrl,
  sbomSpdx2File: optionalUrl,
  md5Sum: z.string().trim().max(200, "Use at most 200 characters.").default(""),
  sha256Sum: z.string().trim().max(200, "Use at most 200 characters.").default(""),
  filesize: z.number({ error: "Enter the size in bytes." }).int("Enter whole bytes.").min(0).max(2_147_483_647).default(0),
  downloadButton: z.boolean().default(false),
});
export type ReleaseFileInput = z.input<typeof ReleaseFileInputSchema>;
export type ReleaseFileValues = z.output<typeof ReleaseFileInputSchema>;

export const RELEASE_CYCLE_STATUSES = ["feature", "prerelease", "bugfix", "security", "end-of-life"] as const;
export type ReleaseCycleStatus = (typeof RELEASE_CYCLE_STATUSES)[number];

const cycleDate = z
  .string()
  .trim()
  .regex(/^(\d{4}-\d{2}(-\d{2})?)?$/, "Use YYYY-MM-DD, or YYYY-MM for a planned month.")
  .default("");

export const ReleaseCycleInputSchema = z.object({
  versionMajor: z.number().int().min(1).max(99),
  versionMinor: z.number().int().min(0).max(999),
  status: z.enum(RELEASE_CYCLE_STATUSES, { error: "Choose feature, prerelease, bugfix, security or end-of-life." }),
  firstRelease: cycleDate,
  endOfLife: cycleDate,
  pep: z.number().int().positive().max(99_999).nullable().default(null),
  releaseManager: z.string().trim().max(100).default(""),
});
export type ReleaseCycleInput = z.input<typeof ReleaseCycleInputSchema>;
