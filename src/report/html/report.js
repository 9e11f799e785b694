// factlint HTML report: filters and navigation (see src/report/html.rs). No network.
(function () {
  "use strict";
  var all = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };
  var findings = all("details.finding");
  var marks = all("mark[data-f]");
  var form = document.getElementById("filters");

  function ids(el) { return (el.getAttribute("data-f") || "").split(" "); }

  function flash(i) {
    marks.forEach(function (m) { m.classList.toggle("flash", ids(m).indexOf(i) >= 0); });
  }

  // Opens finding i and scrolls its span (or related span `target`) into view.
  function show(i, target) {
    var panel = document.getElementById("p" + i);
    if (panel) { panel.open = true; }
    var anchor = document.getElementById(target || ("f" + i));
    if (!anchor) { return null; }
    anchor.scrollIntoView({ block: "center" });
    flash(i);
    return anchor;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.goto") : null;
    if (link) {
      event.preventDefault();
      var target = link.getAttribute("data-target");
      show(link.getAttribute("data-f"), target);
      history.replaceState(null, "", "#" + (target || ("f" + link.getAttribute("data-f"))));
      return;
    }
    var mark = event.target.closest ? event.target.closest("mark[data-f]") : null;
    if (mark && !mark.classList.contains("off")) {
      var i = ids(mark)[0];
      var panel = document.getElementById("p" + i);
      if (panel) {
        panel.open = true;
        panel.scrollIntoView({ block: "nearest" });
      }
      flash(i);
    }
  });

  function apply() {
    var sevs = all("input[name=sev]", form).filter(function (c) { return c.checked; })
      .map(function (c) { return c.value; });
    var rule = form.elements.rule.value;
    var lang = form.elements.lang.value;
    var visible = {};
    var count = 0;
    findings.forEach(function (f) {
      var on = sevs.indexOf(f.getAttribute("data-sev")) >= 0 &&
        (!rule || f.getAttribute("data-rule") === rule) &&
        (!lang || f.getAttribute("data-lang") === lang);
      f.classList.toggle("hidden", !on);
      if (on) { visible[f.getAttribute("data-f")] = true; count += 1; }
    });
    marks.forEach(function (m) {
      m.classList.toggle("off", !ids(m).some(function (i) { return visible[i]; }));
    });
    all("section.doc").forEach(function (s) {
      var shown = all("details.finding:not(.hidden), mark:not(.off)", s).length > 0;
      s.classList.toggle("hidden", !shown);
    });
    document.getElementById("shown").textContent = count + " of " + findings.length + " findings shown";
  }
  form.addEventListener("change", apply);
  apply();

  // Scrolls a text box (not the window) so that `anchor` sits in its upper third.
  function scrollWithin(anchor) {
    var pre = anchor.closest("pre");
    if (pre) { pre.scrollTop = Math.max(0, anchor.offsetTop - pre.offsetTop - pre.clientHeight / 3); }
  }

  // Focus view: only finding i's document and the documents of its related spans,
  // each text scrolled to its span, the finding open. Moves no window scroll, so
  // it also works for headless screenshots.
  function focusOn(i) {
    var panel = document.getElementById("p" + i);
    if (!panel) { return; }
    var keep = [panel.closest("section")];
    var anchors = all("a.anchor[data-f='" + i + "']");
    anchors.forEach(function (a) { keep.push(a.closest("section")); });
    all("section").forEach(function (s) { s.classList.toggle("hidden", keep.indexOf(s) < 0); });
    keep[0].parentNode.insertBefore(keep[0], keep[0].parentNode.firstChild);
    panel.open = true;
    // After the move: moving a node resets its scroll position.
    anchors.forEach(scrollWithin);
    flash(i);
  }

  var hash = location.hash;
  var match = /^#f(\d+)$/.exec(hash);
  if (match) { show(match[1]); }
  var focus = /^#focus-f(\d+)$/.exec(hash);
  if (focus) { focusOn(focus[1]); }
  if (hash === "#selftest") {
    // Test hook for tests/browser/run.sh: click the first finding's link like a
    // reader would, and record where the page went.
    var link = document.querySelector("details.finding a.goto");
    var result = { clicked: null, inView: false, scrolled: false, flashed: 0, open: false };
    if (link) {
      var i = link.getAttribute("data-f");
      link.click();
      var rect = document.getElementById("f" + i).getBoundingClientRect();
      result = {
        clicked: "f" + i,
        inView: rect.top >= 0 && rect.bottom <= window.innerHeight,
        scrolled: window.scrollY > 0,
        flashed: all("mark.flash").length,
        open: document.getElementById("p" + i).open
      };
    }
    document.documentElement.setAttribute("data-selftest", JSON.stringify(result));
  }
}());
