// The create dialog in the browser: a live preview of the totals before submit, line rows removed
// in place (they are added through htmx, or by the server without JavaScript), Enter in a field
// never submits, and a second click on an action button sends nothing more (the server is
// idempotent as well). Only a preview: Stripe computes the invoice, whose total is shown after.
(function () {
  const form = document.querySelector("form[data-invoice-dialog]");
  if (!form) {
    return;
  }
  const output = form.querySelector("[data-preview-total]");
  const note = form.querySelector("[data-preview-note]");
  const currencyInput = form.querySelector("#currency");
  const dueDate = form.querySelector("#due-date");
  const netDays = form.querySelector("#days");
  const AMOUNT = /^(\d{1,12}(\.\d*)?|\.\d+)$/;
  const QUANTITY = /^\d{1,9}$/;
  const MAX_UNIT_AMOUNT = 99999999n;
  const MAX_QUANTITY = 1000000n;

  /** Decimal places of a currency (JPY 0, USD 2, KWD 3), as Stripe's minor units count them. */
  function digits(currency) {
    try {
      return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
        .maximumFractionDigits;
    } catch (e) {
      return 2;
    }
  }

  /** "150.5" in USD is 15050n; null when not an amount or too precise for the currency. */
  function minorUnits(text, places) {
    if (!AMOUNT.test(text)) {
      return null;
    }
    const [whole, fraction = ""] = text.split(".");
    if (fraction.replace(/0+$/, "").length > places) {
      return null;
    }
    const padded = (fraction + "0".repeat(places)).slice(0, places);
    return BigInt(whole || "0") * 10n ** BigInt(places) + BigInt(padded || "0");
  }

  /** 75050n in USD reads "USD 750.50", as the invoice page will show it. */
  function format(minor, currency) {
    const places = digits(currency);
    const text = minor.toString().padStart(places + 1, "0");
    const amount = places === 0 ? text : text.slice(0, -places) + "." + text.slice(-places);
    return currency.toUpperCase() + " " + amount;
  }

  function invalid(message) {
    return { state: "invalid", message };
  }

  /** One row: empty, invalid (with why), or its amount in its currency. */
  function lineOf(row, currency) {
    const value = (selector) => row.querySelector(selector).value.trim();
    const priceId = value("[data-price-id]");
    const query = value("[data-catalog-search]");
    const description = value("[data-description]");
    const unitPrice = value("[data-unit-price]");
    const typedQuantity = value("[data-quantity]");
    if (!priceId && !query && !description && !unitPrice) {
      return { state: "empty" };
    }
    const quantity = typedQuantity === "" ? 1n : QUANTITY.test(typedQuantity) ? BigInt(typedQuantity) : -1n;
    if (quantity < 1n || quantity > MAX_QUANTITY) {
      return invalid("quantity must be a whole number from 1 to 1,000,000");
    }
    if (priceId) {
      const amount = BigInt(value("[data-price-amount]") || "0");
      return { state: "ok", amount: amount * quantity, currency: value("[data-price-currency]") };
    }
    if (query) {
      return invalid("pick a price from the search results, or clear the search");
    }
    if (!description) {
      return invalid("type a description");
    }
    if (!unitPrice) {
      return invalid("type a unit price");
    }
    const unit = minorUnits(unitPrice, digits(currency));
    if (unit === null) {
      return invalid("the unit price must be an amount such as 150.00");
    }
    if (unit > MAX_UNIT_AMOUNT) {
      return invalid("the unit price is too large");
    }
    return { state: "ok", amount: unit * quantity, currency };
  }

  function update() {
    const currency = currencyInput.value.trim().toLowerCase();
    const known = /^[a-z]{3}$/.test(currency);
    const sums = new Map(known ? [[currency, 0n]] : []);
    const problems = [];
    let others = 0;
    form.querySelectorAll("tr[data-line]").forEach((row, position) => {
      const line = lineOf(row, known ? currency : "usd");
      const cell = row.querySelector("[data-line-amount]");
      const rowNote = row.querySelector("[data-line-note]");
      const mismatch = line.state === "ok" && known && line.currency !== currency;
      row.classList.toggle("line-invalid", line.state === "invalid");
      row.classList.toggle("currency-mismatch", mismatch);
      rowNote.textContent = mismatch
        ? "Priced in " + line.currency.toUpperCase() + "; this invoice is in " + currency.toUpperCase() + "."
        : "";
      if (line.state === "ok") {
        cell.textContent = format(line.amount, line.currency);
        sums.set(line.currency, (sums.get(line.currency) || 0n) + line.amount);
        others += mismatch ? 1 : 0;
      } else {
        cell.textContent = line.state === "invalid" ? "?" : "—";
        if (line.state === "invalid") {
          problems.push("line " + (position + 1) + ": " + line.message);
        }
      }
    });
    if (!known) {
      output.textContent = "—";
      note.textContent = "Type a three-letter currency code, such as usd.";
      return;
    }
    output.textContent = Array.from(sums, ([c, minor]) => format(minor, c)).join(" + ");
    const notes = [];
    if (problems.length > 0) {
      notes.push("Not counted: " + problems.join("; ") + ".");
    }
    if (others > 0) {
      notes.push("Stripe bills one currency per invoice: lines priced in another currency than "
        + currency.toUpperCase() + " must be replaced.");
    }
    note.textContent = notes.join(" ");
  }

  function syncDueFields() {
    netDays.disabled = dueDate.value !== "";
  }

  form.addEventListener("click", (event) => {
    const remove = event.target.closest("[data-remove-line]");
    if (!remove) {
      return;
    }
    event.preventDefault();
    const row = remove.closest("tr[data-line]");
    if (form.querySelectorAll("tr[data-line]").length > 1) {
      row.remove();
      form.querySelector("#add-line").focus();
    } else {
      row.querySelectorAll("input").forEach((input) => {
        input.value = input.matches("[data-quantity]") ? "1" : "";
        input.disabled = false;
      });
    }
    update();
  });

  form.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target.matches("input")) {
      event.preventDefault();
    }
  });

  form.addEventListener("submit", (event) => {
    const submitter = event.submitter;
    if (!submitter || (submitter.name !== "action" && submitter.name !== "bill_in")) {
      return;
    }
    if (form.dataset.submitting) {
      event.preventDefault();
      return;
    }
    form.dataset.submitting = "true";
    form.setAttribute("aria-busy", "true");
  });

  window.addEventListener("pageshow", () => {
    delete form.dataset.submitting;
    form.removeAttribute("aria-busy");
  });

  document.body.addEventListener("htmx:afterSettle", (event) => {
    if (event.detail.target && event.detail.target.id === "line-rows") {
      update();
    }
  });

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("line-changed", update);
  dueDate.addEventListener("input", syncDueFields);
  syncDueFields();
  update();
})();
