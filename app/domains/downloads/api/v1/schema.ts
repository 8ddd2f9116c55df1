// `/api/v1/<resource>/schema/` for the downloads resources (legacy apps/downloads/api.py).
import { tastypieSchema } from "../../../../core/api/tastypie.ts";
import { FILTER_SPECS, type ResourceName } from "./filters.ts";

export function v1Schema(name: ResourceName, listMethods: string[], detailMethods: string[]) {
  return tastypieSchema({ ...FILTER_SPECS[name], nullable: ["release_page"], unique: ["slug", "url"] }, { list: listMethods, detail: detailMethods });
}
