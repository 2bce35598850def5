// Small helpers for the pages; everything else is htmx. No inline scripts (CSP: script-src 'self').
"use strict";
