// Progressive enhancement: submit the screening form in place and swap in the results.
(function () {
  const form = document.getElementById("screen-form");
  if (!form || !window.fetch) return;
  const results = document.getElementById("results");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const query = new URLSearchParams(new FormData(form)).toString();
    results.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(form.dataset.partial + "?" + query, { headers: { Accept: "text/html" } });
      results.innerHTML = await response.text();
      history.replaceState(null, "", "/?" + query);
    } catch (error) {
      results.innerHTML = '<div class="problems" role="alert">The server could not be reached.</div>';
    } finally {
      results.removeAttribute("aria-busy");
    }
  });
})();
