// The review pack's behaviour: the program's lines, the steps of a case page
// (revealed one at a time, the step kept in the URL; the program's pane hidden
// while the change is reviewed), the frame and line links, the
// session's timers and its notes window. Everything works from file://.
"use strict";

// Highlights the program and splits it into one element per line, so that a
// line can be marked. highlight.js may open a span on one line and close it
// on another (a block comment): each line closes what is open at its end and
// the next reopens it.
function numberLines(code) {
  const html = window.hljs
    ? hljs.highlight(code.textContent, { language: "cpp", ignoreIllegals: true }).value
    : code.innerHTML;
  const lines = [];
  const open = [];
  let line = "";
  for (const m of html.matchAll(/(<span[^>]*>)|(<\/span>)|([^<]+)/g)) {
    if (m[1]) {
      open.push(m[1]);
      line += m[1];
    } else if (m[2]) {
      open.pop();
      line += m[2];
    } else {
      const parts = m[3].split("\n");
      parts.forEach((part, i) => {
        if (i > 0) {
          lines.push(line + "</span>".repeat(open.length));
          line = open.join("");
        }
        line += part;
      });
    }
  }
  if (line !== "" && line !== open.join("")) lines.push(line);
  code.innerHTML = lines
    .map((l, i) => `<span class="line" id="L${i + 1}">${l}</span>`)
    .join("");
  code.classList.add("hljs");
}

// Marks line `n` of the program and scrolls it into the middle of the pane.
function markLine(n) {
  for (const old of document.querySelectorAll(".line.marked")) old.classList.remove("marked");
  const line = document.getElementById(`L${n}`);
  if (!line) return;
  line.classList.add("marked");
  line.scrollIntoView({ behavior: "smooth", block: "center" });
}

function setUpCase() {
  const steps = [...document.querySelectorAll("section.step")];
  const back = document.getElementById("back");
  const forward = document.getElementById("forward");
  const position = document.getElementById("position");
  const pane = document.querySelector(".program-pane");
  const stepFromUrl = () => {
    const m = /^#step-(\d+)$/.exec(location.hash);
    const n = m ? Number(m[1]) : 1;
    return Math.min(Math.max(n, 1), steps.length);
  };
  const show = (n) => {
    steps.forEach((s, i) => (s.hidden = i >= n));
    // The change is reviewed as a patch, before the whole program is shown.
    pane.hidden = steps[n - 1].hasAttribute("data-hides-program");
    document.querySelector("main.case").classList.toggle("without-program", pane.hidden);
    back.disabled = n <= 1;
    forward.disabled = n >= steps.length;
    position.textContent = `${n} of ${steps.length}: ${steps[n - 1].dataset.label}`;
    if (location.hash !== `#step-${n}`) history.replaceState(null, "", `#step-${n}`);
    if (n > 1) steps[n - 1].scrollIntoView({ behavior: "smooth", block: "start" });
  };
  const go = (delta) => show(Math.min(Math.max(stepFromUrl() + delta, 1), steps.length));
  back.addEventListener("click", () => go(-1));
  forward.addEventListener("click", () => go(+1));
  document.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (["ArrowRight", " ", "PageDown"].includes(e.key)) go(+1);
    else if (["ArrowLeft", "PageUp"].includes(e.key)) go(-1);
    else return;
    e.preventDefault();
  });
  window.addEventListener("hashchange", () => show(stepFromUrl()));
  for (const link of document.querySelectorAll("button.frame, button.line-link")) {
    link.addEventListener("click", () => markLine(link.dataset.line));
  }
  show(stepFromUrl());
}

// A start/stop timer per case; the time so far stays when stopped.
function setUpSession() {
  for (const timer of document.querySelectorAll(".timer")) {
    const output = timer.querySelector("output");
    let spent = 0;
    let since = null;
    let tick = null;
    const render = () => {
      const s = Math.floor((spent + (since ? Date.now() - since : 0)) / 1000);
      output.textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
    };
    timer.querySelector(".start").addEventListener("click", () => {
      if (since) return;
      since = Date.now();
      timer.classList.add("running");
      tick = setInterval(render, 250);
    });
    timer.querySelector(".stop").addEventListener("click", () => {
      if (!since) return;
      spent += Date.now() - since;
      since = null;
      clearInterval(tick);
      timer.classList.remove("running");
      render();
    });
  }
  document.getElementById("open-notes").addEventListener("click", () => {
    window.open("notes.html", "bughunt-notes", "width=900,height=700");
  });
}

const program = document.querySelector("pre.program code");
if (program) numberLines(program);
if (document.body.classList.contains("case")) setUpCase();
if (document.body.classList.contains("session")) setUpSession();
