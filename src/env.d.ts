/// <reference types="astro/client" />

interface ImportMetaEnv {
  /** Where the site serves Pyodide: "<base>pyodide/<version>/" (src/integrations/pyodide-files.mjs). */
  readonly PYODIDE_PATH: string;
  /** The interpreter's memory snapshot, gzipped, in that folder (src/integrations/pyodide-files.mjs). */
  readonly PYODIDE_SNAPSHOT: string;
  /** The site's files a Python twin may open, relative to public/ (e.g. "samples/photo-01.ppm"). */
  readonly PYTHON_SITE_FILES: readonly string[];
}
