// While the title is typed, suggest similar open needs of the same community ("support this one instead?"),
// and offer the browser's location as the map point. Both are optional; the form works without script.
(function () {
  const title = document.getElementById('Input_Title');
  const community = document.getElementById('Input_CommunityCode');
  const box = document.getElementById('similar');
  let timer;
  async function suggest() {
    const q = title.value.trim();
    if (q.length < 2 || !community.value) { box.hidden = true; return; }
    const url = `/api/v1/needs/similar?community=${encodeURIComponent(community.value)}&title=${encodeURIComponent(q)}`;
    const res = await fetch(url, { headers: { 'Accept': 'application/json' } });
    if (!res.ok) { box.hidden = true; return; }
    const items = await res.json();
    if (items.length === 0) { box.hidden = true; return; }
    box.replaceChildren();
    const p = document.createElement('p');
    p.textContent = document.documentElement.lang === 'en'
      ? 'Similar open needs — support one instead?' : '已有相似的诉求，可以直接附议：';
    box.appendChild(p);
    const ul = document.createElement('ul');
    for (const item of items) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `/needs/${item.id}`;
      a.textContent = `${item.title}（${item.supportCount}）`;
      li.appendChild(a);
      ul.appendChild(li);
    }
    box.appendChild(ul);
    box.hidden = false;
  }
  if (title && community && box) {
    title.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(suggest, 300); });
    community.addEventListener('change', suggest);
  }
  const locate = document.getElementById('locate');
  if (locate && 'geolocation' in navigator) {
    locate.hidden = false;
    locate.addEventListener('click', () => {
      navigator.geolocation.getCurrentPosition(pos => {
        document.getElementById('lat').value = pos.coords.latitude.toFixed(6);
        document.getElementById('lng').value = pos.coords.longitude.toFixed(6);
        document.getElementById('located').textContent = '✓';
      });
    });
  }
})();
