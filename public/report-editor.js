// Live checks in the report editor: while a clerk types, the unsaved figures are sent to the
// preview endpoint and the findings and cell marks are redrawn. Without JavaScript the same
// checks run when the form is saved. Text is inserted with textContent only (never as HTML).
(function () {
  'use strict';
  var form = document.querySelector('form.report-form[data-preview]');
  var box = document.getElementById('findings');
  if (!form || !box || !window.fetch) return;
  var url = form.getAttribute('data-preview');
  var timer = null;
  var seq = 0;

  function collect() {
    var body = {};
    var fields = form.querySelectorAll('input[name^="cell:"], textarea[name^="narrative"]');
    for (var i = 0; i < fields.length; i++) body[fields[i].name] = fields[i].value;
    return body;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function render(result) {
    var findings = result.findings;
    var errors = result.errors;
    while (box.firstChild) box.removeChild(box.firstChild);
    if (!findings.length && !errors.length) {
      box.appendChild(el('p', 'ok-note', '检查通过：未发现不一致。'));
    }
    var groups = [
      ['hard', '严重问题', '（须更正后才能发布）', findings.filter(function (f) { return f.severity === 'hard'; })],
      ['soft', '提示', '（发布时须逐项说明）', findings.filter(function (f) { return f.severity === 'soft'; })],
    ];
    if (errors.length) {
      var wrap = el('div', 'errors');
      wrap.appendChild(el('p', null, '以下格子填写有误：'));
      var ul = el('ul');
      errors.forEach(function (e) { ul.appendChild(el('li', null, e.message)); });
      wrap.appendChild(ul);
      box.appendChild(wrap);
    }
    groups.forEach(function (g) {
      if (!g[3].length) return;
      box.appendChild(el('h3', g[0], g[1] + ' ' + g[3].length + ' 项' + g[2]));
      var ol = el('ol');
      g[3].forEach(function (f) {
        var li = el('li');
        li.appendChild(el('strong', null, '【' + f.label + '】'));
        li.appendChild(document.createTextNode(f.message));
        ol.appendChild(li);
      });
      box.appendChild(ol);
    });
    var inputs = form.querySelectorAll('input[name^="cell:"]');
    for (var i = 0; i < inputs.length; i++) {
      var mark = result.marks[inputs[i].name.slice(5)];
      inputs[i].classList.toggle('hard', mark === 'hard');
      inputs[i].classList.toggle('soft', mark === 'soft');
    }
  }

  function check() {
    var mine = ++seq;
    fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(collect()),
    })
      .then(function (res) { return res.ok ? res.json() : null; })
      .then(function (result) { if (result && mine === seq) render(result); })
      .catch(function () { /* offline or expired session: the checks still run on save */ });
  }

  form.addEventListener('input', function () {
    if (timer) clearTimeout(timer);
    timer = setTimeout(check, 400);
  });
})();
