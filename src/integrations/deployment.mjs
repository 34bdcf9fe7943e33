// Where the site is published, read from the environment, so one build fits any host: a domain's
// root, a GitHub Pages project site (/<repo>/), a folder of a course's site.
//   SITE_URL           the deployed address (canonical links, sitemap); unset: no absolute URLs at all.
//                      Its path, if any, is the base path when BASE_PATH is unset.
//   BASE_PATH          the sub-path the site is served under ("/async-animated/"); "/" by default
//   OUT_DIR            the build's folder ("dist" by default), so two builds can sit side by side
//   REPOSITORY_URL     the repository's web address, for "Edit page" links; package.json's
//                      `repository` field otherwise; neither: no edit links
//   REPOSITORY_BRANCH  the branch those links edit ("main" by default)

/** A base path with exactly one leading and one trailing slash ("async-animated" → "/async-animated/"). */
export function normalizeBase(path) {
  const inner = (path ?? "").trim().replace(/^\/+|\/+$/g, "");
  return inner ? `/${inner}/` : "/";
}

/** A repository's web address from package.json's `repository` field (a URL, "owner/repo", "github:owner/repo", or `{ url }`). */
export function repositoryWebUrl(field) {
  const raw = (typeof field === "string" ? field : field?.url)?.trim();
  if (!raw) return undefined;
  const shorthand = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(raw);
  if (shorthand) return `https://github.com/${shorthand[1]}`;
  const ssh = /^git@([^:]+):(.+)$/.exec(raw);
  const url = ssh ? `https://${ssh[1]}/${ssh[2]}` : raw.replace(/^git\+/, "").replace(/^git:\/\//, "https://");
  return url.replace(/\.git$/, "").replace(/\/+$/, "");
}

/** The site's address, base path, output folder and edit-link base, from the environment and package.json. */
export function deployment(env, pkg = {}) {
  let site;
  let sitePath;
  if (env.SITE_URL) {
    let url;
    try {
      url = new URL(env.SITE_URL);
    } catch {
      throw new Error(`SITE_URL must be an absolute address such as https://example.org, got "${env.SITE_URL}".`);
    }
    [site, sitePath] = [url.origin, url.pathname];
  }
  const repository = env.REPOSITORY_URL ? repositoryWebUrl(env.REPOSITORY_URL) : repositoryWebUrl(pkg.repository);
  return {
    site,
    base: normalizeBase(env.BASE_PATH ?? sitePath),
    outDir: env.OUT_DIR || "./dist",
    editLinkBase: repository ? `${repository}/edit/${env.REPOSITORY_BRANCH || "main"}/` : undefined,
  };
}
