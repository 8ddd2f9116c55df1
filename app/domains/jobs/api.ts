// API v3 of the job board (legacy had none): visible jobs with the page's filters, 25 a
// page with `next`/`previous` links, one job, and the types and categories that have
// visible jobs. Anonymous answers are cached until the next jobs write.
import { Hono } from "hono";
import { AppError } from "../../core/errors.ts";
import { cacheable } from "../../core/http/cacheable.ts";
import type { AppEnv } from "../../core/http/env.ts";
import { parseDbId } from "../../core/http/ids.ts";
import { validateQuery } from "../../core/http/validate.ts";
import { JobListQuerySchema } from "./schemas.ts";
import { JOBS_CACHE_TAG, type JobFilter, type JobsService } from "./service.ts";
import { toJobJson, toTaxonomyJson } from "./serializers.ts";

export function jobsApi(jobs: JobsService, options: { siteUrl: string }): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ strict: true });
  app.use("/v3/jobs/*", cacheable({ tags: [JOBS_CACHE_TAG] }));
  app.use("/v3/jobs/*", async (c, next) => {
    await next();
    c.header("Surrogate-Key", "jobs api-jobs");
  });

  app.get("/v3/jobs/", validateQuery(JobListQuerySchema), async (c) => {
    const query = c.req.valid("query");
    const filter: JobFilter = query.type
      ? { typeSlug: query.type }
      : query.category
        ? { categorySlug: query.category }
        : query.location
          ? { locationSlug: query.location }
          : query.telecommute
            ? { telecommute: true }
            : {};
    const page = await jobs.listVisibleJobDetails({ filter, page: query.page });
    const link = (number: number) => {
      const url = new URL(c.req.url);
      url.searchParams.set("page", String(number));
      return new URL(`${url.pathname}${url.search}`, options.siteUrl).toString();
    };
    return c.json({
      count: page.total,
      next: page.page < page.pages ? link(page.page + 1) : null,
      previous: page.page > 1 ? link(page.page - 1) : null,
      results: page.items.map((job) => toJobJson(job, options.siteUrl)),
    });
  });

  app.get("/v3/jobs/types/", async (c) => c.json((await jobs.listTypesWithJobs()).map((type) => toTaxonomyJson(type, "type", options.siteUrl))));
  app.get("/v3/jobs/categories/", async (c) => c.json((await jobs.listCategoriesWithJobs()).map((category) => toTaxonomyJson(category, "category", options.siteUrl))));

  app.get("/v3/jobs/:id/", async (c) => {
    const id = parseDbId(c.req.param("id"));
    if (id === undefined) throw new AppError("NOT_FOUND", "There is no such job.");
    // Only public jobs: the API does not show anyone their hidden ones.
    const job = await jobs.getViewableJob({ id, viewer: null });
    return c.json(toJobJson(job, options.siteUrl));
  });
  return app;
}
