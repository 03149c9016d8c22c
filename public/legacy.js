// Runs only in a browser too old for the app (no JavaScript modules): says
// so in both languages and leaves the call button and the static text.
(function () {
  var loading = document.querySelector('[data-static-loading]');
  var notice = document.querySelector('[data-static-failed]');
  if (loading) loading.hidden = true;
  if (notice) notice.hidden = false;
  var retry = document.querySelector('[data-static-retry]');
  if (retry) retry.onclick = function () { location.reload(); };
})();
