// Copy buttons: <button data-copy="text">; kept in a file so the CSP can stay script-src 'self'.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) {
    return;
  }
  navigator.clipboard.writeText(button.dataset.copy).then(() => {
    button.textContent = "Copied";
  });
});
