// Read-only boxes API (v3). Writes arrive with the editors' admin and API credentials.
import { Hono } from "hono";
import type { AppEnv } from "../../core/http/env.ts";
import { validateQuery } from "../../core/http/validate.ts";
import { BoxLabelSchema, BoxListQuerySchema } from "./schemas.ts";
import type { BoxesService } from "./service.ts";
import { toBoxJson } from "./serializers.ts";
import { AppError } from "../../core/errors.ts";

export function boxesApi(boxes: BoxesService, options: { siteUrl: string }) {
  const app = new Hono<AppEnv>();
  app.get("/v3/boxes/", validateQuery(BoxListQuerySchema), async (c) => {
    const list = await boxes.listBoxes(c.req.valid("query"));
    return c.json(list.map((box) => toBoxJson(box, options.siteUrl)));
  });
  app.get("/v3/boxes/:label/", async (c) => {
    const label = BoxLabelSchema.safeParse(c.req.param("label"));
    if (!label.success) throw new AppError("NOT_FOUND", "There is no such box.");
    return c.json(toBoxJson(await boxes.getBox({ label: label.data }), options.siteUrl));
  });
  return app;
}
