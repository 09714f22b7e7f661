/// The console's only script and stylesheet, served from this server (the CSP allows nothing else).
enum ConsoleAssets {
    static let script = #"""
    (function () {
      'use strict';
      var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || '';

      // Waiting times tick without a reload.
      function tick() {
        var now = Date.now() / 1000;
        document.querySelectorAll('td.wait[data-since]').forEach(function (cell) {
          var minutes = Math.max(0, Math.floor((now - Number(cell.dataset.since)) / 60));
          cell.textContent = Math.floor(minutes / 60) + ':' + String(minutes % 60).padStart(2, '0');
        });
      }
      setInterval(tick, 15000);

      // An audible alert for urgent cases (no audio file: a short tone from Web Audio).
      function beep() {
        try {
          var ctx = new (window.AudioContext || window.webkitAudioContext)();
          var osc = ctx.createOscillator(); var gain = ctx.createGain();
          osc.frequency.value = 880; gain.gain.value = 0.2; osc.connect(gain); gain.connect(ctx.destination);
          osc.start(); osc.stop(ctx.currentTime + 0.4);
        } catch (e) { /* audio may be blocked until the page is used */ }
      }

      function showAlert(text) {
        var box = document.getElementById('alert');
        if (!box) return;
        box.textContent = text; box.hidden = false;
        setTimeout(function () { box.hidden = true; }, 20000);
      }

      // The queue refreshes itself when a case arrives or changes (server-sent events).
      var queue = document.getElementById('queue');
      if (queue && window.EventSource) {
        var live = document.getElementById('live');
        var source = new EventSource('/console/events');
        source.addEventListener('queue', function (message) {
          var event = {};
          try { event = JSON.parse(message.data); } catch (e) { return; }
          fetch('/console/queue-fragment', { credentials: 'same-origin' })
            .then(function (r) { return r.ok ? r.text() : null; })
            .then(function (html) {
              if (html === null) return;
              queue.innerHTML = html; tick();
              if (event.kind === 'opened') {
                showAlert((event.urgent ? live.dataset.urgent + ' · ' : '') + live.dataset.new);
                if (event.urgent) { beep(); document.title = '(!) ' + document.title.replace(/^\(!\) /, ''); }
              }
            });
        });
        source.onerror = function () { live.classList.add('offline'); };
        source.onopen = function () { live.classList.remove('offline'); };
      }

      // Reply box: SMS segments and a warning when the reply is in another language than the resident's.
      var reply = document.getElementById('reply');
      var info = document.getElementById('sms-info');
      var form = document.getElementById('reply-form');
      var timer = null;
      function measure() {
        if (!reply || !info) return;
        var body = new URLSearchParams({ text: reply.value, language: form.dataset.language });
        fetch('/console/api/sms-info', { method: 'POST', credentials: 'same-origin',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-CSRF-Token': csrf }, body: body })
          .then(function (r) { return r.ok ? r.json() : null; })
          .then(function (data) {
            if (!data) return;
            info.textContent = info.dataset.label + ': ' + data.segments + ' (' + data.encoding + ', ' + data.units + ')' +
              (data.warning ? ' — ⚠ ' + data.warning : '');
            info.classList.toggle('warn', !!data.warning);
          });
      }
      if (reply) {
        reply.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(measure, 250); });
        document.querySelectorAll('button.canned').forEach(function (button) {
          button.addEventListener('click', function () {
            reply.value = (reply.value ? reply.value + ' ' : '') + button.dataset.text; reply.focus(); measure();
          });
        });
      }
    })();
    """#

    static let style = """
    :root { --urgent: #b91c1c; --ink: #111; --muted: #555; --line: #ddd; }
    * { box-sizing: border-box; }
    body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: var(--ink); background: #fafafa; }
    header { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; padding: .5rem 1rem; background: #1f2937; color: #fff; }
    header a { color: #fff; }
    header nav { display: flex; gap: .75rem; align-items: center; flex-wrap: wrap; }
    .brand { font-weight: 700; text-decoration: none; }
    .langs { margin-left: auto; }
    main { max-width: 64rem; margin: 0 auto; padding: 1rem; }
    .skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: #fff; color: #000; padding: .5rem; }
    table { border-collapse: collapse; width: 100%; background: #fff; margin: .5rem 0 1rem; }
    th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
    tr.urgent { background: #fee2e2; } tr.urgent td:first-child { color: var(--urgent); }
    h1.urgent { color: var(--urgent); }
    #alert { background: var(--urgent); color: #fff; padding: .75rem 1rem; font-weight: 700; }
    .live::before { content: "● "; color: #16a34a; } .live.offline::before { color: #9ca3af; }
    .stack { display: flex; flex-direction: column; gap: .35rem; max-width: 40rem; margin: .75rem 0; }
    .inline { display: inline; }
    input, textarea, select, button { font: inherit; padding: .45rem .6rem; }
    button { cursor: pointer; border: 1px solid #374151; background: #fff; border-radius: .3rem; }
    button:focus, a:focus, input:focus, textarea:focus, select:focus { outline: 3px solid #2563eb; outline-offset: 1px; }
    button.danger { border-color: var(--urgent); color: var(--urgent); }
    .transcript { list-style: none; padding: 0; }
    .transcript li { background: #fff; border: 1px solid var(--line); border-radius: .4rem; padding: .4rem .6rem; margin: .4rem 0; }
    .transcript li.resident { border-left: 4px solid #2563eb; } .transcript li.advocate { border-left: 4px solid #16a34a; }
    .transcript li.note { background: #fffbeb; } .transcript p { margin: .2rem 0 0; white-space: pre-wrap; }
    .who { font-weight: 600; } time { color: var(--muted); font-size: .9rem; }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
    .facts dt { color: var(--muted); } .facts dd { margin: 0; }
    .error { color: var(--urgent); font-weight: 600; } .notice { background: #ecfdf5; padding: .5rem; }
    #sms-info.warn { color: var(--urgent); }
    .canned-list { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem; }
    .stats { display: flex; gap: 1rem; flex-wrap: wrap; } .stats table { width: auto; min-width: 12rem; }
    pre { white-space: pre-wrap; background: #fff; border: 1px solid var(--line); padding: .5rem; }
    @media (max-width: 40rem) { th:nth-child(5), td:nth-child(5), th:nth-child(6), td:nth-child(6) { display: none; } }
    """
}
