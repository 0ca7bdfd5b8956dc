// Sends the CSRF token with every htmx request; pages carry no inline script.
document.addEventListener("htmx:configRequest", (event) => {
  const header = document.querySelector('meta[name="csrf-header"]');
  const token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});

// A form with data-confirm asks before it is sent; without script it is sent at once.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});

// A button with data-remove-row="selector" removes its row in the page; without script it is a
// submit button and the server sends the form back without the row.
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest("[data-remove-row]") : null;
  const row = button ? button.closest(button.dataset.removeRow) : null;
  if (row) {
    event.preventDefault();
    row.remove();
  }
});
