// Downloads pages, on top of markup that works without JavaScript:
// - the /downloads/ header reveals the block for the visitor's operating system (the
//   generic block stays for systems without one), as legacy static/js/script.js did;
// - release pages get a "Copy" button next to each checksum.

function visitorSystem() {
  const agent = navigator.userAgent;
  if (/android/i.test(agent)) return ["android", "source"];
  if (/iphone|ipad|ipod/i.test(agent)) return ["ios"];
  if (/windows/i.test(agent)) return ["windows"];
  if (/mac os x|macintosh/i.test(agent)) return ["macos"];
  if (/linux|x11|cros/i.test(agent)) return ["source"];
  return [];
}

function revealDownloadForSystem() {
  const chooser = document.querySelector("[data-download-chooser]");
  if (!chooser) return;
  for (const system of visitorSystem()) {
    const block = chooser.querySelector(`.download-os[data-os="${system}"]`);
    if (!block) continue;
    block.hidden = false;
    chooser.querySelector(".download-unknown")?.setAttribute("hidden", "");
    return;
  }
}

function enableChecksumCopy() {
  if (!navigator.clipboard) return;
  for (const button of document.querySelectorAll("button.copy-checksum[data-copy]")) {
    button.hidden = false;
    button.addEventListener("click", async () => {
      const label = button.firstChild;
      try {
        await navigator.clipboard.writeText(button.dataset.copy);
        label.textContent = "Copied";
      } catch {
        label.textContent = "Copy failed";
      }
      setTimeout(() => {
        label.textContent = "Copy";
      }, 2000);
    });
  }
}

revealDownloadForSystem();
enableChecksumCopy();
