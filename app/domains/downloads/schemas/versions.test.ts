import { describe, expect, it } from "vitest";
import { checksumHalves, formatFileSize, sortWindows } from "../presenters.ts";
import { fileUrlErrors, HTTPS_ERROR } from "./file-urls.ts";
import { defaultReleaseNotesUrl, parseReleaseName, slugify, versionNumber } from "./versions.ts";
import { versionString } from "../api/v3/serializers.ts";

describe("release names", () => {
  it("parses Python versions with pre-release tags and the install manager", () => {
    expect(parseReleaseName("Python 3.14.0rc1")).toEqual({ kind: "python", major: 3, minor: 14, patch: 0, preReleaseTag: "rc", preReleaseNumber: 1 });
    expect(parseReleaseName("Python 2.7.18")).toMatchObject({ major: 2, minor: 7, patch: 18, preReleaseTag: null });
    expect(parseReleaseName("Python install manager 25.0")).toMatchObject({ kind: "pymanager", major: 25, minor: 0, patch: null });
    for (const bad of ["Python 3.14", "python 2.7.10", "Python 3.14.0c1", "Python 3.14.0rc", " Python 3.14.0", "Python 3.14.0 "]) {
      expect(parseReleaseName(bad), bad).toBeNull();
    }
  });

  it("slugs, version strings and changelog URLs as legacy made them", () => {
    expect(slugify("Python 3.14.0rc1")).toBe("python-3140rc1");
    expect(slugify("Python install manager 25.0")).toBe("python-install-manager-250");
    expect(versionNumber("Python 3.14.0rc1")).toBe("3.14.0");
    expect(versionString("Python 3.14.0rc1")).toBe("3.14.0rc1");
    expect(defaultReleaseNotesUrl("Python 3.14.2")).toBe("https://docs.python.org/release/3.14.2/whatsnew/changelog.html");
    expect(defaultReleaseNotesUrl("Python 3.15.0a2")).toBe("https://docs.python.org/3.15/whatsnew/3.15.html");
    expect(defaultReleaseNotesUrl("Python install manager 25.0")).toBe("");
  });
});

describe("release file rules", () => {
  const urls = (url: string, extra: Record<string, string> = {}) => ({
    url,
    gpgSignatureFile: "",
    sigstoreSignatureFile: "",
    sigstoreCertFile: "",
    sigstoreBundleFile: "",
    sbomSpdx2File: "",
    ...extra,
  });

  it("wants https://www.python.org/ URLs, keeping unchanged http:// ones", () => {
    expect(fileUrlErrors(urls("https://www.python.org/ftp/python/3.14.0/x.exe"))).toEqual({});
    expect(fileUrlErrors(urls("http://www.python.org/ftp/x.exe"))).toEqual({ url: [HTTPS_ERROR] });
    expect(fileUrlErrors(urls("http://www.python.org/ftp/x.exe"), urls("http://www.python.org/ftp/x.exe"))).toEqual({});
    expect(fileUrlErrors(urls("https://www.python.org.evil.example/x.exe"))).toEqual({ url: [HTTPS_ERROR] });
  });

  it("wants each sidecar to be the artifact URL plus its suffix", () => {
    const url = "https://www.python.org/ftp/python/3.14.0/Python-3.14.0.tgz";
    expect(fileUrlErrors(urls(url, { sigstoreBundleFile: `${url}.sigstore`, gpgSignatureFile: `${url}.asc` }))).toEqual({});
    expect(fileUrlErrors(urls(url, { sbomSpdx2File: `${url}.json` }))).toEqual({ sbomSpdx2File: ["Sidecar URL must match the artifact URL plus '.spdx.json'."] });
  });
});

describe("page helpers", () => {
  it("orders Windows files last, preferred installers first", () => {
    const names = [
      "Windows embeddable package (64-bit)",
      "Gzipped source tarball",
      "Windows installer (32-bit)",
      "Windows release manifest",
      "Windows installer (64-bit)",
      "macOS installer",
    ];
    expect(sortWindows(names.map((name) => ({ name }))).map((file) => file.name)).toEqual([
      "Gzipped source tarball",
      "macOS installer",
      "Windows installer (64-bit)",
      "Windows installer (32-bit)",
      "Windows embeddable package (64-bit)",
      "Windows release manifest",
    ]);
  });

  it("formats sizes like Django's filesizeformat and splits checksums in halves", () => {
    expect(formatFileSize(1)).toBe("1\u00a0byte");
    expect(formatFileSize(1023)).toBe("1023\u00a0bytes");
    expect(formatFileSize(27_794_081)).toBe("26.5\u00a0MB");
    expect(formatFileSize(3 * 1024 ** 3)).toBe("3.0\u00a0GB");
    const [first, second] = checksumHalves("a".repeat(64));
    expect([first.length, second.length, first[0]!.length]).toEqual([2, 2, 16]);
  });
});
