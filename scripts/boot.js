// The boot script: a classic script in <head>, so it runs before the static shell paints.
// scripts/post-build.mjs fills in __ASSETS__ (the hashed file names) and writes it as boot-<hash>.js.
//
// 1. Picks the language with the app's rules: the saved choice (the settings document's
//    "locale"), else the first of navigator.languages that the app speaks (zh-TW, zh-HK, zh-MO
//    and zh-Hant* give 繁體, other zh* 简体, en* English), else English (domain::locale::Lang).
//    Sets <html lang>, which shows that language's copy of the shell (style/main.css).
// 2. Sets <html data-mode>, data-tab and data-route so that the shell shows the right tab bar, the
//    current tab, and for a deep link (#/history) a placeholder in place of the home page.
// 3. Once the shell's first paint is reported, loads one part of the app: for the home page (#/)
//    the landing part, which adopts the shell as it is (src/ui/landing.rs) and calls
//    csicBoot.load() when the user leaves the home page; for any other page (or when storage needs
//    the app's start-up checks) the whole app, with the current language's strings, which renders
//    off screen and takes the shell's place.
// 4. Once that part has started and the page has loaded, in idle time: registers the service worker
//    (sw.js, which precaches every file; when a new version waits, the whole app takes over, whose
//    update banner offers the reload), then prefetches the whole app and its strings (from the
//    service worker's cache once it controls the page).
(function () {
  "use strict";
  var A = __ASSETS__;
  var root = document.documentElement;
  var LANGS = ["en", "zh-Hans", "zh-Hant"];

  function fromBrowserTag(tag) {
    var parts = String(tag).trim().toLowerCase().replace(/_/g, "-").split("-");
    if (parts[0] === "zh") {
      var rest = parts.slice(1);
      var traditional = rest.some(function (p) { return p === "hant" || p === "tw" || p === "hk" || p === "mo"; });
      var simplified = rest.indexOf("hans") >= 0;
      return traditional && !simplified ? "zh-Hant" : "zh-Hans";
    }
    return parts[0] === "en" ? "en" : null;
  }

  function saved(key) {
    try {
      return localStorage.getItem(key);
    } catch (e) {
      return null;
    }
  }

  function language() {
    try {
      var settings = JSON.parse(saved("csic:settings:app") || "null");
      var chosen = settings && settings.data && settings.data.locale;
      if (LANGS.indexOf(chosen) >= 0) return chosen;
    } catch (e) {
      // An unreadable settings document: the app reports it; the browser's languages decide.
    }
    var list = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    for (var i = 0; i < list.length; i++) {
      var lang = fromBrowserTag(list[i]);
      if (lang) return lang;
    }
    return "en";
  }

  // The route's path, as domain::route::Route::parse reads it.
  function path() {
    var hash = location.hash.replace(/^#/, "").split("?")[0];
    return hash.replace(/^\/+|\/+$/g, "");
  }

  // domain::route::Route::mode and domain::nav::Tab::holds, for the first paint only.
  function describe(p) {
    var first = p.split("/")[0];
    var candidate = { "": "home", questions: "questions", sets: "questions", practice: "practice", history: "history", progress: "progress" };
    if (first === "interviewer") {
      var second = p.split("/")[1] || "";
      var tabs = { kits: "kits", compare: "compare", guide: "more" };
      return { mode: "interviewer", tab: tabs[second] || "candidates" };
    }
    if (Object.prototype.hasOwnProperty.call(candidate, first)) return { mode: "candidate", tab: candidate[first] };
    if (first === "checklist" || first === "self-review") return { mode: "candidate", tab: "more" };
    var remembered = saved("csic-mode") === "interviewer" ? "interviewer" : "candidate";
    var more = ["more", "settings", "data", "rubric"].indexOf(first) >= 0;
    return { mode: remembered, tab: more ? "more" : "" };
  }

  var lang = language();
  var texts = {};
  // A language's strings, fetched once (see once).
  function strings(l) {
    return once(texts, l, function () {
      return fetch(A.strings[l]).then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.text();
      });
    });
  }

  var here = path();
  var where = describe(here);
  root.lang = lang;
  root.setAttribute("data-mode", where.mode);
  root.setAttribute("data-tab", where.tab);
  root.setAttribute("data-route", here === "" ? "home" : "page");
  if (here.split("/")[0] === "practice") root.setAttribute("data-focused", "");

  // A part's glue (the JS module) and its wasm, each fetched once (as the strings are). A fetch that
  // fails (offline) is forgotten, so that the next start asks again (though some browsers keep a failed module import
  // until the page is reloaded), and a used wasm response is forgotten when a start fails (see load).
  var glues = {};
  var wasms = {};
  function once(cache, name, fetchIt) {
    if (!cache[name]) {
      cache[name] = fetchIt();
      cache[name].catch(function () {
        delete cache[name];
      });
    }
    return cache[name];
  }
  function glueOf(name) {
    return once(glues, name, function () {
      return import(A[name].js);
    });
  }
  function wasmOf(name) {
    return once(wasms, name, function () {
      return fetch(A[name].wasm);
    });
  }

  // Each step of the start is a task of its own (the wasm's instantiation, its strings, the
  // frame, the tab bar, the page's content, the swap), so that none blocks the page for long.
  function nextTask() {
    return new Promise(function (ok) {
      setTimeout(ok, 0);
    });
  }

  // The part on screen: the landing part, then the whole app; and the address it showed when it
  // started (a later part moves focus to the page's heading only if the address has changed since).
  var started = null;
  var shown = location.hash;

  // The landing part: its wasm instantiated, then in tasks of their own it adopts the static shell
  // (short tasks: it builds no view, see src/ui/landing.rs).
  function adopt() {
    var wasm = wasmOf("landing");
    var glue;
    return glueOf("landing")
      .then(function (module) {
        glue = module;
        return glue.default({ module_or_path: wasm });
      })
      .then(nextTask)
      .then(function () {
        started = glue;
        shown = location.hash;
        return glue.adopt(lang); // resolves once the page is adopted (three short tasks)
      });
  }

  function start(name) {
    var wasm = wasmOf(name);
    var glue;
    var now;
    return Promise.all([glueOf(name), strings(lang)])
      .then(function (got) {
        glue = got[0];
        return glue.default({ module_or_path: wasm });
      })
      .then(nextTask)
      .then(function () {
        // The language may have changed since: the settings document says which.
        now = language();
        return strings(now);
      })
      .then(function (text) {
        glue.strings(now, text);
        return nextTask();
      })
      .then(function () {
        // The frame, rendered off screen; the tab bar in the next task, the page's content in the
        // one after; then the swap for the static shell (or the landing part, taken down in the
        // same task).
        glue.start(now);
        return nextTask();
      })
      .then(function () {
        glue.rest();
        return nextTask();
      })
      .then(function () {
        glue.rest();
        return nextTask();
      })
      .then(function () {
        // Focus goes to the new page's heading after a navigation, not when the app replaces the
        // landing part on the same page (a new version waiting).
        var handover = started !== null && location.hash !== shown;
        if (started && started.stop) started.stop();
        lang = now;
        glue.attach(handover);
        started = glue;
        root.removeAttribute("data-route");
        root.removeAttribute("data-boot");
        return glue;
      });
  }

  // The whole app, started once; a start that fails is reported, and the next call tries again.
  var app = null;
  function load() {
    if (!app) {
      app = start("app").then(settle, function (e) {
        app = null;
        delete wasms.app; // its response is read once: fetched again on the next try
        failed(e);
        settle(); // the service worker still registers, for the next visit
      });
    }
    return app;
  }

  function failed(e) {
    console.error("boot:", e);
    root.setAttribute("data-boot", "failed");
  }

  window.csicBoot = { load: load, lang: function () { return lang; } };

  // The landing part leaves the start-up checks (unreadable records, an interrupted import) to the
  // whole app: when the settings document cannot be read or an import's journal is left, the whole
  // app starts at once, so that the user is told and nothing waits.
  function healthy() {
    if (saved("csic-journal") !== null) return false;
    var settings = saved("csic:settings:app");
    try {
      if (settings !== null) JSON.parse(settings);
      return true;
    } catch (e) {
      return false;
    }
  }

  // The part loads once the shell's first contentful paint is reported, so that nothing it fetches
  // or runs competes with the first paint: the shell is the largest paint, and the wasm then takes
  // over the same screen without adding a larger one. Where paint timing is missing, or the page
  // is hidden (it paints when shown), it loads after the first frame; and in any case after 3 s.
  function afterPaint(f) {
    var done = false;
    var go = function () {
      if (!done) {
        done = true;
        setTimeout(f, 0);
      }
    };
    var frame = function () {
      requestAnimationFrame(go);
    };
    var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
    if (types.indexOf("paint") >= 0 && document.visibilityState === "visible") {
      try {
        new PerformanceObserver(function (list, observer) {
          if (list.getEntriesByName("first-contentful-paint").length) {
            observer.disconnect();
            go();
          }
        }).observe({ type: "paint", buffered: true });
        setTimeout(go, 3000);
        return;
      } catch (e) {
        // An older observer: the first frame below.
      }
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", frame);
    else frame();
  }

  // The page's title in the language (the shell of each language carries it), before the part
  // starts: the part then finds it set.
  document.addEventListener("DOMContentLoaded", function () {
    var shell = document.querySelector('.shell[lang="' + lang + '"]');
    var title = shell && shell.getAttribute("data-title");
    if (title) document.title = title;
  });

  // Once the first part has started (the landing part adopted the shell, or the whole app is on
  // screen) and the page has loaded, in idle time: the service worker, then the prefetch. Nothing of
  // it competes with the start-up for a phone's CPU.
  var settled = false;
  function settle() {
    if (settled) return;
    settled = true;
    var idle = window.requestIdleCallback || function (f) { return setTimeout(f, 1500); };
    var go = function () {
      idle(function () {
        serviceWorker().then(function () {
          prefetch(idle);
        });
      });
    };
    if (document.readyState === "complete") go();
    else window.addEventListener("load", go);
  }

  // Where the landing part cannot start, the whole app takes over the home page.
  afterPaint(function () {
    if (here === "" && healthy()) {
      adopt().then(settle, function (e) {
        console.warn("boot: the landing part did not start:", e);
        load();
      });
    } else {
      load();
    }
  });

  // The static shell's skip link, before and while the landing part has it: focus to the page's
  // main area, without a change of address (the hash router would read "#main-en" as a page).
  document.addEventListener("click", function (e) {
    var skip = e.target && e.target.closest && e.target.closest(".shell .skip-link");
    var main = skip && skip.closest(".shell").querySelector("main");
    if (main) {
      e.preventDefault();
      main.focus();
    }
  });

  // Registers the service worker, which precaches every file. Resolves once it controls the page
  // (the prefetch below is then served from its cache, not fetched twice), or at once where there
  // is none or it fails, or after 10 s without control (after a hard reload the page stays
  // uncontrolled, and the prefetch goes to the network).
  function serviceWorker() {
    return new Promise(function (done) {
      if (!("serviceWorker" in navigator) || !A.sw) return done();
      var sw = navigator.serviceWorker;
      if (!sw.controller) {
        sw.addEventListener("controllerchange", function () { done(); }, { once: true });
        setTimeout(done, 10000);
      }
      sw.register(A.sw)
        .then(function (reg) {
          if (sw.controller) done();
          // A new version waiting behind the one in control: the whole app takes over the screen,
          // and its banner offers the reload. It never reloads by itself.
          var waiting = function () {
            if (reg.waiting && sw.controller) load();
          };
          waiting();
          reg.addEventListener("updatefound", function () {
            var next = reg.installing;
            if (next) {
              next.addEventListener("statechange", function () {
                if (next.state === "installed") waiting();
              });
            }
          });
        })
        .catch(function (e) {
          console.warn("service worker:", e);
          done();
        });
    });
  }

  // The rest of the app and its strings, so that the first visit to another page starts at once:
  // one request per idle period, so that each is a short task.
  function prefetch(idle) {
    var steps = [
      function () {
        wasmOf("app");
      },
      function () {
        glueOf("app");
      },
      function () {
        strings(lang).catch(function () {});
      },
    ];
    (function next() {
      var step = steps.shift();
      if (step) {
        idle(function () {
          step();
          next();
        });
      }
    })();
  }
})();
