// The month roster grid: arrow keys between cells (roving tabindex), the cell editor dialog,
// and showing refusals (409, 422) that htmx would otherwise drop. No inline scripts (CSP).
"use strict";

(function () {
  const KEYS = ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End"];
  let lastCell = null; // {staff, day} of the cell the editor was opened from

  const table = () => document.getElementById("rol-tabla");
  const dialog = () => document.getElementById("rol-editor");

  function dayOf(cell) {
    const header = table().tHead.rows[0].cells[cell.closest("td").cellIndex];
    return header ? header.dataset.day : null;
  }

  function navRows() {
    return Array.from(table().tBodies)
      .flatMap((body) => Array.from(body.rows))
      .filter((row) => row.querySelector("[data-nav]"));
  }

  function inRow(row, column) {
    const items = Array.from(row.querySelectorAll("[data-nav]"));
    return items.find((item) => item.closest("td").cellIndex === column) || null;
  }

  function focusCell(cell) {
    if (!cell) return;
    table().querySelectorAll('[data-nav][tabindex="0"]').forEach((item) => (item.tabIndex = -1));
    cell.tabIndex = 0;
    cell.focus();
  }

  function findCell(staff, day) {
    const row = table() && table().querySelector(`tr[data-staff="${CSS.escape(staff)}"]`);
    const header = row && table().querySelector(`thead th[data-day="${CSS.escape(day)}"]`);
    return header ? inRow(row, header.cellIndex) : null;
  }

  function target(cell, key) {
    const row = cell.closest("tr");
    const items = Array.from(row.querySelectorAll("[data-nav]"));
    const here = items.indexOf(cell);
    if (key === "ArrowLeft") return items[here - 1];
    if (key === "ArrowRight") return items[here + 1];
    if (key === "Home") return items[0];
    if (key === "End") return items[items.length - 1];
    const rows = navRows();
    const next = rows[rows.indexOf(row) + (key === "ArrowUp" ? -1 : 1)];
    return next && inRow(next, cell.closest("td").cellIndex);
  }

  function onKey(event) {
    const cell = event.target.closest && event.target.closest("#rol-tabla [data-nav]");
    if (!cell || !KEYS.includes(event.key)) return;
    const next = target(cell, event.key);
    event.preventDefault();
    if (next) focusCell(next);
  }

  function dayText(iso) {
    const [year, month, day] = iso.split("-");
    return `${day}/${month}/${year}`;
  }

  function openEditor(cell) {
    const editor = dialog();
    if (!editor) return;
    const row = cell.closest("tr");
    const day = dayOf(cell);
    const form = editor.querySelector("form");
    const grid = document.getElementById("rol-grilla");
    lastCell = { staff: row.dataset.staff, day: day };
    form.elements.staff.value = row.dataset.staff;
    form.elements.day.value = day;
    form.elements.version.value = grid.dataset.version;
    form.elements.revision.value = grid.dataset.revision;
    form.elements.shift.value = cell.dataset.shift || "";
    const own = row.dataset.roles.split(" ");
    const role = cell.dataset.role;
    form.elements.role.value = role && role !== row.dataset.primary ? role : "";
    Array.from(form.elements.role.options).forEach((option) => {
      const allowed = option.value === "" || own.includes(option.value);
      option.hidden = !allowed;
      option.disabled = !allowed;
    });
    form.elements.locked.checked = cell.dataset.locked === "1";
    editor.querySelector("#editor-quien").textContent =
      `${row.querySelector(".pname").textContent} · ${dayText(day)}`;
    editor.querySelector("#editor-error").textContent = "";
    editor.showModal();
    form.elements.shift.focus();
  }

  function returnFocus() {
    if (lastCell) focusCell(findCell(lastCell.staff, lastCell.day));
  }

  document.addEventListener("keydown", onKey);

  document.addEventListener("click", (event) => {
    const cell = event.target.closest("#rol-tabla button[data-nav]");
    if (cell) {
      focusCell(cell);
      openEditor(cell);
      return;
    }
    if (event.target.closest("#rol-editor [data-close]")) dialog().close();
    const goto = event.target.closest("[data-goto]");
    if (goto) {
      const days = goto.dataset.gotoDays.split(" ").reverse();
      const found = days.map((day) => findCell(goto.dataset.goto, day)).find(Boolean);
      if (found) {
        found.scrollIntoView({ block: "center", inline: "center" });
        focusCell(found);
      }
    }
  });

  // htmx swaps only 2xx answers; a refusal the server aims at a region (HX-Retarget) is shown.
  document.addEventListener("htmx:beforeSwap", (event) => {
    const answer = event.detail.xhr;
    if ([409, 422].includes(answer.status) && answer.getResponseHeader("HX-Retarget")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  document.addEventListener("htmx:afterRequest", (event) => {
    const form = event.detail.elt;
    if (!form.closest || !form.closest("#rol-editor")) return;
    const status = event.detail.xhr.status;
    if (status !== 422 && dialog().open) dialog().close();
  });

  function tellProblem(kind) {
    const region = document.getElementById("rol-alerta");
    if (!region) return;
    const message = document.createElement("p");
    message.className = "error";
    message.setAttribute("role", "alert");
    message.textContent = region.dataset[kind];
    region.replaceChildren(message);
  }

  document.addEventListener("htmx:sendError", () => tellProblem("offline"));
  document.addEventListener("htmx:responseError", (event) => {
    const status = event.detail.xhr.status;
    if (![409, 422].includes(status)) tellProblem("failed");
  });

  document.addEventListener("DOMContentLoaded", () => {
    const editor = dialog();
    if (!editor) return;
    editor.addEventListener("close", () => window.setTimeout(returnFocus, 0));
    if (editor.hasAttribute("data-reopen")) {
      // The server refused a save without htmx: show the editor again with her choices.
      editor.close();
      editor.showModal();
    }
  });
})();
