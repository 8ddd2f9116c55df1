// Legacy migrator for jobs_jobtype, jobs_jobcategory, jobs_job, jobs_job_job_types and
// jobs_jobreviewcomment (python/pythondotorg:apps/jobs/models.py). Ids are kept, so
// /jobs/<id>/ links survive. Stored rendered HTML is copied as it is (untrusted: it is
// sanitised on output); authors and submitters who did not come over become NULL; rows
// whose category, job or type is missing, or whose status is unknown, are skipped.
import { clearMissingAuthors, clearMissingReferences, CONTENT_MANAGEABLE_COLUMNS, contentManageableFields } from "../../core/legacy/content-manageable.ts";
import { existingIds, syncRows, takenByOthers, type TargetRow } from "../../core/legacy/sync.ts";
import type { BatchContext, LegacyRow, Migrator } from "../../core/legacy/types.ts";
import { JOB_STATUSES } from "./schemas.ts";

const TAXONOMY_COLUMNS = ["name", "slug", "active"];
const JOB_COLUMNS = [
  "job_title",
  "company_name",
  "company_description",
  "company_description_markup_type",
  "company_description_rendered",
  "category_id",
  "other_job_type",
  "city",
  "region",
  "country",
  "location_slug",
  "country_slug",
  "description",
  "description_markup_type",
  "description_rendered",
  "requirements",
  "requirements_markup_type",
  "requirements_rendered",
  "contact",
  "email",
  "url",
  "status",
  "telecommuting",
  "agencies",
  "is_featured",
  "expires",
  "submitted_by_id",
  ...CONTENT_MANAGEABLE_COLUMNS,
];
const COMMENT_COLUMNS = ["job_id", "comment", "comment_markup_type", "comment_rendered", ...CONTENT_MANAGEABLE_COLUMNS];

function taxonomyWriter(table: string) {
  return async (rows: LegacyRow[], ctx: BatchContext): Promise<void> => {
    const items: TargetRow[] = rows.map((row) => ({ id: row.id, name: row.name, slug: row.slug, active: row.active }));
    const taken = await takenByOthers(ctx.target, { table, columns: ["slug"], key: "id" }, items);
    if (taken.size > 0) ctx.tally.skip(`slug already used by another row of ${table} on the new site`, taken.size);
    await syncRows(
      ctx,
      { table, key: ["id"], columns: TAXONOMY_COLUMNS },
      [...items].filter((item) => !taken.has(item)),
    );
  };
}

function toJob(row: LegacyRow): TargetRow {
  return {
    id: row.id,
    job_title: row.job_title,
    company_name: row.company_name,
    company_description: row.company_description,
    company_description_markup_type: row.company_description_markup_type,
    company_description_rendered: row._company_description_rendered,
    category_id: row.category_id,
    other_job_type: row.other_job_type,
    city: row.city,
    region: row.region,
    country: row.country,
    location_slug: row.location_slug,
    country_slug: row.country_slug,
    description: row.description,
    description_markup_type: row.description_markup_type,
    description_rendered: row._description_rendered,
    requirements: row.requirements,
    requirements_markup_type: row.requirements_markup_type,
    requirements_rendered: row._requirements_rendered,
    contact: row.contact,
    email: row.email,
    url: row.url,
    status: row.status,
    telecommuting: row.telecommuting,
    agencies: row.agencies,
    is_featured: row.is_featured,
    expires: row.expires,
    submitted_by_id: row.submitted_by_id,
    ...contentManageableFields(row),
  };
}

async function writeJobs(rows: LegacyRow[], ctx: BatchContext): Promise<void> {
  const all = rows.map(toJob);
  const unknownStatus = all.filter((job) => !(JOB_STATUSES as readonly unknown[]).includes(job.status));
  if (unknownStatus.length > 0) ctx.tally.skip("status is not one of draft, review, approved, rejected, archived, removed, expired", unknownStatus.length);
  const known = all.filter((job) => !unknownStatus.includes(job));
  const categories = await existingIds(
    ctx.target,
    "job_categories",
    known.map((job) => job.category_id as number),
  );
  const orphans = known.filter((job) => !categories.has(job.category_id as number));
  if (orphans.length > 0) ctx.tally.skip("its category was not migrated", orphans.length);
  const jobs = known.filter((job) => !orphans.includes(job));
  await clearMissingAuthors(ctx, jobs);
  await clearMissingReferences(ctx, jobs, { columns: ["submitted_by_id"], table: "users", label: "user" });
  await syncRows(ctx, { table: "jobs", key: ["id"], columns: JOB_COLUMNS }, jobs);
}

async function writeJobTypeLinks(rows: LegacyRow[], ctx: BatchContext): Promise<void> {
  const links: TargetRow[] = rows.map((row) => ({ job_id: row.job_id, job_type_id: row.jobtype_id }));
  const [jobs, types] = await Promise.all([
    existingIds(
      ctx.target,
      "jobs",
      links.map((link) => link.job_id as number),
    ),
    existingIds(
      ctx.target,
      "job_types",
      links.map((link) => link.job_type_id as number),
    ),
  ]);
  const orphans = links.filter((link) => !jobs.has(link.job_id as number) || !types.has(link.job_type_id as number));
  if (orphans.length > 0) ctx.tally.skip("its job or job type was not migrated", orphans.length);
  await syncRows(
    ctx,
    { table: "job_job_types", key: ["job_id", "job_type_id"], columns: [] },
    links.filter((link) => !orphans.includes(link)),
  );
}

async function writeComments(rows: LegacyRow[], ctx: BatchContext): Promise<void> {
  const comments: TargetRow[] = rows.map((row) => ({
    id: row.id,
    job_id: row.job_id,
    comment: row.comment,
    comment_markup_type: row.comment_markup_type,
    comment_rendered: row._comment_rendered,
    ...contentManageableFields(row),
  }));
  const jobs = await existingIds(
    ctx.target,
    "jobs",
    comments.map((comment) => comment.job_id as number),
  );
  const orphans = comments.filter((comment) => !jobs.has(comment.job_id as number));
  if (orphans.length > 0) ctx.tally.skip("its job was not migrated", orphans.length);
  const kept = comments.filter((comment) => !orphans.includes(comment));
  await clearMissingAuthors(ctx, kept);
  await syncRows(ctx, { table: "job_review_comments", key: ["id"], columns: COMMENT_COLUMNS }, kept);
}

/** Job types, categories, jobs, their types and review comments, after users (authors). */
export const jobsLegacyMigrator: Migrator = {
  name: "jobs",
  dependsOn: ["users"],
  steps: [
    { table: "jobs_jobtype", target: "job_types", query: `SELECT t.id AS key, t.* FROM jobs_jobtype AS t`, sequences: ["job_types"], write: taxonomyWriter("job_types") },
    {
      table: "jobs_jobcategory",
      target: "job_categories",
      query: `SELECT c.id AS key, c.* FROM jobs_jobcategory AS c`,
      sequences: ["job_categories"],
      write: taxonomyWriter("job_categories"),
    },
    { table: "jobs_job", target: "jobs", query: `SELECT j.id AS key, j.* FROM jobs_job AS j`, sequences: ["jobs"], write: writeJobs },
    { table: "jobs_job_job_types", target: "job_job_types", query: `SELECT l.id AS key, l.job_id, l.jobtype_id FROM jobs_job_job_types AS l`, write: writeJobTypeLinks },
    {
      table: "jobs_jobreviewcomment",
      target: "job_review_comments",
      query: `SELECT c.id AS key, c.* FROM jobs_jobreviewcomment AS c`,
      sequences: ["job_review_comments"],
      write: writeComments,
    },
  ],
};
