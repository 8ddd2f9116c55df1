// Small enhancements on top of pages that already work without JavaScript:
// - Escape closes the open navigation dropdown or popup menu (WCAG 1.4.13);
// - a click elsewhere closes an open popup menu (Socialize, account);
// - the Downloads panel offers the visitor's operating system;
// - wide code blocks and tables become keyboard-scrollable; wide tables say they scroll.

const root = document.documentElement;

function detectOs() {
  const platform = navigator.userAgentData?.platform || navigator.platform || "";
  const agent = navigator.userAgent;
  if (/android|iphone|ipad/i.test(agent)) return null;
  if (/win/i.test(platform) || /windows/i.test(agent)) return "windows";
  if (/mac/i.test(platform) || /mac os x/i.test(agent)) return "macos";
  return null;
}

const os = detectOs();
if (os) root.dataset.os = os;

function openPopups() {
  return document.querySelectorAll("details.popup-menu[open], details.mobile-menu[open]");
}

document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  const active = document.activeElement;
  const navItem = active?.closest(".nav-item") ?? document.querySelector(".nav-item:hover");
  if (navItem) {
    navItem.classList.add("is-dismissed");
    if (navItem.contains(active)) navItem.querySelector(".nav-link")?.focus();
    return;
  }
  for (const menu of openPopups()) {
    const hadFocus = menu.contains(active);
    menu.open = false;
    if (hadFocus) menu.querySelector("summary")?.focus();
  }
});

// A dismissed dropdown may open again once the pointer or the focus has left its item.
for (const item of document.querySelectorAll(".nav-item")) {
  item.addEventListener("mouseleave", () => item.classList.remove("is-dismissed"));
  item.addEventListener("focusout", (event) => {
    if (!item.contains(event.relatedTarget)) item.classList.remove("is-dismissed");
  });
}

document.addEventListener("click", (event) => {
  for (const menu of document.querySelectorAll("details.popup-menu[open]")) {
    if (!menu.contains(event.target)) menu.open = false;
  }
});

// Scrollable regions must be reachable by keyboard (axe: scrollable-region-focusable); a
// table wider than its box also gets a line under it saying it scrolls sideways.
function tableHint(block) {
  const next = block.nextElementSibling;
  if (next?.classList.contains("table-scroll-hint")) return next;
  const hint = document.createElement("p");
  hint.className = "table-scroll-hint";
  hint.textContent = "Scroll the table sideways to see all its columns.";
  block.after(hint);
  return hint;
}

function markScrollable() {
  for (const block of document.querySelectorAll(".main-content pre, .table-scroll")) {
    const overflowing = block.scrollWidth > block.clientWidth;
    if (overflowing) block.tabIndex = 0;
    else if (block.tabIndex === 0) block.removeAttribute("tabindex");
    if (!block.classList.contains("table-scroll")) continue;
    block.classList.toggle("is-overflowing", overflowing);
    if (overflowing) tableHint(block);
  }
}
markScrollable();
window.addEventListener("resize", markScrollable, { passive: true });
