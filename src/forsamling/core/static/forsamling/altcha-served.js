/* The widget's first challenge comes with the page (`challengejson`, forsamling.core.abuse), so
   the browser asks the server for none before solving it. Once it is solved, every later one
   comes from the challenge URL: the widget fetches a fresh challenge when a solution expires
   (a form filled in over a long time), and the e-mail domain's price is fetched
   (altcha-domain.js). Without this the widget would solve the page's challenge again. */
const SOLVED = ["verified", "error", "expired"];
for (const widget of document.querySelectorAll("altcha-widget[challengejson]")) {
  const drop = () => {
    widget.removeAttribute("challengejson");
    widget.challengejson = undefined;
  };
  widget.addEventListener("statechange", (event) => {
    if (event.detail && SOLVED.includes(event.detail.state)) { drop(); }
  });
  const shown = widget.querySelector("[data-state]");
  if (shown && SOLVED.includes(shown.dataset.state)) { drop(); }  // solved before this ran
}
