/* The proof of work's cost counts the e-mail domain (forsamling.core.abuse): when the
   e-mail field's domain changes, the widget fetches a challenge priced for that domain and
   solves it while the rest of the form is typed. Without this the server asks once more. A form
   shown again was served with a challenge priced for the domain it kept (data-priced-for).

   Re-pricing resets the widget, so a person who presses the button while it solves again
   (typing the e-mail last and clicking at once, as at 10.00) would send the form without a
   solution: the form then waits for the solution and sends itself, with the same button. */
const widget = document.querySelector("altcha-widget[data-domain-from]");
const form = widget && widget.closest("form");
const field = form && form.querySelector(`input[name="${widget.dataset.domainFrom}"]`);
if (widget && field) {
  const base = widget.getAttribute("challengeurl");
  let priced = widget.dataset.pricedFor || "";
  let pending = null;  // the button pressed while the widget was solving; undefined: none
  let waiting = false;
  let known = "";  // the last state the widget announced (its markup follows a moment later)
  const state = () => {
    if (known) { return known; }
    const element = widget.querySelector("[data-state]");
    return element ? element.dataset.state : "";
  };
  const price = () => {
    const at = field.value.lastIndexOf("@");
    const domain = at < 0 ? "" : field.value.slice(at + 1).trim().toLowerCase();
    if (!domain || domain === priced || !domain.includes(".")) { return; }
    priced = domain;
    // The page's challenge was priced without this domain (see altcha-served.js).
    widget.removeAttribute("challengejson");
    widget.challengejson = undefined;
    widget.configure({ challengeurl: `${base}&domain=${encodeURIComponent(domain)}` });
    widget.reset();
    widget.verify();
  };
  field.addEventListener("change", price);
  form.addEventListener("submit", (event) => {
    const now = state();
    if (now === "verified" || now === "error" || now === "") { return; }
    event.preventDefault();
    waiting = true;
    pending = event.submitter || null;
  });
  widget.addEventListener("statechange", (event) => {
    const now = event.detail && event.detail.state;
    known = now || "";
    if (waiting && (now === "verified" || now === "error")) {
      waiting = false;
      // The widget writes the solution into its field after announcing it: send on the next
      // turn, with the announced solution in place.
      const input = form.querySelector(`input[name="${widget.getAttribute("name")}"]`);
      if (input && event.detail.payload) { input.value = event.detail.payload; }
      setTimeout(() => form.requestSubmit(pending), 0);
    }
  });
  customElements.whenDefined("altcha-widget").then(() => {
    if (field.value) { price(); }  // a form shown again keeps its e-mail
  });
}
