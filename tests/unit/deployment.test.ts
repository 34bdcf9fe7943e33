// Where the site is published comes from the environment: no address when none is given (never
// localhost), a normalised base path, and "Edit page" links only when the repository is known.
import { describe, expect, it } from "vitest";
import { deployment, normalizeBase, repositoryWebUrl } from "../../src/integrations/deployment.mjs";

describe("deployment", () => {
  it("gives no site address and the root base when the environment says nothing", () => {
    expect(deployment({})).toEqual({ site: undefined, base: "/", outDir: "./dist", editLinkBase: undefined });
  });

  it("reads SITE_URL, BASE_PATH and OUT_DIR", () => {
    const d = deployment({ SITE_URL: "https://learn.example.org", BASE_PATH: "/async-animated/", OUT_DIR: "dist-subpath" });
    expect(d).toMatchObject({ site: "https://learn.example.org", base: "/async-animated/", outDir: "dist-subpath" });
  });

  it("takes the base from SITE_URL's path when BASE_PATH is unset", () => {
    expect(deployment({ SITE_URL: "https://someone.github.io/async-animated" })).toMatchObject({ site: "https://someone.github.io", base: "/async-animated/" });
    expect(deployment({ SITE_URL: "https://someone.github.io/async-animated", BASE_PATH: "/" }).base).toBe("/");
  });

  it("refuses a SITE_URL that is not an absolute address", () => {
    expect(() => deployment({ SITE_URL: "learn.example.org" })).toThrow(/SITE_URL must be an absolute address/);
  });

  it("points edit links at the repository's file on a branch: REPOSITORY_URL first, then package.json", () => {
    const pkg = { repository: { type: "git", url: "git+https://github.com/someone/async-animated.git" } };
    expect(deployment({}, pkg).editLinkBase).toBe("https://github.com/someone/async-animated/edit/main/");
    expect(deployment({ REPOSITORY_URL: "https://gitlab.com/a/b/", REPOSITORY_BRANCH: "trunk" }, pkg).editLinkBase).toBe("https://gitlab.com/a/b/edit/trunk/");
  });
});

describe("normalizeBase", () => {
  it("gives one leading and one trailing slash", () => {
    expect(["async-animated", "/async-animated", "async-animated/", "//async-animated//"].map(normalizeBase)).toEqual(Array(4).fill("/async-animated/"));
    expect(["", "/", undefined].map(normalizeBase)).toEqual(["/", "/", "/"]);
    expect(normalizeBase("/courses/async/")).toBe("/courses/async/");
  });
});

describe("repositoryWebUrl", () => {
  it("reads package.json's repository forms", () => {
    expect(repositoryWebUrl("someone/async-animated")).toBe("https://github.com/someone/async-animated");
    expect(repositoryWebUrl("github:someone/async-animated")).toBe("https://github.com/someone/async-animated");
    expect(repositoryWebUrl("git@github.com:someone/async-animated.git")).toBe("https://github.com/someone/async-animated");
    expect(repositoryWebUrl({ url: "https://codeberg.org/someone/async-animated" })).toBe("https://codeberg.org/someone/async-animated");
    expect(repositoryWebUrl(undefined)).toBeUndefined();
  });
});
