// The pages domain's legacy migrator: the sitetree navigation and the editor redirects
// now; CMS pages, images and files join it with the pages issue.
import type { Migrator } from "../../core/legacy/types.ts";
import { navigationSteps } from "./legacy-navigation.ts";
import { redirectSteps } from "./legacy-redirects.ts";

/** Navigation trees and editor redirects, after users (menu items reference permissions). */
export const pagesLegacyMigrator: Migrator = {
  name: "pages",
  dependsOn: ["users"],
  steps: [...navigationSteps, ...redirectSteps],
};
