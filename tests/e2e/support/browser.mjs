// Debian's Chromium driven by playwright-core. Never downloads a browser.
import { chromium } from "playwright-core";
import { existsSync } from "node:fs";

export const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 },
};

/** Chromium's fake microphone (a beep); with `allow`, permission is granted without a prompt. */
export const FAKE_MIC = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"];
export const FAKE_MIC_NO_PERMISSION = ["--use-fake-device-for-media-stream"];

export async function launch(extraArgs = []) {
  const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}; run scripts/setup.sh`);
  return chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--autoplay-policy=no-user-gesture-required",
      ...extraArgs,
    ],
  });
}

/** Collects console errors, page errors and every request URL of a context. */
export function watch(context) {
  const errors = [];
  const requests = [];
  context.on("request", (r) => requests.push(r.url()));
  context.on("page", (page) => attach(page, errors));
  for (const page of context.pages()) attach(page, errors);
  return { errors, requests };
}

function attach(page, errors) {
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
}
