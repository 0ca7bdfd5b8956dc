// Shows how far the upload of an import has got; once sent, the bar says the server is at work.
document.addEventListener("htmx:xhr:progress", (event) => {
  const bar = document.querySelector("[data-import-progress]");
  if (!bar || !event.detail.lengthComputable || event.detail.total === 0) {
    return;
  }
  const percent = Math.round((event.detail.loaded / event.detail.total) * 100);
  bar.textContent = percent < 100 ? "Uploading " + percent + " %" : "Checking the descriptors…";
});

document.addEventListener("htmx:beforeRequest", (event) => {
  const bar = document.querySelector("[data-import-progress]");
  if (bar && event.target.closest("#import-form")) {
    bar.textContent = "Uploading…";
  }
});
