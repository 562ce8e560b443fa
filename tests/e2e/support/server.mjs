// A plain static file server for dist/, mounted under a sub-path (default /a/b/), on 127.0.0.1.
// Options for the benchmarks: `brotli` serves every file brotli-compressed (quality 11, compressed
// once and kept in memory, as a host that precompresses would) to clients that accept it, and
// `rewrite(rel, body)` may replace a file's bytes before that (rel is the path under the prefix; it must
// give the same bytes for the same file, as they are compressed once). `tls` ({ key, cert }, PEM)
// serves HTTP/2 over TLS instead of HTTP/1.1, as static hosts do.
import { createServer } from "node:http";
import { createSecureServer } from "node:http2";
import { readFile, stat } from "node:fs/promises";
import { join, normalize, extname, resolve } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
};

/** Serves `root` under `prefix`. Returns { origin, url, hits, setRoot, close }; `hits(file)` counts the
 *  requests that file (a path under the prefix, such as "app-….wasm") has had. */
export async function startServer({ root, prefix = "/a/b/", brotli = false, rewrite = null, tls = null }) {
  let base = resolve(root);
  const compressed = new Map(); // file -> { mtimeMs, body } (brotli only)
  const precompress = (file, mtimeMs, body) => {
    const hit = compressed.get(file);
    if (hit && hit.mtimeMs === mtimeMs) return hit.body;
    const params = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length };
    const br = brotliCompressSync(body, { params });
    compressed.set(file, { mtimeMs, body: br });
    return br;
  };
  const counts = new Map();
  const handle = async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    counts.set(path, (counts.get(path) ?? 0) + 1);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end("not found");
      return;
    }
    let rel = normalize(path.slice(prefix.length));
    if (rel.startsWith("..")) {
      res.writeHead(403).end();
      return;
    }
    if (rel === "" || rel === "." || rel.endsWith("/")) rel = join(rel, "index.html");
    const file = join(base, rel);
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error("not a file");
      let body = await readFile(file);
      if (rewrite) body = Buffer.from(rewrite(rel.split("\\").join("/"), body));
      const headers = {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
      };
      if (brotli) {
        headers.vary = "accept-encoding";
        if (/\bbr\b/.test(req.headers["accept-encoding"] ?? "")) {
          body = precompress(file, info.mtimeMs, body);
          headers["content-encoding"] = "br";
        }
      }
      headers["content-length"] = body.length;
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  };
  const server = tls ? createSecureServer({ ...tls, allowHTTP1: true }, handle) : createServer(handle);
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const origin = `${tls ? "https" : "http"}://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: origin + prefix,
    hits: (file) => counts.get(prefix + file) ?? 0,
    setRoot(dir) {
      base = resolve(dir);
    },
    close: () => new Promise((ok) => server.close(ok)),
  };
}
