/* The proof of work's cost counts the e-mail domain (forsamling.core.abuse): when the
   e-mail field's domain changes, the widget fetches a challenge priced for that domain and
   solves it while the rest of the form is typed. Without this the server asks once more. */
const widget = document.querySelector("altcha-widget[data-domain-from]");
const form = widget && widget.closest("form");
const field = form && form.querySelector(`input[name="${widget.dataset.domainFrom}"]`);
if (widget && field) {
  const base = widget.getAttribute("challengeurl");
  let priced = "";
  const price = () => {
    const at = field.value.lastIndexOf("@");
    const domain = at < 0 ? "" : field.value.slice(at + 1).trim().toLowerCase();
    if (!domain || domain === priced || !domain.includes(".")) { return; }
    priced = domain;
    widget.configure({ challengeurl: `${base}&domain=${encodeURIComponent(domain)}` });
    widget.reset();
    widget.verify();
  };
  field.addEventListener("change", price);
  customElements.whenDefined("altcha-widget").then(() => {
    if (field.value) { price(); }  // a form shown again keeps its e-mail
  });
}
