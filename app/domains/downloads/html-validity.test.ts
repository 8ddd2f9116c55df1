// The downloads pages are valid HTML: a strict structural check (app/testing/html-structure.ts)
// of each rendered page, with the release cycle chart, every optional files column, and
// legacy editor boxes (the real download-pgp box wraps <pre> in <code>).
import { beforeEach, describe, expect, it } from "vitest";
import { useTestContext } from "../../testing/deps.ts";
import { findHtmlProblems } from "../../testing/html-structure.ts";
import { createDownloadsFixture, fileInput } from "../../testing/factories/downloads.ts";

const ctx = useTestContext({ clock: { now: () => new Date("2025-11-02T10:00:00Z") } });
const actor = "system" as const;

/** An excerpt of legacy fixtures/boxes.json "download-pgp", as editors wrote it. */
const LEGACY_PGP_BOX = `<h1 id="gpg">OpenPGP Public Keys</h1>
<p>You can import a person's public keys by running a command like:</p>
<code><pre>
gpg --recv-keys [key id]
</pre></code>
<p>To verify the download, grab both files and then run:</p>
<code><pre class="literal-block">
gpg --verify Python-3.6.2.tgz.asc
</pre></code>`;

beforeEach(async () => {
  const fx = await createDownloadsFixture(ctx.services.downloads);
  // Sigstore as certificate and signature (two cells under the two-column header).
  await ctx.services.downloads.createFile({
    input: fileInput({ releaseId: fx.releases.py3140, osId: fx.os.windows }, "3.14.0", "Windows help file", "python3140.chm", {
      sigstoreBundleFile: "",
      sigstoreCertFile: "https://www.python.org/ftp/python/3.14.0/python3140.chm.crt",
      sigstoreSignatureFile: "https://www.python.org/ftp/python/3.14.0/python3140.chm.sig",
      gpgSignatureFile: "https://www.python.org/ftp/python/3.14.0/python3140.chm.asc",
    }),
    actor,
  });
  for (const input of [
    { versionMajor: 3, versionMinor: 15, status: "feature" as const, firstRelease: "2026-10-01", endOfLife: "2031-10", pep: 790 },
    { versionMajor: 3, versionMinor: 14, status: "bugfix" as const, firstRelease: "2025-10-07", endOfLife: "2030-10", pep: 745 },
    { versionMajor: 3, versionMinor: 13, status: "bugfix" as const, firstRelease: "2024-10-07", endOfLife: "2029-10", pep: 719 },
    { versionMajor: 2, versionMinor: 7, status: "end-of-life" as const, firstRelease: "2010-07-03", endOfLife: "2020-04-20", pep: 373 },
  ]) {
    await ctx.services.downloads.saveReleaseCycle({ input, actor });
  }
  await ctx.services.boxes.saveBox({ input: { label: "download-pgp", content: LEGACY_PGP_BOX, contentMarkupType: "html" } });
});

const PAGES = [
  "/downloads/",
  "/downloads/release/python-3140/",
  "/downloads/release/python-2718/",
  "/downloads/release/python-3141/",
  "/downloads/windows/",
  "/downloads/source/",
  "/downloads/macos/",
  "/downloads/operating-systems/",
  "/getit/",
  "/doc/versions/",
];

describe("the downloads pages validate", () => {
  it.each(PAGES)("%s", async (path) => {
    const response = await ctx.app.request(path);
    expect(response.status).toBe(200);
    expect(findHtmlProblems(await response.text())).toEqual([]);
  });

  it("really checks what these pages carry: the chart, split Sigstore cells and the legacy box", async () => {
    const home = await (await ctx.app.request("/downloads/")).text();
    expect(home).toContain('<svg class="release-chart"');
    expect(home).toContain("<pre><code>\ngpg --recv-keys [key id]\n</code></pre>");
    const release = await (await ctx.app.request("/downloads/release/python-3140/")).text();
    expect(release).toContain('<th scope="col" colspan="2"><a href="/download/sigstore/">Sigstore</a></th>');
    expect(release).toMatch(/<td><a href="[^"]+\.crt">CRT/);
  });
});
