// The month page's incidents: once the candidates of a red cell arrive, move the focus to them
// so a keyboard or screen-reader user hears the list. No inline scripts (CSP).
"use strict";

document.addEventListener("htmx:afterSwap", (event) => {
  if (event.target && event.target.id === "rol-candidatos") {
    const title = document.getElementById("candidatos-titulo");
    if (title) title.focus();
  }
});
