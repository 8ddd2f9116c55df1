// The legacy API roots list every domain's resources, pages included (urls.md §16).
import { describe, expect, it } from "vitest";
import { useTestContext } from "../../testing/deps.ts";

const ctx = useTestContext();

describe("legacy API roots", () => {
  it("lists downloads and pages at /api/v1/ (tastypie top level)", async () => {
    const response = await ctx.app.request("/api/v1/");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      "downloads/os": { list_endpoint: "/api/v1/downloads/os/", schema: "/api/v1/downloads/os/schema/" },
      "downloads/release": { list_endpoint: "/api/v1/downloads/release/", schema: "/api/v1/downloads/release/schema/" },
      "downloads/release_file": { list_endpoint: "/api/v1/downloads/release_file/", schema: "/api/v1/downloads/release_file/schema/" },
      "pages/page": { list_endpoint: "/api/v1/pages/page/", schema: "/api/v1/pages/page/schema/" },
    });
    const schema = await (await ctx.app.request("/api/v1/pages/page/schema/")).json();
    expect(schema).toMatchObject({ allowed_list_http_methods: ["get", "post"], filtering: { keywords: ["exact", "icontains"] } });
  });

  it("lists downloads and pages at /api/v2/ (DRF router root)", async () => {
    expect(await (await ctx.app.request("/api/v2/")).json()).toEqual({
      "downloads/os": "http://testserver/api/v2/downloads/os/",
      "downloads/release": "http://testserver/api/v2/downloads/release/",
      "downloads/release_file": "http://testserver/api/v2/downloads/release_file/",
      "pages/page": "http://testserver/api/v2/pages/page/",
    });
  });
});
