// Test data for the jobs domain, written through the service: a few types and categories,
// a job form that validates, and jobs walked through the workflow to a given status.
import type { JobsService, JobView } from "../../domains/jobs/index.ts";
import type { CurrentUser } from "../../core/http/env.ts";
import type { TestContext } from "../deps.ts";
import { createTestUser } from "./users.ts";

let sequence = 0;

export interface JobsFixture {
  types: { fullTime: number; contract: number; inactive: number };
  categories: { web: number; science: number; inactive: number };
}

/** Job types and categories, one of each inactive. */
export async function createJobsTaxonomy(jobs: JobsService): Promise<JobsFixture> {
  const type = async (name: string, slug: string, active = true) => (await jobs.saveTaxonomy({ kind: "type", input: { name, slug, active } })).id;
  const category = async (name: string, slug: string, active = true) => (await jobs.saveTaxonomy({ kind: "category", input: { name, slug, active } })).id;
  return {
    types: { fullTime: await type("Full Time", "full-time"), contract: await type("Contract", "contract"), inactive: await type("Old type", "old-type", false) },
    categories: {
      web: await category("Web Development", "web-development"),
      science: await category("Scientific", "scientific"),
      inactive: await category("Old category", "old-category", false),
    },
  };
}

/** A valid job form; unique titles unless given. */
export function jobForm(fixture: JobsFixture, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  return {
    jobTitle: `Python Developer ${sequence}`,
    companyName: "Acme Corp",
    categoryId: fixture.categories.web,
    jobTypeIds: [fixture.types.fullTime],
    city: "Zürich",
    region: "ZH",
    country: "Switzerland",
    description: "We build **web** things.",
    requirements: "- Python\n- Django",
    companyDescription: "Acme makes everything.",
    contact: "Ada Lovelace",
    email: "hiring@acme.example",
    url: "https://acme.example/jobs",
    telecommuting: false,
    agencies: true,
    ...overrides,
  };
}

/** A signed-in user as the service sees one. */
export function actorOf(user: { id: number; username?: string }, extra: Partial<CurrentUser> = {}): CurrentUser {
  return { id: user.id, username: user.username ?? `user${user.id}`, email: "", isStaff: false, isSuperuser: false, permissions: new Set(), groups: [], ...extra };
}

/** A member of the "Job Board Admin" group, as a user row and an actor. */
export async function createJobAdmin(ctx: TestContext): Promise<{ id: number; username: string; password: string; actor: CurrentUser }> {
  const user = await createTestUser(ctx, { groups: ["Job Board Admin"] });
  return { ...user, actor: actorOf(user, { groups: ["Job Board Admin"] }) };
}

/** A job by `creator` walked to `status` through the workflow (approvals by `admin`). */
export async function createJobInStatus(
  jobs: JobsService,
  options: {
    fixture: JobsFixture;
    creator: CurrentUser;
    admin: CurrentUser;
    status: "draft" | "review" | "approved" | "rejected" | "removed" | "archived";
    form?: Record<string, unknown>;
  },
): Promise<JobView> {
  const job = await jobs.createJob({ input: jobForm(options.fixture, options.form), actor: options.creator });
  if (options.status === "draft") return job;
  await jobs.submitForReview({ id: job.id, actor: options.creator });
  if (options.status === "review") return jobs.getJob({ id: job.id });
  const action = { approved: "approve", rejected: "reject", removed: "remove", archived: "archive" } as const;
  return jobs.moderateJob({ id: job.id, action: action[options.status], actor: options.admin });
}
