// The three boxes legacy regenerated whenever a release or file was saved
// (apps/downloads/models.py update_supernav & co., templates downloads/supernav.html,
// homepage-downloads-box.html, download-sources-box.html). Built as escaped HTML strings;
// the boxes service sanitises them again on save.
import { escapeHtml } from "../../../core/markup/render.ts";
import type { DownloadHome } from "../service/pages.ts";

export const SUPERNAV_BOX = "supernav-python-downloads";
export const HOMEPAGE_BOX = "homepage-downloads";
export const SOURCES_BOX = "download-sources";

const a = (href: string, text: string, className?: string) => `<a${className ? ` class="${className}"` : ""} href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;

const FULL_LIST = `<p>Not the OS you are looking for? Python can be used on many operating systems and environments. ${a("/downloads/", "View the full list of downloads")}.</p>`;

function osBlock(entry: DownloadHome["osDownloads"][number]): string {
  const heading = entry.osSlug === "source" ? "<h3>Python Source</h3>" : `<h4>Download for ${escapeHtml(entry.osName)}</h4>`;
  const lines: string[] = [];
  if (entry.pymanager) {
    lines.push(`<p>${a(entry.pymanager.url, "Python install manager", "button")}</p>`);
    if (entry.python3) lines.push(`<p>Or get the standalone installer for ${a(entry.python3.url, entry.python3.releaseName, "button")}</p>`);
  } else if (entry.python3) {
    lines.push(`<p>${a(entry.python3.url, entry.python3.releaseName, "button")}</p>`);
    if (entry.osSlug === "windows") lines.push("<p><strong>Note that Python 3.9+ <em>cannot</em> be used on Windows 7 or earlier.</strong></p>");
  }
  return `<div class="download-os-${escapeHtml(entry.osSlug)}">\n${heading}\n${[...lines, FULL_LIST].join("\n")}\n</div>`;
}

/**
 * The Downloads supernav panel: one block per system with a download button in the latest
 * Python 3 or install manager. The source block doubles as the fallback for other systems
 * (the site CSS shows it unless the visitor is on Windows or macOS). Null without a latest Python 3.
 */
export function supernavBoxHtml(home: DownloadHome): string | null {
  if (!home.latestPython3 || home.osDownloads.length === 0) return null;
  const blocks = home.osDownloads.map(osBlock);
  if (!home.osDownloads.some((entry) => entry.osSlug === "source")) {
    blocks.push(
      `<div class="download-os-source">\n<h4>Download Python for Any OS</h4>\n<p>Python can be used on many operating systems and environments.</p>\n<p>${a("/downloads/operating-systems/", "View the full list of downloads", "button")}</p>\n</div>`,
    );
  }
  return `<li class="tier-2 super-navigation">\n${blocks.join("\n")}\n</li>`;
}

/** The home page's Download widget: the latest Python 3. Null without one. */
export function homepageBoxHtml(home: DownloadHome): string | null {
  if (!home.latestPython3) return null;
  return [
    '<h2 class="widget-title"><span class="icon-download"></span>Download</h2>',
    "<p>Python source code and installers are available for download for all versions!</p>",
    `<p>Latest: ${a(home.latestPython3.url, home.latestPython3.name)}</p>`,
  ].join("\n");
}

/** The /downloads/ Sources widget: the latest Python 3 source archive. Null without one. */
export function sourcesBoxHtml(home: DownloadHome): string | null {
  const source = home.osDownloads.find((entry) => entry.osSlug === "source")?.python3;
  if (!source) return null;
  return [
    '<h2 class="widget-title">Sources</h2>',
    "<p>For most Unix systems, you must download and compile the source code. The same source code archive can also be used to build the Windows and Mac versions, and is the starting point for ports to all other platforms.</p>",
    `<p>Download the latest ${a(source.url, "Python 3")} source.</p>`,
    `<p>${a("/downloads/source/", "Read more", "readmore")}</p>`,
  ].join("\n");
}

/** Every generated box by label; null values mean "leave the box as it is" (legacy skipped the update). */
export function downloadBoxes(home: DownloadHome): Record<string, string | null> {
  return { [SUPERNAV_BOX]: supernavBoxHtml(home), [HOMEPAGE_BOX]: homepageBoxHtml(home), [SOURCES_BOX]: sourcesBoxHtml(home) };
}
