// The jobs part of /api/openapi.json (api.ts, serializers.ts).
import { z } from "zod";
import { jsonResponse, type OpenApiPart, problemResponse, queryParameters } from "../../core/http/openapi.ts";
import { JobListQuerySchema } from "./schemas.ts";

const TAG = "Jobs";
const Taxonomy = z.object({ name: z.string(), slug: z.string() });

export const JobSchema = z
  .object({
    id: z.number().int(),
    job_title: z.string(),
    company_name: z.string(),
    city: z.string(),
    region: z.string(),
    country: z.string(),
    location_slug: z.string(),
    telecommuting: z.boolean(),
    agencies: z.boolean(),
    is_featured: z.boolean(),
    category: Taxonomy,
    job_types: z.array(Taxonomy),
    other_job_type: z.string(),
    description_html: z.string().meta({ description: "Sanitised HTML." }),
    requirements_html: z.string().meta({ description: "Sanitised HTML." }),
    company_description_html: z.string().meta({ description: "Sanitised HTML." }),
    contact: z.string(),
    url: z.string().meta({ description: "The company's website; empty when none." }),
    created: z.iso.datetime(),
    expires: z.iso.datetime().nullable(),
    html_url: z.url(),
    resource_uri: z.url(),
  })
  .meta({ title: "Job" });

export const JobPageSchema = z.object({ count: z.number().int(), next: z.url().nullable(), previous: z.url().nullable(), results: z.array(JobSchema) }).meta({ title: "JobPage" });

export const JobTaxonomySchema = z.object({ id: z.number().int(), name: z.string(), slug: z.string(), html_url: z.url() }).meta({ title: "JobTaxonomy" });

const taxonomyList = { type: "array", items: { $ref: "#/components/schemas/JobTaxonomy" } };

export const jobsOpenApi: OpenApiPart = {
  tags: [{ name: TAG, description: "The Python Job Board: approved jobs that have not expired." }],
  schemas: { Job: JobSchema, JobPage: JobPageSchema, JobTaxonomy: JobTaxonomySchema },
  paths: {
    "/api/v3/jobs/": {
      get: {
        operationId: "listJobs",
        summary: "List visible jobs",
        description: "Newest first, 25 a page; filter by one of `type`, `category`, `location` (a location slug) or `telecommute`. A page past the last is a 404.",
        tags: [TAG],
        parameters: queryParameters(JobListQuerySchema),
        responses: {
          "200": jsonResponse("A page of jobs.", "JobPage"),
          "400": problemResponse("An unknown parameter or a value it cannot take."),
          "404": problemResponse("The page is past the last one."),
        },
      },
    },
    "/api/v3/jobs/{id}/": {
      get: {
        operationId: "getJob",
        summary: "One visible job",
        tags: [TAG],
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } }],
        responses: { "200": jsonResponse("The job.", "Job"), "404": problemResponse("No visible job has this id.") },
      },
    },
    "/api/v3/jobs/types/": {
      get: { operationId: "listJobTypes", summary: "Job types with visible jobs", tags: [TAG], responses: { "200": jsonResponse("Types by name.", taxonomyList) } },
    },
    "/api/v3/jobs/categories/": {
      get: { operationId: "listJobCategories", summary: "Job categories with visible jobs", tags: [TAG], responses: { "200": jsonResponse("Categories by name.", taxonomyList) } },
    },
  },
};
