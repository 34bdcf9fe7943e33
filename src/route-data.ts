// Starlight's route middleware.
// - Lessons' frontmatter links, like their prose links, are written root-absolutely (hero: actions:
//   link: /lessons/why-async/); Starlight uses them as they are, so put the site's base path in front
//   here (src/integrations/base-links.mjs does it for the prose).
// - Lessons have no table-of-contents column: their playgrounds use that width (playground.css).
import { defineRouteMiddleware } from "@astrojs/starlight/route-data";
import { withBase } from "./integrations/base-links.mjs";

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  for (const action of route.entry.data.hero?.actions ?? []) action.link = withBase(action.link, import.meta.env.BASE_URL);
  if (route.id.startsWith("lessons/")) route.toc = undefined;
});
