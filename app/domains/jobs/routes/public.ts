// The public job board pages (legacy apps/jobs/views.py JobList, JobTypeMenu views,
// JobLocations, JobTelecommute, JobDetail) and the feeds (apps/jobs/feeds.py). Every
// anonymous answer is cacheable under the "jobs" tag, which every jobs write drops.
import type { Context, Hono } from "hono";
import { AppError } from "../../../core/errors.ts";
import { feedResponse, type FeedChannel, type FeedFormat } from "../../../core/feeds/feed.ts";
import { cacheable } from "../../../core/http/cacheable.ts";
import type { AppEnv } from "../../../core/http/env.ts";
import { parseDbId } from "../../../core/http/ids.ts";
import { jobPostingJsonLd } from "../presenters.ts";
import { PageParamSchema, SlugSchema } from "../schemas.ts";
import { JOBS_CACHE_TAG, type JobFilter } from "../service.ts";
import { renderJobsPage, type JobsRouteDeps } from "./shared.ts";

const publicPage = cacheable({ tags: [JOBS_CACHE_TAG] });

/** `?page=`; a value Django's paginator refuses is a 404, like a page out of range. */
export function pageParam(c: Context<AppEnv>): number | "last" | undefined {
  const raw = c.req.query("page");
  if (raw === undefined || raw === "") return undefined;
  const parsed = PageParamSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("NOT_FOUND", "Invalid page.");
  return parsed.data;
}

function slugParam(value: string): string {
  const parsed = SlugSchema.safeParse(value);
  if (!parsed.success) throw new AppError("NOT_FOUND", "There is no such page.");
  return parsed.data;
}

export function registerPublicPages(app: Hono<AppEnv>, deps: JobsRouteDeps): void {
  const { jobs } = deps;

  const list = async (c: Context<AppEnv>, filter: JobFilter, heading: string, extra: Record<string, unknown> = {}) => {
    const page = await jobs.listVisibleJobs({ filter, page: pageParam(c) });
    return renderJobsPage(c, deps, "jobs/job_list.njk", { title: heading, heading, page, ...extra });
  };

  app.get("/jobs/", publicPage, (c) => list(c, {}, "Python Job Board", { isIndex: true }));

  app.get("/jobs/types/", publicPage, async (c) => {
    const items = await jobs.listTypesWithJobs();
    return renderJobsPage(c, deps, "jobs/taxonomy_list.njk", {
      title: "Job Types",
      heading: "Job Types",
      items: items.map((item) => ({ name: item.name, url: `/jobs/type/${item.slug}/` })),
    });
  });

  app.get("/jobs/type/:slug/", publicPage, async (c) => {
    const type = await jobs.getJobType({ slug: slugParam(c.req.param("slug")) });
    return list(c, { typeSlug: type.slug }, `Job Type: ${type.name}`);
  });

  app.get("/jobs/categories/", publicPage, async (c) => {
    const items = await jobs.listCategoriesWithJobs();
    return renderJobsPage(c, deps, "jobs/taxonomy_list.njk", {
      title: "Job Categories",
      heading: "Job Categories",
      items: items.map((item) => ({ name: item.name, url: `/jobs/category/${item.slug}/` })),
    });
  });

  app.get("/jobs/category/:slug/", publicPage, async (c) => {
    const category = await jobs.getJobCategory({ slug: slugParam(c.req.param("slug")) });
    return list(c, { categorySlug: category.slug }, `Job Category: ${category.name}`);
  });

  app.get("/jobs/locations/", publicPage, async (c) => {
    const items = await jobs.listLocations();
    return renderJobsPage(c, deps, "jobs/taxonomy_list.njk", {
      title: "Job Locations",
      heading: "Job Locations",
      items: [
        { name: "Telecommute", url: "/jobs/location/telecommute/" },
        ...items.map((item) => ({ name: [item.city, item.region, item.country].filter(Boolean).join(", "), url: `/jobs/location/${item.locationSlug}/` })),
      ],
    });
  });

  // Registered before /jobs/location/<slug>/ so "telecommute" is never read as a slug.
  app.get("/jobs/location/telecommute/", publicPage, (c) => list(c, { telecommute: true }, "Telecommuting Jobs"));

  app.get("/jobs/location/:slug/", publicPage, async (c) => {
    const slug = slugParam(c.req.param("slug"));
    // Legacy answers 200 with an empty list for an unknown location.
    return list(c, { locationSlug: slug }, `Jobs in ${slug}`);
  });

  app.get("/jobs/thanks/", publicPage, (c) => renderJobsPage(c, deps, "jobs/job_thanks.njk", { title: "Thank you for your job submission" }));

  app.get("/jobs/:id{[0-9]+}/", publicPage, async (c) => {
    const id = parseDbId(c.req.param("id"));
    if (id === undefined) throw new AppError("NOT_FOUND", "There is no such job.");
    const detail = await jobs.getJobPage({ id, viewer: c.get("user") });
    c.header("Surrogate-Key", `jobs job-${id}`);
    return renderJobsPage(c, deps, "jobs/job_detail.njk", {
      title: `${detail.job.jobTitle} at ${detail.job.companyName}`,
      description: `${detail.job.jobTitle}, ${detail.job.companyName}, ${detail.job.location}`,
      detail,
      jsonLd: detail.visible ? JSON.stringify(jobPostingJsonLd(detail.job, deps.siteUrl)).replaceAll("<", "\\u003c") : null,
      next: c.req.path,
    });
  });

  registerFeeds(app, deps);
}

function registerFeeds(app: Hono<AppEnv>, deps: JobsRouteDeps): void {
  const absolute = (path: string) => new URL(path, deps.siteUrl).toString();
  const channel: FeedChannel = {
    title: "Python.org Jobs Feed",
    description: "Python jobs from Python.org",
    link: absolute("/jobs/"),
    selfUrl: absolute("/jobs/feed/rss/"),
    atomUrl: absolute("/jobs/feed/atom/"),
  };
  const serve = (format: FeedFormat) =>
    app.get(`/jobs/feed/${format}/`, publicPage, async (c) => {
      const items = await deps.jobs.listFeedJobs();
      c.header("Surrogate-Key", "jobs jobs-feed");
      // Legacy JobFeed: "<title>, <company>"; the description is the location, the rendered description and requirements, one per line.
      return feedResponse(
        c,
        format,
        format === "atom" ? { ...channel, selfUrl: channel.atomUrl! } : channel,
        items.map((job) => ({
          title: `${job.jobTitle}, ${job.companyName}`,
          link: absolute(job.url),
          description: [job.location, job.descriptionHtml, job.requirementsHtml].join("\n"),
          date: job.created,
        })),
      );
    });
  serve("rss");
  serve("atom");
}
