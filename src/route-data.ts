// Starlight's route middleware: lessons' frontmatter links, like their prose links, are written
// root-absolutely (hero: actions: link: /lessons/why-async/); Starlight uses them as they are, so put
// the site's base path in front here (src/integrations/base-links.mjs does it for the prose).
import { defineRouteMiddleware } from "@astrojs/starlight/route-data";
import { withBase } from "./integrations/base-links.mjs";

export const onRequest = defineRouteMiddleware((context) => {
  const hero = context.locals.starlightRoute.entry.data.hero;
  for (const action of hero?.actions ?? []) action.link = withBase(action.link, import.meta.env.BASE_URL);
});
