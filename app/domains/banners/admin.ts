// The banners admin: editors write site-wide notices and switch them on and off,
// one by one or in bulk.
import { defineAdminResource } from "../../core/admin/index.ts";
import { toAppError } from "../../core/errors.ts";
import { BANNER_SORT_FIELDS, type BannerInput, BannerInputSchema, type BannerSortField } from "./schemas.ts";
import type { BannersService, BannerView } from "./service.ts";

const YES_NO = [
  { value: "1", label: "Yes" },
  { value: "0", label: "No" },
];

const flag = (value: string | undefined) => (value === undefined ? undefined : value === "1");
const sortField = (field: string): BannerSortField => ((BANNER_SORT_FIELDS as readonly string[]).includes(field) ? (field as BannerSortField) : "id");

/** The admin registration of banners, backed by the banners service. */
export function bannersAdmin(banners: BannersService) {
  return defineAdminResource<BannerView, BannerInput>({
    appLabel: "banners",
    model: "banner",
    verboseName: "banner",
    verboseNamePlural: "banners",
    listColumns: [
      { name: "title", label: "Title", value: (banner) => banner.title, sortable: true },
      { name: "active", label: "Active", value: (banner) => banner.active, sortable: true },
      { name: "psfPagesOnly", label: "PSF pages only", value: (banner) => banner.psfPagesOnly, sortable: true },
      { name: "link", label: "Link", value: (banner) => banner.link },
      { name: "id", label: "Id", value: (banner) => banner.id, sortable: true },
    ],
    searchFields: ["title", "message", "link"],
    filters: [
      { name: "active", label: "Active", choices: YES_NO },
      { name: "psf", label: "PSF pages only", choices: YES_NO },
    ],
    defaultOrdering: "-id",
    perPage: 50,
    form: {
      schema: BannerInputSchema,
      fields: [
        { name: "title", label: "Title", widget: "text", required: true, maxLength: 1024 },
        { name: "message", label: "Message", widget: "textarea", required: true, maxLength: 2048, help: "Plain text shown next to the title." },
        { name: "link", label: "Link", widget: "text", required: true, maxLength: 1024, help: "An http(s) URL or a site path starting with /." },
        { name: "active", label: "Active", widget: "checkbox", help: "Shown on the site now. The oldest active banner wins." },
        { name: "psfPagesOnly", label: "PSF pages only", widget: "checkbox", help: "Show only on the PSF section of the site." },
      ],
    },
    initialValues: { active: false, psfPagesOnly: true },
    bulkActions: [
      { name: "activate", label: "Activate selected banners", permission: "change", run: ({ ids, onWrite }) => banners.setBannersActive({ ids, active: true, onWrite }) },
      { name: "deactivate", label: "Deactivate selected banners", permission: "change", run: ({ ids, onWrite }) => banners.setBannersActive({ ids, active: false, onWrite }) },
    ],
    async list({ query }) {
      const { items, total } = await banners.searchBanners({
        q: query.search,
        active: flag(query.filters.active),
        psfPagesOnly: flag(query.filters.psf),
        orderBy: { field: sortField(query.ordering.field), direction: query.ordering.direction },
        offset: query.offset,
        limit: query.limit,
      });
      return { rows: items, total };
    },
    async load({ id }) {
      return banners.getBanner({ id }).catch((error: unknown) => {
        if (toAppError(error)?.code === "NOT_FOUND") return null;
        throw error;
      });
    },
    create: ({ input, onWrite }) => banners.saveBanner({ input, onWrite }),
    update: ({ id, input, onWrite }) => banners.saveBanner({ id, input, onWrite }),
    delete: ({ id, onWrite }) => banners.deleteBanner({ id, onWrite }),
    toFormValues: (banner) => ({ title: banner.title, message: banner.message, link: banner.link, active: banner.active, psfPagesOnly: banner.psfPagesOnly }),
    idOf: (banner) => banner.id,
    toRepr: (banner) => banner.title,
    toAuditSnapshot: (banner) => ({ title: banner.title, message: banner.message, link: banner.link, active: banner.active, psfPagesOnly: banner.psfPagesOnly }),
  });
}
