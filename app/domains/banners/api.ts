// Read-only banners API (v3): which notices exist and which are live.
import { Hono } from "hono";
import { AppError } from "../../core/errors.ts";
import type { AppEnv } from "../../core/http/env.ts";
import { dbIdTextSchema } from "../../core/http/ids.ts";
import { validateQuery } from "../../core/http/validate.ts";
import { BannerListQuerySchema } from "./schemas.ts";
import type { BannersService } from "./service.ts";
import { toBannerJson } from "./serializers.ts";

const IdSchema = dbIdTextSchema();

export function bannersApi(banners: BannersService, options: { siteUrl: string }) {
  const app = new Hono<AppEnv>();
  app.get("/v3/banners/", validateQuery(BannerListQuerySchema), async (c) => {
    const list = await banners.listBanners(c.req.valid("query"));
    return c.json(list.map((banner) => toBannerJson(banner, options.siteUrl)));
  });
  app.get("/v3/banners/:id/", async (c) => {
    const id = IdSchema.safeParse(c.req.param("id"));
    if (!id.success) throw new AppError("NOT_FOUND", "There is no such banner.");
    return c.json(toBannerJson(await banners.getBanner({ id: id.data }), options.siteUrl));
  });
  return app;
}
