// Input schemas of the pages domain: pages, editor redirects, menu trees and items. The
// admin, the service and the APIs validate with these same schemas.
import { z } from "zod";
import { dbIdTextSchema, dbIntegerSchema } from "../../core/http/ids.ts";
import { MARKUP_TYPES } from "../../core/markup/render.ts";
import { normalizePagePath } from "./schemas/paths.ts";

/** Legacy template names editors may choose; "" means pages/default.html. */
export const PAGE_TEMPLATES = ["", "pages/default.html", "psf/default.html", "psf/full-width.html", "pages/raw.html"] as const;

/** A stored page path: slashes stripped, no control characters, no `.`/`..` segments, no query or fragment. */
export const PagePathSchema = z
  .string()
  .transform(normalizePagePath)
  .pipe(
    z
      .string()
      .min(1, "Enter a path, e.g. about/help.")
      .max(500, "Use at most 500 characters.")
      .refine((path) => !/[\s\p{C}?#\\]/u.test(path), "Paths cannot contain spaces, ?, # or backslashes.")
      .refine((path) => !path.split("/").some((segment) => segment === "" || segment === "." || segment === ".."), "Remove empty, . and .. segments."),
  );

const MediaTypeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(150, "Use at most 150 characters.")
  .regex(/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+(\s*;\s*charset=[a-z0-9_-]+)?$/, "Enter a media type such as text/html or text/plain.");

export const PageInputSchema = z.object({
  title: z.string().trim().min(1, "Enter a title.").max(500, "Use at most 500 characters."),
  keywords: z.string().trim().max(1000, "Use at most 1,000 characters.").default(""),
  description: z.string().trim().max(10_000, "Use at most 10,000 characters.").default(""),
  path: PagePathSchema,
  content: z.string().max(500_000, "The content is too long (500,000 characters at most).").default(""),
  contentMarkupType: z.enum(MARKUP_TYPES, { error: "Choose a markup type." }),
  isPublished: z.boolean().default(true),
  contentType: MediaTypeSchema.default("text/html"),
  templateName: z.enum(PAGE_TEMPLATES, { error: "Choose a template." }).default(""),
});
export type PageInput = z.infer<typeof PageInputSchema>;

export const PAGE_SORT_FIELDS = ["title", "path", "isPublished", "updated"] as const;
export type PageSortField = (typeof PAGE_SORT_FIELDS)[number];

/** One page of the admin's page list. */
export interface PageSearch {
  q?: string;
  isPublished?: boolean;
  section?: string;
  orderBy: { field: PageSortField; direction: "asc" | "desc" };
  offset: number;
  limit: number;
}

/** An old site path, as Django's RedirectFallbackMiddleware matches it: absolute, no host. */
const OldPathSchema = z
  .string()
  .trim()
  .min(1, "Enter the old path, e.g. /old/page/.")
  .max(200, "Use at most 200 characters.")
  .refine((path) => path.startsWith("/") && !path.startsWith("//"), "Start with a single /.")
  .refine((path) => !/[\s\p{C}]/u.test(path), "Remove spaces and control characters.");

/** Empty (410 Gone), a site path, or an http(s) URL; other schemes are refused as Django's redirects refuse them. */
const NewPathSchema = z
  .string()
  .trim()
  .max(200, "Use at most 200 characters.")
  .refine(
    (path) => path === "" || (path.startsWith("/") && !path.startsWith("//")) || /^https?:\/\/[^\s/]+/i.test(path),
    "Enter a path starting with /, an http(s) URL, or nothing for 410 Gone.",
  )
  .refine((path) => !/[\s\p{C}]/u.test(path), "Remove spaces and control characters.")
  .default("");

export const RedirectInputSchema = z.object({ oldPath: OldPathSchema, newPath: NewPathSchema });
export type RedirectInput = z.infer<typeof RedirectInputSchema>;

const Alias = z
  .string()
  .trim()
  .max(80, "Use at most 80 characters.")
  .regex(/^[A-Za-z0-9_-]+$/, "Use only letters, digits, hyphens and underscores.");

const Id = dbIdTextSchema("Select a valid choice.");

export const NavTreeInputSchema = z.object({
  alias: Alias.min(1, "Enter an alias."),
  title: z.string().trim().max(100, "Use at most 100 characters.").default(""),
});
export type NavTreeInput = z.infer<typeof NavTreeInputSchema>;

export const NavItemInputSchema = z.object({
  treeId: Id,
  parentId: Id.nullable().default(null),
  title: z.string().trim().min(1, "Enter a title.").max(100, "Use at most 100 characters."),
  hint: z.string().trim().max(200, "Use at most 200 characters.").default(""),
  url: z
    .string()
    .trim()
    .min(1, "Enter a URL or a URL name.")
    .max(200, "Use at most 200 characters.")
    .refine((url) => !/^\s*(javascript|data|vbscript):/i.test(url), "Only http(s), mailto and site links are allowed."),
  urlAsPattern: z.boolean().default(false),
  hidden: z.boolean().default(false),
  alias: Alias.nullable().default(null),
  description: z.string().max(10_000).default(""),
  inMenu: z.boolean().default(true),
  inBreadcrumbs: z.boolean().default(true),
  inSitemap: z.boolean().default(true),
  accessLoggedIn: z.boolean().default(false),
  accessGuest: z.boolean().default(false),
  accessRestricted: z.boolean().default(false),
  accessPermType: z.coerce
    .number()
    .int()
    .refine((value) => value === 1 || value === 2, "Choose any or all.")
    .default(1),
  sortOrder: dbIntegerSchema().default(0),
  permissions: z.array(z.string().max(201)).default([]),
});
export type NavItemInput = z.infer<typeof NavItemInputSchema>;
