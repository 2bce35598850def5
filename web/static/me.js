// "Mis turnos": select the whole feed link on focus, and copy it with one tap.
"use strict";
document.addEventListener("focusin", (event) => {
  const field = event.target;
  if (field instanceof HTMLInputElement && field.hasAttribute("data-select-all")) field.select();
});
document.addEventListener("click", async (event) => {
  const button = event.target instanceof Element ? event.target.closest("[data-copy]") : null;
  if (!button) return;
  const field = document.querySelector(button.getAttribute("data-copy"));
  if (!(field instanceof HTMLInputElement)) return;
  field.select();
  try {
    await navigator.clipboard.writeText(field.value);
    button.textContent = button.getAttribute("data-copied") || button.textContent;
  } catch {
    field.focus(); // no clipboard here (e.g. plain http): the link stays selected to copy by hand
  }
});
