// The public JSON shapes of the job board (API v3). The contact address is left out: the
// pages show it obfuscated so that harvesters cannot collect it, and the API keeps to that.
import type { JobTypeView, JobView } from "./presenters.ts";

const taxonomy = (item: JobTypeView) => ({ name: item.name, slug: item.slug });

/** A visible job as API v3 returns it. */
export function toJobJson(job: JobView, siteUrl: string) {
  return {
    id: job.id,
    job_title: job.jobTitle,
    company_name: job.companyName,
    city: job.city,
    region: job.region,
    country: job.country,
    location_slug: job.locationSlug,
    telecommuting: job.telecommuting,
    agencies: job.agencies,
    is_featured: job.isFeatured,
    category: taxonomy(job.category),
    job_types: job.jobTypes.map(taxonomy),
    other_job_type: job.otherJobType,
    description_html: job.descriptionHtml,
    requirements_html: job.requirementsHtml,
    company_description_html: job.companyDescriptionHtml,
    contact: job.contact,
    url: job.website,
    created: job.created.toISOString(),
    expires: job.expires?.toISOString() ?? null,
    html_url: new URL(job.url, siteUrl).toString(),
    resource_uri: new URL(`/api/v3/jobs/${job.id}/`, siteUrl).toString(),
  };
}

/** A job type or category with its own list URL. */
export function toTaxonomyJson(item: JobTypeView, kind: "type" | "category", siteUrl: string) {
  return { id: item.id, name: item.name, slug: item.slug, html_url: new URL(`/jobs/${kind}/${item.slug}/`, siteUrl).toString() };
}
