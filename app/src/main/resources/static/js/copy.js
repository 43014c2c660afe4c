// Copy buttons: <button data-copy="text" data-copy-target="#input">; kept in a file so the CSP
// can stay script-src 'self'. Where the clipboard is refused (no permission, plain http on
// another host), the text is selected instead, so that the operator copies it by keyboard.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) {
    return;
  }
  const status = button.parentElement.querySelector("[data-copy-status]");
  const say = (text) => {
    if (status) {
      status.textContent = text;
    }
  };
  const selectInstead = () => {
    const target = button.dataset.copyTarget && document.querySelector(button.dataset.copyTarget);
    if (target) {
      target.focus();
      target.select();
    }
    say("Copying is blocked here: the link is selected, press Ctrl+C (⌘C) to copy it.");
  };
  if (!navigator.clipboard) {
    selectInstead();
    return;
  }
  navigator.clipboard.writeText(button.dataset.copy).then(() => {
    button.textContent = "Copied";
    say("Link copied to the clipboard.");
  }, selectInstead);
});
