// The jobs admin (legacy apps/jobs/admin.py): every job with its status, featured flag and
// expiry, searchable and filterable, with bulk approve/reject/archive/remove that run the
// workflow (mail included); job types and categories with their active flag.
import { defineAdminResource } from "../../core/admin/index.ts";
import { toDateTimeInput } from "../../core/admin/forms.ts";
import { toAppError } from "../../core/errors.ts";
import type { JobView } from "./presenters.ts";
import { JOB_STATUSES, type JobAdminInput, JobAdminInputSchema, type JobTaxonomyInput, JobTaxonomyInputSchema, type ModerationAction } from "./schemas.ts";
import { JOB_SORT_FIELDS, type JobsService } from "./service.ts";
import type { TaxonomyKind, TaxonomyView } from "./service/taxonomy.ts";

const YES_NO = [
  { value: "1", label: "Yes" },
  { value: "0", label: "No" },
];
const flag = (value: string | undefined) => (value === undefined ? undefined : value === "1");
const notFoundAsNull = (error: unknown) => {
  if (toAppError(error)?.code === "NOT_FOUND") return null;
  throw error;
};

const BULK: Array<{ action: ModerationAction; label: string }> = [
  { action: "approve", label: "Approve selected jobs" },
  { action: "reject", label: "Reject selected jobs" },
  { action: "archive", label: "Archive selected jobs" },
  { action: "remove", label: "Remove selected jobs" },
];

function jobsResource(jobs: JobsService) {
  return defineAdminResource<JobView, JobAdminInput>({
    appLabel: "jobs",
    model: "job",
    verboseName: "job",
    verboseNamePlural: "jobs",
    listColumns: [
      { name: "jobTitle", label: "Job title", value: (job) => job.jobTitle, sortable: true },
      { name: "companyName", label: "Company", value: (job) => job.companyName, sortable: true },
      { name: "status", label: "Status", value: (job) => job.status, sortable: true },
      { name: "category", label: "Category", value: (job) => job.category.name },
      { name: "isFeatured", label: "Featured", value: (job) => job.isFeatured },
      { name: "created", label: "Created", value: (job) => job.created, sortable: true },
      { name: "expires", label: "Expires", value: (job) => job.expires, sortable: true },
    ],
    searchFields: ["job title", "company", "city", "country", "email"],
    filters: [
      { name: "status", label: "Status", choices: JOB_STATUSES.map((status) => ({ value: status, label: status })) },
      { name: "featured", label: "Featured", choices: YES_NO },
    ],
    defaultOrdering: "-created",
    perPage: 50,
    form: {
      schema: JobAdminInputSchema,
      fields: [
        { name: "jobTitle", label: "Job title", widget: "text", required: true, maxLength: 100 },
        { name: "companyName", label: "Company name", widget: "text", required: true, maxLength: 100 },
        { name: "categoryId", label: "Category", widget: "select", required: true },
        { name: "jobTypeIds", label: "Job types", widget: "checkboxes" },
        { name: "otherJobType", label: "Other job type", widget: "text", maxLength: 100 },
        { name: "city", label: "City", widget: "text", required: true, maxLength: 100 },
        { name: "region", label: "Region", widget: "text", maxLength: 100 },
        { name: "country", label: "Country", widget: "text", required: true, maxLength: 100 },
        { name: "description", label: "Description (Markdown)", widget: "textarea", required: true },
        { name: "requirements", label: "Requirements (Markdown)", widget: "textarea", required: true },
        { name: "companyDescription", label: "Company description (Markdown)", widget: "textarea" },
        { name: "contact", label: "Contact name", widget: "text", maxLength: 100 },
        { name: "email", label: "Contact email", widget: "email", required: true, maxLength: 254 },
        { name: "url", label: "Website", widget: "url", maxLength: 200 },
        { name: "telecommuting", label: "Telecommuting allowed", widget: "checkbox" },
        { name: "agencies", label: "Agencies OK", widget: "checkbox" },
        { name: "status", label: "Status", widget: "select", required: true, choices: JOB_STATUSES.map((status) => ({ value: status, label: status })) },
        { name: "isFeatured", label: "Featured", widget: "checkbox" },
        { name: "expires", label: "Expires (UTC)", widget: "datetime", help: "Approving from the review pages sets this to now plus the threshold." },
      ],
    },
    initialValues: { status: "draft", agencies: true },
    async loadChoices() {
      const all = { orderBy: { field: "name" as const, direction: "asc" as const }, offset: 0, limit: 1000 };
      const [types, categories] = await Promise.all([jobs.searchTaxonomy({ kind: "type", ...all }), jobs.searchTaxonomy({ kind: "category", ...all })]);
      const choice = (item: TaxonomyView) => ({ value: String(item.id), label: item.active ? item.name : `${item.name} (inactive)` });
      return { categoryId: categories.items.map(choice), jobTypeIds: types.items.map(choice) };
    },
    bulkActions: BULK.map(({ action, label }) => ({ name: action, label, permission: "change" as const, run: ({ user, ids }) => jobs.moderateJobs({ ids, action, actor: user }) })),
    async list({ query }) {
      const field = JOB_SORT_FIELDS.find((name) => name === query.ordering.field) ?? "created";
      const status = JOB_STATUSES.find((candidate) => candidate === query.filters.status);
      const { items, total } = await jobs.searchJobs({
        q: query.search,
        status,
        isFeatured: flag(query.filters.featured),
        orderBy: { field, direction: query.ordering.direction },
        offset: query.offset,
        limit: query.limit,
      });
      return { rows: items, total };
    },
    load: ({ id }) => jobs.getJob({ id }).catch(notFoundAsNull),
    create: ({ user, input }) => jobs.saveJobAsAdmin({ input, actor: user }),
    update: ({ user, id, input }) => jobs.saveJobAsAdmin({ id, input, actor: user }),
    delete: ({ id }) => jobs.deleteJob({ id }),
    toFormValues: (job) => ({
      jobTitle: job.jobTitle,
      companyName: job.companyName,
      categoryId: String(job.category.id),
      jobTypeIds: job.jobTypes.map((type) => String(type.id)),
      otherJobType: job.otherJobType,
      city: job.city,
      region: job.region,
      country: job.country,
      description: job.description,
      requirements: job.requirements,
      companyDescription: job.companyDescription,
      contact: job.contact,
      email: job.email,
      url: job.website,
      telecommuting: job.telecommuting,
      agencies: job.agencies,
      status: job.status,
      isFeatured: job.isFeatured,
      expires: toDateTimeInput(job.expires),
    }),
    idOf: (job) => job.id,
    toRepr: (job) => `${job.jobTitle}, ${job.companyName}`,
    viewOnSite: (job) => job.url,
    toAuditSnapshot: (job) => ({
      jobTitle: job.jobTitle,
      companyName: job.companyName,
      status: job.status,
      isFeatured: job.isFeatured,
      expires: job.expires,
      categoryId: job.category.id,
    }),
  });
}

function taxonomyResource(jobs: JobsService, kind: TaxonomyKind) {
  const names = kind === "type" ? { model: "jobtype", one: "job type", many: "job types" } : { model: "jobcategory", one: "job category", many: "job categories" };
  return defineAdminResource<TaxonomyView, JobTaxonomyInput>({
    appLabel: "jobs",
    model: names.model,
    verboseName: names.one,
    verboseNamePlural: names.many,
    listColumns: [
      { name: "name", label: "Name", value: (item) => item.name, sortable: true },
      { name: "slug", label: "Slug", value: (item) => item.slug, sortable: true },
      { name: "active", label: "Active", value: (item) => item.active },
    ],
    searchFields: ["name", "slug"],
    filters: [{ name: "active", label: "Active", choices: YES_NO }],
    defaultOrdering: "name",
    perPage: 100,
    form: {
      schema: JobTaxonomyInputSchema,
      fields: [
        { name: "name", label: "Name", widget: "text", required: true, maxLength: 200 },
        { name: "slug", label: "Slug", widget: "text", required: true, maxLength: 200, prepopulateFrom: ["name"] },
        { name: "active", label: "Active", widget: "checkbox", help: "Inactive ones leave the job form; their jobs keep them." },
      ],
    },
    initialValues: { active: true },
    async list({ query }) {
      const field = (["name", "slug", "id"] as const).find((name) => name === query.ordering.field) ?? "name";
      const { items, total } = await jobs.searchTaxonomy({
        kind,
        q: query.search,
        active: flag(query.filters.active),
        orderBy: { field, direction: query.ordering.direction },
        offset: query.offset,
        limit: query.limit,
      });
      return { rows: items, total };
    },
    load: ({ id }) => jobs.getTaxonomy({ kind, id }).catch(notFoundAsNull),
    create: ({ input, onWrite }) => jobs.saveTaxonomy({ kind, input, onWrite }),
    update: ({ id, input, onWrite }) => jobs.saveTaxonomy({ kind, id, input, onWrite }),
    delete: ({ id, onWrite }) => jobs.deleteTaxonomy({ kind, id, onWrite }),
    toFormValues: (item) => ({ name: item.name, slug: item.slug, active: item.active }),
    idOf: (item) => item.id,
    toRepr: (item) => item.name,
    viewOnSite: (item) => `/jobs/${kind}/${item.slug}/`,
    toAuditSnapshot: (item) => ({ name: item.name, slug: item.slug, active: item.active }),
  });
}

/** The jobs admin registrations, backed by the jobs service. */
export function jobsAdmin(jobs: JobsService) {
  return [jobsResource(jobs), taxonomyResource(jobs, "type"), taxonomyResource(jobs, "category")];
}
