// Renders the book's formulas with KaTeX, served from the site itself (no CDN): arithmatex
// leaves inline math as \( … \) and display math as \[ … \]; Material's document$ runs this
// on every page, also after instant navigation.
function renderMath(root) {
  renderMathInElement(root, {
    delimiters: [
      { left: "\\(", right: "\\)", display: false },
      { left: "\\[", right: "\\]", display: true },
    ],
    throwOnError: false,
  });
}
if (typeof document$ !== "undefined") {
  document$.subscribe(({ body }) => renderMath(body));
} else {
  document.addEventListener("DOMContentLoaded", () => renderMath(document.body));
}
