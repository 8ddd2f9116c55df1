// The pages domain's legacy migrator: CMS pages with their images and documents, the
// sitetree navigation and the editor redirects.
import type { Migrator } from "../../core/legacy/types.ts";
import { navigationSteps } from "./legacy/navigation.ts";
import { pageSteps } from "./legacy/pages.ts";
import { redirectSteps } from "./legacy/redirects.ts";

/** Pages, navigation trees and editor redirects, after users (authors; menu items reference permissions). */
export const pagesLegacyMigrator: Migrator = {
  name: "pages",
  dependsOn: ["users"],
  steps: [...pageSteps, ...navigationSteps, ...redirectSteps],
};
