// What a reader can take away from a playground: a link that carries their code (Share), the iframe
// that puts the playground in a course page (Embed), and the run itself — the diagram as an SVG file,
// the trace as JSON (the documented trace format), the run as a mermaid gantt chart. Each shows what
// it made in a field that can be selected, as well as copying it, since copying can be refused.
import { useState, type ReactNode } from "react";
import { timelineToGantt, type RunResult, type Timeline } from "../../runtime/trace/index.ts";
import { embedSnippet, embedUrl, pageSlug, shareUrl } from "./links.ts";

interface ToolsProps {
  id: string;
  code: string;
  /** The run shown, and its timeline, when there is one to export. */
  result: RunResult | null;
  timeline: Timeline | null;
  interactive: boolean;
}

type Panel = { kind: "share"; url: string | null } | { kind: "embed"; snippet: string } | { kind: "export"; text: string; what: string } | null;

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

// The diagram as a file of its own: the same drawing, with its colours and fonts inside (TimingDiagramSvg standalone).
async function downloadSvg(timeline: Timeline, name: string): Promise<void> {
  const [{ renderToStaticMarkup }, { createElement }, { TimingDiagramSvg }] = await Promise.all([import("react-dom/server"), import("react"), import("../timing/TimingDiagram.tsx")]);
  const svg = renderToStaticMarkup(createElement(TimingDiagramSvg, { timeline, idPrefix: name, standalone: true }));
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`], { type: "image/svg+xml" }));
  link.download = `${name}.svg`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/** Share, Embed and Export for one playground. */
export function PlaygroundTools({ id, code, result, timeline, interactive }: ToolsProps) {
  const [panel, setPanel] = useState<Panel>(null);
  const [said, setSaid] = useState("");
  const show = async (next: Panel, text: string | null, copied: string) => {
    setPanel(next);
    setSaid(text !== null && (await copy(text)) ? copied : text !== null ? "Select the text below to copy it." : "");
  };

  const share = () => {
    const url = shareUrl(id, code, location);
    void show({ kind: "share", url }, url, "Link copied.");
  };
  const embed = () => {
    const snippet = embedSnippet(embedUrl(id, pageSlug(location.pathname), import.meta.env.BASE_URL, location.origin), `Playground: ${id}`);
    void show({ kind: "embed", snippet }, snippet, "Embed code copied.");
  };
  const exportText = (what: string, text: string) => void show({ kind: "export", what, text }, text, `${what} copied.`);

  let body: ReactNode = null;
  if (panel?.kind === "share")
    body =
      panel.url === null ? (
        <p>This program is too long to fit in a link.</p>
      ) : (
        <label>
          Link to this playground with your code
          <input readOnly value={panel.url} data-share-url={panel.url} onFocus={(e) => e.currentTarget.select()} />
        </label>
      );
  else if (panel?.kind === "embed")
    body = (
      <label>
        Paste this in a page to show the playground
        <textarea readOnly rows={3} value={panel.snippet} data-embed-snippet onFocus={(e) => e.currentTarget.select()} />
      </label>
    );
  else if (panel?.kind === "export")
    body = (
      <label>
        {panel.what}
        <textarea readOnly rows={6} value={panel.text} data-export={panel.what} onFocus={(e) => e.currentTarget.select()} />
      </label>
    );

  return (
    <div className="pg-tools" role="group" aria-label="Share and export" data-pagefind-ignore="all">
      <div className="pg-tools-buttons">
        <button type="button" onClick={share} disabled={!interactive}>
          Share
        </button>
        <button type="button" onClick={embed} disabled={!interactive}>
          Embed
        </button>
        <button type="button" onClick={() => timeline && void downloadSvg(timeline, id)} disabled={!interactive || !timeline}>
          Download diagram (SVG)
        </button>
        <button type="button" onClick={() => result && exportText("Trace (JSON)", JSON.stringify(result))} disabled={!interactive || !result}>
          Copy trace (JSON)
        </button>
        <button type="button" onClick={() => timeline && exportText("Mermaid gantt chart", timelineToGantt(timeline, `${id}: a run`))} disabled={!interactive || !timeline}>
          Copy as mermaid gantt
        </button>
      </div>
      <p className="pg-tools-said" role="status" aria-live="polite">
        {said}
      </p>
      {body ? <div className="pg-tools-panel">{body}</div> : null}
    </div>
  );
}
