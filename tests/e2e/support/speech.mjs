// Test doubles for spoken answers: a scripted on-device speech recogniser, and WAV files of tones
// and silences for Chromium's `--use-file-for-fake-audio-capture`.

/**
 * The page side of the fake recogniser (runs before the app, through `addInitScript`). `script` is
 * the list of phrases "heard", in order; `options`: `installMs` (how long `install()` takes),
 * `stepMs` (time between two results), `langs` (the languages it recognises; any when absent).
 *
 * Like Chrome's `SpeechRecognition` with `processLocally`: static `available()` and `install()`;
 * an instance emits, every `stepMs` after `start()`, first the next phrase's interim result (its
 * first half), then the same result made final; `event.results` holds every result of the session
 * (finals, then the interim one at the end). `stop()` makes the pending interim final, then ends;
 * `abort()` ends at once. Events are always dispatched from timers, never inside a call.
 * Deterministic: the phrases continue where the previous session of the page stopped
 * (`window.__srCursor`), so that a restarted session does not repeat them.
 *
 * Recorded for the tests: `window.__srStarts` (each `start()`: `processLocally`, `lang`,
 * `continuous`, `interimResults`), `window.__srAvailable` (each `available()` / `install()` call's
 * options) and `localStorage["fake-sr-installed"]` (kept across reloads).
 */
function installFakeRecognition(script, options) {
  const { installMs = 300, stepMs = 400, langs = null } = options ?? {};
  const KEY = "fake-sr-installed";
  window.__srStarts = [];
  window.__srAvailable = [];
  window.__srCursor = 0;
  const installed = () => {
    try {
      return localStorage.getItem(KEY) === "1";
    } catch {
      return false;
    }
  };
  const supports = (opts) => {
    const wanted = Array.isArray(opts?.langs) ? opts.langs : [];
    return langs === null || wanted.every((l) => langs.includes(l));
  };

  /** An array-like list, as the Web Speech API's `SpeechRecognitionResultList` is. */
  const listOf = (items, extra = {}) => {
    const list = { length: items.length, item: (i) => items[i] ?? null, ...extra };
    items.forEach((x, i) => (list[i] = x));
    list[Symbol.iterator] = function* () {
      yield* items;
    };
    return list;
  };
  const resultOf = (transcript, isFinal) => listOf([{ transcript, confidence: isFinal ? 0.9 : 0.5 }], { isFinal });

  class SpeechRecognition extends EventTarget {
    constructor() {
      super();
      this.lang = "";
      this.continuous = false;
      this.interimResults = false;
      this.maxAlternatives = 1;
      this.processLocally = false;
      this.onresult = null;
      this.onerror = null;
      this.onend = null;
      this.onstart = null;
      this._state = "idle"; // idle → running → stopping → ended
      this._finals = [];
      this._interim = null; // the phrase shown as interim, not final yet
      this._timer = null;
    }

    static available(opts) {
      window.__srAvailable.push({ call: "available", ...structuredClone(opts ?? {}) });
      if (opts?.processLocally !== true || !supports(opts)) return Promise.resolve("unavailable");
      return Promise.resolve(installed() ? "available" : "downloadable");
    }

    static install(opts) {
      window.__srAvailable.push({ call: "install", ...structuredClone(opts ?? {}) });
      if (opts?.processLocally !== true || !supports(opts)) return Promise.resolve(false);
      return new Promise((ok) =>
        setTimeout(() => {
          localStorage.setItem(KEY, "1");
          ok(true);
        }, installMs),
      );
    }

    start() {
      if (this._state !== "idle") throw new DOMException("recognition has already started", "InvalidStateError");
      this._state = "running";
      window.__srStarts.push({
        processLocally: this.processLocally,
        lang: this.lang,
        continuous: this.continuous,
        interimResults: this.interimResults,
      });
      setTimeout(() => this._emit("start", {}), 0);
      this._timer = setInterval(() => this._step(), stepMs);
    }

    stop() {
      if (this._state !== "running") return;
      this._state = "stopping";
      clearInterval(this._timer);
      setTimeout(() => {
        if (this._interim !== null) {
          this._finals.push(this._interim);
          this._interim = null;
          this._result();
        }
        this._end();
      }, 0);
    }

    abort() {
      if (this._state !== "running" && this._state !== "stopping") return;
      this._state = "stopping";
      clearInterval(this._timer);
      setTimeout(() => {
        this._emit("error", { error: "aborted", message: "" });
        this._end();
      }, 0);
    }

    /** One tick: the next phrase's interim result, or the pending one made final. */
    _step() {
      if (this._state !== "running") return;
      if (this._interim !== null) {
        this._finals.push(this._interim);
        this._interim = null;
        this._result();
      } else if (window.__srCursor < script.length) {
        this._interim = script[window.__srCursor++];
        this._result();
      }
    }

    _result() {
      const items = this._finals.map((t) => resultOf(t, true));
      if (this._interim !== null) {
        // An interim result is a guess at the start of the phrase.
        const words = this._interim.split(" ");
        items.push(resultOf(words.slice(0, Math.max(1, Math.ceil(words.length / 2))).join(" "), false));
      }
      const resultIndex = Math.max(0, this._finals.length - (this._interim === null ? 1 : 0));
      this._emit("result", { results: listOf(items), resultIndex });
    }

    _end() {
      this._state = "ended";
      this._emit("end", {});
    }

    _emit(type, props) {
      const event = new Event(type);
      for (const [k, v] of Object.entries(props)) Object.defineProperty(event, k, { value: v, enumerable: true });
      const handler = this[`on${type}`];
      if (typeof handler === "function") handler.call(this, event);
      this.dispatchEvent(event);
    }
  }

  Object.defineProperty(window, "SpeechRecognition", { value: SpeechRecognition, configurable: true, writable: true });
  Object.defineProperty(window, "webkitSpeechRecognition", { value: SpeechRecognition, configurable: true, writable: true });
}

/**
 * A function for `context.addInitScript(fn, options)` (or `page.addInitScript`) that installs the
 * fake recogniser with `script` (phrases, in order); see `installFakeRecognition` for `options`.
 * The phrases are written into the function's source, as Playwright sends only its text.
 */
export function fakeRecognition(script) {
  if (!Array.isArray(script) || !script.every((s) => typeof s === "string")) throw new TypeError("script: a list of phrases");
  // eslint-disable-next-line no-new-func
  return new Function("options", `return (${installFakeRecognition.toString()})(${JSON.stringify(script)}, options);`);
}

/**
 * A mono 16-bit PCM WAV file (a Buffer). `pattern`: `[ms, "tone" | "silence" | "noise", options?]`
 * pieces in order: a sine (440 Hz at amplitude 0.5 unless `frequency`, `amplitude` say otherwise,
 * for the file or in a piece's options), digital silence, or a faint noise (amplitude 0.002, from a
 * seeded generator: the same bytes every time). Each tone fades in and out over 5 ms (no clicks).
 */
export function toneWav({ pattern, sampleRate = 16000, frequency = 440, amplitude = 0.5, seed = 1 }) {
  const counts = pattern.map(([ms]) => Math.round((ms * sampleRate) / 1000));
  const total = counts.reduce((a, b) => a + b, 0);
  const data = Buffer.alloc(total * 2);
  let rng = seed >>> 0 || 1;
  const noise = () => {
    // xorshift32: deterministic and good enough for a faint hiss.
    rng ^= rng << 13;
    rng >>>= 0;
    rng ^= rng >>> 17;
    rng ^= rng << 5;
    rng >>>= 0;
    return rng / 0xffffffff - 0.5;
  };
  const fade = Math.round(0.005 * sampleRate);
  let at = 0;
  pattern.forEach(([, kind, piece = {}], i) => {
    const n = counts[i];
    const f = piece.frequency ?? frequency;
    const amp = piece.amplitude ?? amplitude;
    for (let j = 0; j < n; j++) {
      let v = 0;
      if (kind === "tone") {
        const ramp = Math.min(1, j / fade, (n - 1 - j) / fade);
        v = amp * ramp * Math.sin((2 * Math.PI * f * j) / sampleRate);
      } else if (kind === "noise") {
        v = 0.004 * noise(); // ±0.002
      } else if (kind !== "silence") {
        throw new Error(`unknown piece ${kind}`);
      }
      data.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(v * 32767))), (at + j) * 2);
    }
    at += n;
  });
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "ascii");
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVE", 8, "ascii");
  header.write("fmt ", 12, "ascii");
  header.writeUInt32LE(16, 16); // PCM chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28); // bytes per second
  header.writeUInt16LE(2, 32); // bytes per frame
  header.writeUInt16LE(16, 34); // bits per sample
  header.write("data", 36, "ascii");
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** `pattern` repeated `times` times. */
export function repeat(pattern, times) {
  return Array.from({ length: times }, () => pattern).flat();
}
