// Live preview of the create-invoice dialog's total, before submit. Only a preview: the server
// computes the invoice from the lines it receives, and Stripe's total is the one shown after.
(function () {
  const form = document.querySelector("form[data-invoice-dialog]");
  if (!form) {
    return;
  }
  const output = form.querySelector("[data-preview-total]");

  function rowAmount(row) {
    const price = row.querySelector("select");
    const chosen = price.options[price.selectedIndex];
    const quantity = Number(row.querySelector("input[type=number]").value || 1);
    if (chosen && chosen.dataset.amount) {
      return (Number(chosen.dataset.amount) / 100) * quantity;
    }
    const typed = row.querySelector("input[inputmode=decimal]").value.trim();
    return typed === "" || isNaN(Number(typed)) ? 0 : Number(typed) * quantity;
  }

  function update() {
    let total = 0;
    form.querySelectorAll("tr[data-line]").forEach((row) => {
      total += rowAmount(row);
    });
    const currency = (form.querySelector("#currency").value || "").toUpperCase();
    output.textContent = currency + " " + total.toFixed(2);
  }

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  update();
})();
