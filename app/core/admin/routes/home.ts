// `/admin/`: the apps and models this user may see, with list and add links.
import { Hono } from "hono";
import type { AppEnv } from "../../http/env.ts";
import { allowedActions } from "../access.ts";
import { type AdminDeps, adminUrls, capfirst, currentUser } from "./shared.ts";

export function homeRoutes(deps: AdminDeps) {
  const app = new Hono<AppEnv>({ strict: true });
  app.get("/", async (c) => {
    const user = currentUser(c);
    const apps = deps.registry
      .apps()
      .map((group) => ({
        label: capfirst(group.appLabel),
        models: group.resources
          .map((resource) => ({ resource, allowed: allowedActions(user, resource) }))
          .filter(({ allowed }) => allowed.view || allowed.add)
          .map(({ resource, allowed }) => ({
            name: capfirst(resource.verboseNamePlural),
            listUrl: allowed.view ? adminUrls(resource).list : "",
            addUrl: allowed.add ? adminUrls(resource).add : "",
          })),
      }))
      .filter((group) => group.models.length > 0);
    return c.render("admin/index.njk", { title: "Site administration | Python.org admin", apps });
  });
  return app;
}
