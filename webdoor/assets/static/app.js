// studyguide · the room: the page follows the room live (server-sent
// events), votes and moves without reloading, opens glossary entries in a
// popup, and reads a swipe as back or ahead. Without it, the page works
// with forms and refreshes itself.
(function () {
  "use strict";
  var live = document.getElementById("live");
  if (!live) return;
  var dialog = document.getElementById("term");
  var stream;
  function follow() {
    if (!window.EventSource) return;
    stream = new EventSource("/events");
    var last = null;
    stream.addEventListener("view", function (e) {
      if (e.data === last) return; // nothing changed: keep the page (and a tap on it) as it is
      last = e.data;
      var revealed = live.querySelectorAll(".tally").length;
      var counter = live.querySelector(".counter");
      var before = counter ? counter.textContent : "";
      var focused = document.activeElement && document.activeElement.closest("form") ? document.activeElement.getAttribute("value") : null;
      live.innerHTML = e.data;
      if (focused) {
        var again = live.querySelector('button[value="' + CSS.escape(focused) + '"]');
        if (again) again.focus();
      }
      var after = live.querySelector(".counter");
      if (after && after.textContent !== before) window.scrollTo(0, 0); // a new step starts at its top
      var tallies = live.querySelectorAll(".tally");
      if (tallies.length > revealed) { // a reveal: bring it (and the sign vote after it) into view
        var head = tallies[tallies.length - 1].previousElementSibling;
        if (head && head.scrollIntoView) head.scrollIntoView({ behavior: "smooth", block: "start" });
      }
    });
    stream.addEventListener("end", function (e) { // the goodbye, as it came: the server may be gone
      stream.close();
      document.body.className = "goodbye";
      document.body.innerHTML = e.data;
      window.scrollTo(0, 0);
    });
  }
  function post(form, submitter) {
    var data = new FormData(form);
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    return fetch(form.action, { method: "POST", body: new URLSearchParams(data), headers: { "X-Studyguide": "fetch" }, credentials: "same-origin" })
      .then(function (r) {
        if (r.status === 422) return r.text().then(function (t) { notice(t); });
        if (r.status === 409) { location.reload(); return; }
        if (!r.ok) throw new Error(r.status);
      });
  }
  function notice(text) {
    var main = document.getElementById("step");
    var p = main.querySelector(".notice") || document.createElement("p");
    p.className = "notice"; p.setAttribute("role", "alert"); p.textContent = text;
    main.insertBefore(p, main.firstChild);
  }
  live.addEventListener("submit", function (e) {
    if (!window.fetch || !stream) return;
    e.preventDefault();
    var b = e.submitter;
    if (b && e.target.classList.contains("choices")) { // the vote marked at once; the room's answer follows
      e.target.querySelectorAll("button").forEach(function (o) { o.classList.remove("mine"); o.setAttribute("aria-pressed", "false"); });
      b.classList.add("mine"); b.setAttribute("aria-pressed", "true");
    }
    post(e.target, b).catch(function () { e.target.submit(); });
  });
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a.term");
    if (!a || !dialog || !dialog.showModal || !window.fetch) return;
    e.preventDefault();
    fetch("/term/" + a.dataset.term + "?part=1", { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
      .then(function (html) {
        document.getElementById("term-body").innerHTML = html;
        if (!dialog.open) dialog.showModal();
      })
      .catch(function () { location.href = a.href; });
  });
  var x0 = null, y0 = null;
  live.addEventListener("touchstart", function (e) { x0 = e.touches[0].clientX; y0 = e.touches[0].clientY; }, { passive: true });
  live.addEventListener("touchend", function (e) {
    if (x0 === null) return;
    var dx = e.changedTouches[0].clientX - x0, dy = e.changedTouches[0].clientY - y0;
    x0 = null;
    if (Math.abs(dx) < 70 || Math.abs(dy) > Math.abs(dx) / 2) return;
    var to = dx < 0 ? "ahead" : "back";
    var input = live.querySelector('.moves input[name="to"][value="' + to + '"]');
    if (input && !input.form.querySelector("button").disabled) post(input.form, null);
  }, { passive: true });
  // the facilitator's timer counts down between the room's changes
  setInterval(function () {
    var c = live.querySelector(".clock[data-running]");
    if (!c) return;
    var ms = Math.max(0, parseInt(c.dataset.ms, 10) - 1000);
    c.dataset.ms = ms;
    var s = Math.floor(ms / 1000);
    c.querySelector(".left").textContent = Math.floor(s / 60) + ":" + ("0" + (s % 60)).slice(-2);
  }, 1000);
  follow();
})();
