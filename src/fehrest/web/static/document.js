// The document view: bring the chosen event's evidence into view.
(function () {
  "use strict";
  const first = document.querySelector(".evidence.chosen");
  if (first) first.scrollIntoView({ block: "center" });
})();
