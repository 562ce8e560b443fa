// The benchmarks' command line: `[dist] [runs] [--json out.json]`.
/** Reads the arguments; prints `usage` and exits with 2 when they are wrong. */
export function benchArgs(usage, defaultRuns) {
  const args = process.argv.slice(2);
  let jsonOut = null;
  const positional = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--json") jsonOut = args[++i];
    else if (args[i].startsWith("--json=")) jsonOut = args[i].slice("--json=".length);
    else positional.push(args[i]);
  }
  const root = positional[0] ?? "dist";
  const runs = Number(positional[1] ?? defaultRuns);
  if (!Number.isInteger(runs) || runs < 1 || (args.includes("--json") && !jsonOut)) {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  return { root, runs, jsonOut };
}
