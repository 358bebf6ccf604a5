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

// The same for the decision form: post it in place and swap in the decision.
(function () {
  const form = document.getElementById("decide-form");
  if (!form || !window.fetch) return;
  const target = document.getElementById("decision");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    target.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(form.dataset.partial, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(new FormData(form)),
      });
      target.innerHTML = await response.text();
    } catch (error) {
      target.innerHTML = '<div class="problems" role="alert">The server could not be reached.</div>';
    } finally {
      target.removeAttribute("aria-busy");
    }
  });
})();
