// `/box/<label>/`: the box's HTML with no layout (legacy apps/boxes/views.py), which
// legacy JavaScript fetched to fill the supernav panels.
import { Hono } from "hono";
import type { AppEnv } from "../../core/http/env.ts";
import type { BoxesService } from "./service.ts";
import { BoxLabelSchema } from "./schemas.ts";
import { AppError } from "../../core/errors.ts";

export function boxesRoutes(boxes: BoxesService) {
  const app = new Hono<AppEnv>();
  app.get("/box/:label/", async (c) => {
    const label = BoxLabelSchema.safeParse(c.req.param("label"));
    if (!label.success) throw new AppError("NOT_FOUND", "There is no such box.");
    const box = await boxes.getBox({ label: label.data });
    c.header("Surrogate-Key", `box box-${box.label}`);
    c.header("Last-Modified", box.updated.toUTCString());
    return c.html(box.html);
  });
  return app;
}
