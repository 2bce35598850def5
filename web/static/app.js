// Small helpers for the pages; everything else is htmx. No inline scripts (CSP: script-src 'self').
"use strict";

// A refused form: move the keyboard focus to the summary of what to fix.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-focus]");
  if (summary) summary.focus();
});
