// What the benchmarks share: their command line (`[dist] [runs] [--json out.json]`, and the flags a
// benchmark allows), the median, the machine's load before and after, and the figures file.
import { writeFileSync } from "node:fs";
import { loadavg, cpus } from "node:os";
/** Reads the arguments; prints `usage` and exits with 2 when they are wrong. `flags`: the `--name`
 *  switches this benchmark allows; the ones given are returned in `flags`. */
export function benchArgs(usage, defaultRuns, allowed = []) {
  const args = process.argv.slice(2);
  let jsonOut = null;
  const positional = [];
  const flags = new Set();
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--json") jsonOut = args[++i];
    else if (args[i].startsWith("--json=")) jsonOut = args[i].slice("--json=".length);
    else if (allowed.includes(args[i])) flags.add(args[i]);
    else if (args[i].startsWith("--")) {
      console.error(`usage: ${usage}`);
      process.exit(2);
    } else positional.push(args[i]);
  }
  const root = positional[0] ?? "dist";
  const runs = Number(positional[1] ?? defaultRuns);
  if (!Number.isInteger(runs) || runs < 1 || (args.includes("--json") && !jsonOut)) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  return { root, runs, jsonOut, flags };
}

/** The median of the finite numbers in `xs`; null when there are none. */
export function median(xs) {
  const s = xs.filter((x) => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Prints the machine's 1-minute load average, `when` ("on 2 CPUs", "at the end") after it, and
 *  returns it: figures from a busy machine are worse. */
export function printLoad(when) {
  const load = loadavg()[0];
  console.log(`load average ${load.toFixed(2)} ${when}`);
  return load;
}

/** Writes a benchmark's `figures` to `path` as JSON, after the date, the dist, the runs and the
 *  load averages at the start and the end. */
export function writeFigures(path, { root, runs, loadAtStart, loadAtEnd }, figures) {
  const out = {
    date: new Date().toISOString(),
    dist: root,
    runs,
    loadAverage: { start: loadAtStart, end: loadAtEnd, cpus: cpus().length },
    ...figures,
  };
  writeFileSync(path, JSON.stringify(out, null, 2) + "\n");
  console.log(`wrote ${path}`);
}
