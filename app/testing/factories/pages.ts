// CMS pages for tests: a published Markdown page at `path`, any field overridable.
import type { PageInput } from "../../domains/pages/index.ts";

export function pageInput(overrides: Partial<PageInput> & { path: string }): PageInput {
  return {
    title: "Logos",
    content: "",
    contentMarkupType: "markdown",
    isPublished: true,
    keywords: "",
    description: "",
    contentType: "text/html",
    templateName: "",
    ...overrides,
  };
}
