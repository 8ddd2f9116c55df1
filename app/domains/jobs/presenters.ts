// Job rows as the templates, feeds and APIs see them: rendered markup sanitised (migrated
// HTML is untrusted), the contact address obfuscated as legacy's obfuscate filter did, the
// location spelled out and the "new" badge decided.
import { escapeHtml } from "../../core/markup/render.ts";
import { sanitizeMarkupHtml } from "../../core/markup/sanitize.ts";
import { isHttpUrl } from "../../core/http/url-schema.ts";
import { NEW_BADGE_DAYS, type JobRow, type JobSummaryRow } from "./queries.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface JobTypeView {
  id: number;
  name: string;
  slug: string;
}

export interface JobSummaryView {
  id: number;
  url: string;
  jobTitle: string;
  companyName: string;
  location: string;
  locationSlug: string;
  status: string;
  telecommuting: boolean;
  isFeatured: boolean;
  isNew: boolean;
  created: Date;
  expires: Date | null;
  category: JobTypeView;
  jobTypes: JobTypeView[];
  otherJobType: string;
  creatorId: number | null;
  submittedById: number | null;
}

export interface JobView extends JobSummaryView {
  city: string;
  region: string;
  country: string;
  countrySlug: string;
  descriptionHtml: string;
  requirementsHtml: string;
  companyDescriptionHtml: string;
  description: string;
  requirements: string;
  companyDescription: string;
  contact: string;
  email: string;
  /** The address as HTML entities, for a page (legacy templatetags obfuscate). */
  emailObfuscatedHtml: string;
  /** The company's website, only when it is a safe http(s) URL. */
  website: string;
  agencies: boolean;
  updated: Date;
  lastModifiedById: number | null;
}

/** "City, Region, Country" without empty parts (legacy Job.display_location). */
export function displayLocation(job: { city: string; region: string; country: string }): string {
  return [job.city, job.region, job.country].filter((part) => part.trim() !== "").join(", ");
}

/** Every character as a numeric entity: readable in a browser, not to address harvesters. */
export function obfuscateEmail(email: string): string {
  return [...email].map((character) => `&#${character.codePointAt(0)};`).join("");
}

export function toJobSummaryView(row: JobSummaryRow, now: Date): JobSummaryView {
  return {
    id: row.id,
    url: `/jobs/${row.id}/`,
    jobTitle: row.jobTitle,
    companyName: row.companyName ?? "",
    location: displayLocation(row),
    locationSlug: row.locationSlug,
    status: row.status,
    telecommuting: row.telecommuting,
    isFeatured: row.isFeatured,
    isNew: now.getTime() - row.created.getTime() < NEW_BADGE_DAYS * DAY_MS,
    created: row.created,
    expires: row.expires,
    category: row.category,
    jobTypes: row.jobTypes.map((link) => link.jobType),
    otherJobType: row.otherJobType,
    creatorId: row.creatorId,
    submittedById: row.submittedById,
  };
}

export function toJobView(row: JobRow, now: Date): JobView {
  return {
    ...toJobSummaryView(row, now),
    city: row.city,
    region: row.region,
    country: row.country,
    countrySlug: row.countrySlug,
    description: row.description,
    requirements: row.requirements,
    companyDescription: row.companyDescription,
    descriptionHtml: sanitizeMarkupHtml(row.descriptionRendered),
    requirementsHtml: sanitizeMarkupHtml(row.requirementsRendered),
    companyDescriptionHtml: sanitizeMarkupHtml(row.companyDescriptionRendered),
    contact: row.contact ?? "",
    email: row.email,
    emailObfuscatedHtml: obfuscateEmail(escapeHtml(row.email)),
    website: row.url && isHttpUrl(row.url) ? row.url : "",
    agencies: row.agencies,
    updated: row.updated,
    lastModifiedById: row.lastModifiedById,
  };
}

/** Plain text of rendered HTML, for search documents and feed fallbacks. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** schema.org JobPosting for the detail page (JSON-LD), from fields already sanitised. */
export function jobPostingJsonLd(job: JobView, siteUrl: string): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    title: job.jobTitle,
    description: job.descriptionHtml,
    datePosted: job.created.toISOString(),
    ...(job.expires ? { validThrough: job.expires.toISOString() } : {}),
    employmentType: job.jobTypes.map((type) => type.name),
    hiringOrganization: { "@type": "Organization", name: job.companyName, ...(job.website ? { sameAs: job.website } : {}) },
    jobLocation: { "@type": "Place", address: { "@type": "PostalAddress", addressLocality: job.city, addressRegion: job.region, addressCountry: job.country } },
    ...(job.telecommuting ? { jobLocationType: "TELECOMMUTE" } : {}),
    url: new URL(job.url, siteUrl).toString(),
  };
}
