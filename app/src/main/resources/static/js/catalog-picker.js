// The catalog price picker of each line row: a combobox (WAI-ARIA 1.2 pattern) whose listbox is
// filled with server-rendered results from /invoices/catalog as the operator types, so the whole
// catalog is searched, not a first page. Choosing a price fills the row's hidden price fields and
// locks its custom-line inputs; editing the text again forgets the choice. A file of its own, so
// the CSP can stay script-src 'self'.
(function () {
  const form = document.querySelector("form[data-invoice-dialog]");
  if (!form) {
    return;
  }
  const url = form.dataset.catalogUrl;
  const DEBOUNCE_MS = 250;
  const timers = new WeakMap();
  const latest = new WeakMap();
  let sequence = 0;

  const rowOf = (el) => el.closest("tr[data-line]");
  const listOf = (input) => document.getElementById(input.getAttribute("aria-controls"));
  const optionsOf = (input) => Array.from(listOf(input).querySelectorAll("[role=option]"));
  const changed = () => form.dispatchEvent(new Event("line-changed", { bubbles: true }));

  function open(input) {
    listOf(input).hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function close(input) {
    listOf(input).hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function activate(input, index) {
    const options = optionsOf(input);
    options.forEach((o, i) => o.setAttribute("aria-selected", String(i === index)));
    if (index >= 0 && index < options.length) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function activeIndex(input) {
    const id = input.getAttribute("aria-activedescendant");
    return optionsOf(input).findIndex((o) => o.id === id);
  }

  async function search(input) {
    const id = ++sequence;
    latest.set(input, id);
    const params = new URLSearchParams({
      q: input.value.trim(),
      currency: (form.querySelector("#currency").value || "").trim(),
      row: rowOf(input).dataset.row,
    });
    let html;
    try {
      const response = await fetch(url + "?" + params, { headers: { Accept: "text/html" } });
      html = new URL(response.url).pathname.endsWith("/login")
        ? '<li role="presentation" class="catalog-error">Your session has ended: reload the page to log in again.</li>'
        : await response.text();
    } catch (e) {
      html = '<li role="presentation" class="catalog-error">The catalog could not be reached; check the connection and keep typing.</li>';
    }
    if (latest.get(input) !== id || document.activeElement !== input) {
      return; // a newer search is on its way, or the operator moved on
    }
    listOf(input).innerHTML = html;
    activate(input, optionsOf(input).length > 0 ? 0 : -1);
    open(input);
  }

  function schedule(input) {
    clearTimeout(timers.get(input));
    timers.set(input, setTimeout(() => search(input), DEBOUNCE_MS));
  }

  /** The row becomes a catalog line: the price's id, amount and currency go in hidden fields. */
  function choose(input, option) {
    const row = rowOf(input);
    row.querySelector("[data-price-id]").value = option.dataset.priceId;
    row.querySelector("[data-price-amount]").value = option.dataset.amount;
    row.querySelector("[data-price-currency]").value = option.dataset.currency;
    input.value = option.dataset.label;
    row.querySelectorAll("[data-description], [data-unit-price]").forEach((custom) => {
      custom.value = "";
      custom.disabled = true;
    });
    close(input);
    changed();
    row.querySelector("[data-quantity]").focus();
  }

  /** The row is a custom line again. */
  function forget(input) {
    const row = rowOf(input);
    const price = row.querySelector("[data-price-id]");
    if (!price.value) {
      return;
    }
    row.querySelectorAll("[data-price-id], [data-price-amount], [data-price-currency]").forEach((h) => {
      h.value = "";
    });
    row.querySelectorAll("[data-description], [data-unit-price]").forEach((custom) => {
      custom.disabled = false;
    });
    changed();
  }

  form.addEventListener("input", (event) => {
    const input = event.target.closest("[data-catalog-search]");
    if (input) {
      const listed = rowOf(input).querySelector(".catalog-matches");
      if (listed) {
        listed.remove(); // the server's matches were for the text before this edit
      }
      forget(input);
      schedule(input);
    }
  });

  form.addEventListener("focusin", (event) => {
    const input = event.target.closest("[data-catalog-search]");
    if (input && !rowOf(input).querySelector("[data-price-id]").value) {
      schedule(input);
    }
  });

  form.addEventListener("focusout", (event) => {
    const input = event.target.closest("[data-catalog-search]");
    if (input) {
      clearTimeout(timers.get(input));
      close(input);
    }
  });

  form.addEventListener("keydown", (event) => {
    const input = event.target.closest("[data-catalog-search]");
    if (!input) {
      return;
    }
    const expanded = input.getAttribute("aria-expanded") === "true";
    const count = optionsOf(input).length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!expanded) {
        search(input);
        return;
      }
      const step = event.key === "ArrowDown" ? 1 : -1;
      activate(input, count === 0 ? -1 : (activeIndex(input) + step + count) % count);
    } else if (event.key === "Enter") {
      event.preventDefault(); // never submit the form from the picker
      const index = activeIndex(input);
      if (expanded && index >= 0) {
        choose(input, optionsOf(input)[index]);
      }
    } else if (event.key === "Escape" && expanded) {
      event.preventDefault();
      close(input);
    }
  });

  // Keep the focus in the search box while an option is clicked, so the list stays open.
  form.addEventListener("mousedown", (event) => {
    if (event.target.closest(".catalog-results")) {
      event.preventDefault();
    }
  });

  form.addEventListener("click", (event) => {
    const option = event.target.closest("[role=option]");
    if (option) {
      const input = form.querySelector(
        '[data-catalog-search][aria-controls="' + option.closest("[role=listbox]").id + '"]');
      choose(input, option);
    }
  });
})();
