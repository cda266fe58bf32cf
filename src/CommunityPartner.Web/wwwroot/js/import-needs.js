// Imports with a real progress bar: the API streams one JSON line per saved batch. Without script the form posts.
(function () {
  var form = document.getElementById('import-form');
  if (!form || !window.fetch || !window.TextDecoder) return;
  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    var bar = document.getElementById('import-progress');
    var status = document.getElementById('import-status');
    var button = form.querySelector('button');
    button.disabled = true;
    var url = form.dataset.api + '?fileName=' + encodeURIComponent(form.elements.fileName.value);
    try {
      var response = await fetch(url, { method: 'POST', headers: { 'Accept': 'application/x-ndjson' }, credentials: 'same-origin' });
      if (!response.ok || !response.body) throw new Error(String(response.status));
      var reader = response.body.getReader();
      var decoder = new TextDecoder();
      var buffer = '';
      for (;;) {
        var chunk = await reader.read();
        if (chunk.done) break;
        buffer += decoder.decode(chunk.value, { stream: true });
        var lines = buffer.split('\n');
        buffer = lines.pop();
        for (var i = 0; i < lines.length; i++) {
          if (!lines[i]) continue;
          var line = JSON.parse(lines[i]);
          if (line.total) {
            bar.max = line.total;
            bar.value = line.done;
            bar.textContent = line.done + ' / ' + line.total;
            status.textContent = line.done + ' / ' + line.total;
          } else if (line.import) {
            bar.value = bar.max;
            window.location.href = form.dataset.done + '?done=' + line.import.id + '&again=' + line.import.alreadyImported;
            return;
          } else {
            status.textContent = line.message;
            button.disabled = false;
            return;
          }
        }
      }
    } catch (e) {
      form.submit();
    }
  });
})();
