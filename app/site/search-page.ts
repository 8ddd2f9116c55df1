// Which results page /search/ shows, as haystack's SearchView.build_page decides:
// `int(request.GET.get("page", 1))`, so a missing `page` is 1, what Python's int() refuses
// is a 404 ("Not a valid number for page."), and so is a page below 1. A page past the
// last is a 404 too; search.ts checks that once it knows how many results there are.
import { AppError } from "../core/errors.ts";

/** The deepest page served: the search index does not page past 20,000 results. */
export const MAX_SEARCH_PAGE = 1000;

/** Python's int() of a string: surrounding whitespace, a sign, digits with single underscores between them. */
const PYTHON_INT = /^[+-]?[0-9]+(?:_[0-9]+)*$/;

/** The page number asked for (1 when absent); NOT_FOUND for one that cannot be a page. */
export function requestedPage(raw: string | null): number {
  if (raw === null) return 1;
  const text = raw.trim();
  if (!PYTHON_INT.test(text)) throw new AppError("NOT_FOUND", "Not a valid number for page.");
  const page = Number(text.replaceAll("_", ""));
  if (page < 1) throw new AppError("NOT_FOUND", "Pages should be 1 or greater.");
  if (page > MAX_SEARCH_PAGE) throw new AppError("NOT_FOUND", "No such page!");
  return page;
}
