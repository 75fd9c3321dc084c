// 大字版 (larger text for older readers): a progressive enhancement. Every portal page works
// without it; with it, a button in the header enlarges the text, remembered on this device.
(function () {
  var KEY = 'gk-large-text';
  var root = document.documentElement;
  var stored = null;
  try { stored = window.localStorage.getItem(KEY); } catch (e) { /* storage unavailable */ }
  if (stored === '1') root.classList.add('large-text');
  var place = document.querySelector('.site-header .wrap');
  if (!place) return;
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'text-size';
  var label = function () {
    var on = root.classList.contains('large-text');
    button.textContent = on ? '标准字号' : '大字版';
    button.setAttribute('aria-pressed', on ? 'true' : 'false');
  };
  button.addEventListener('click', function () {
    root.classList.toggle('large-text');
    try { window.localStorage.setItem(KEY, root.classList.contains('large-text') ? '1' : '0'); } catch (e) { /* ignore */ }
    label();
  });
  label();
  place.appendChild(button);
})();
