// Page numbers for the admin lists: the current page clamped into range and a short
// list of page links with gaps (1 … 4 5 [6] 7 8 … 20), as Django's admin shows.

export interface Pagination {
  page: number;
  pageCount: number;
  perPage: number;
  total: number;
  offset: number;
  /** Page numbers to link, `null` where pages are skipped. */
  links: Array<number | null>;
}

/** Parses `p=` (1-based); anything that is not a positive whole number means page 1. */
export function parsePage(raw: string | undefined): number {
  if (!raw || !/^[1-9][0-9]{0,6}$/.test(raw)) return 1;
  return Number(raw);
}

/** Clamps `page` into 1..pageCount and lists the links around it. */
export function paginate(options: { page: number; perPage: number; total: number }): Pagination {
  const pageCount = Math.max(1, Math.ceil(options.total / options.perPage));
  const page = Math.min(Math.max(1, options.page), pageCount);
  const wanted = new Set<number>([1, 2, pageCount - 1, pageCount]);
  for (let near = page - 2; near <= page + 2; near += 1) wanted.add(near);
  const numbers = [...wanted].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  const links: Array<number | null> = [];
  numbers.forEach((n, index) => {
    if (index > 0 && n - numbers[index - 1]! > 1) links.push(null);
    links.push(n);
  });
  return { page, pageCount, perPage: options.perPage, total: options.total, offset: (page - 1) * options.perPage, links };
}
