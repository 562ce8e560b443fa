import { startServer } from "/work/main/tests/e2e/support/server.mjs";
import { launch, FAKE_MIC, watch } from "/work/main/tests/e2e/support/browser.mjs";
import { ReviewPage } from "/work/main/tests/e2e/support/app-page.mjs";
const server = await startServer({ root: "/tmp/dist-helper" });
const browser = await launch(FAKE_MIC);
try {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 800 } });
  const seen = watch(context);
  const page = await context.newPage();
  const app = new ReviewPage(page, server.url);
  await app.start("#/practice/question/angry-customer");
  await app.passMicCheck();
  await app.answerFor(8000);
  await app.stop();
  await app.waitSaved(1);
  const t0 = Date.now();
  await page.getByTestId("delivery").waitFor();
  console.log("delivery after", Date.now() - t0);
  console.log(await page.getByTestId("delivery").innerText());
  console.log(await page.getByTestId("delivery").innerHTML());
  const [a] = await app.storedAttempts();
  console.log(JSON.stringify(a).slice(0, 600));
  console.log(await page.evaluate(() => performance.getEntriesByName("csic-envelope").map((m) => m.duration)));
  console.log(seen.errors);
} finally {
  await browser.close();
  await server.close();
}
