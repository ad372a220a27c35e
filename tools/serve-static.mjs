#!/usr/bin/env node
// A tiny, dependency-free static file server for the end-to-end tests. It behaves like GitHub Pages:
// a directory serves its index.html, and an unknown path serves the nearest mount's 404.html with
// status 404 (the app's router renders from it, so deep links work).
//
//   node tools/serve-static.mjs --port 4173 --root dist --mount /exec-social-playbook/=target/dist-sub
//
// Like GitHub Pages, every file has a validator (ETag, Last-Modified) and `Cache-Control:
// max-age=600`: a returning visit within ten minutes takes the page's files from the browser's
// cache, the document itself is revalidated on reload (304 Not Modified), and a new release, whose
// files have new hashed names, is fetched. Binds 127.0.0.1 only.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

function parseArgs(argv) {
  const options = { port: 4173, host: "127.0.0.1", root: "dist", mounts: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === "--port") options.port = Number(value());
    else if (arg === "--root") options.root = value();
    else if (arg === "--mount") {
      const spec = value();
      const at = spec.indexOf("=");
      if (at < 1) throw new Error(`--mount expects /prefix/=dir, got ${spec}`);
      let prefix = spec.slice(0, at);
      if (!prefix.startsWith("/")) prefix = `/${prefix}`;
      if (!prefix.endsWith("/")) prefix = `${prefix}/`;
      options.mounts.push({ prefix, dir: resolve(spec.slice(at + 1)) });
    } else if (arg === "--help" || arg === "-h") {
      console.log("usage: node tools/serve-static.mjs [--port N] [--root DIR] [--mount /prefix/=DIR]...");
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  options.mounts.push({ prefix: "/", dir: resolve(options.root) });
  // Longest prefix first, so the nearest mount wins.
  options.mounts.sort((a, b) => b.prefix.length - a.prefix.length);
  return options;
}

const options = parseArgs(process.argv.slice(2));

async function fileAt(path) {
  try {
    const info = await stat(path);
    return info;
  } catch {
    return null;
  }
}

/** Whether the request's validators match the file, so that 304 Not Modified can be sent. */
function notModified(req, etag, modified) {
  const match = req.headers["if-none-match"];
  if (match !== undefined) return match.split(",").some((tag) => tag.trim() === etag || tag.trim() === "*");
  const since = Date.parse(req.headers["if-modified-since"] ?? "");
  return Number.isFinite(since) && Math.floor(modified / 1000) <= Math.floor(since / 1000);
}

async function send(req, res, status, path, info) {
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = {
    "Content-Type": TYPES[extname(path).toLowerCase()] ?? "application/octet-stream",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "max-age=600",
    ETag: etag,
    "Last-Modified": new Date(info.mtimeMs).toUTCString(),
  };
  if (status === 200 && notModified(req, etag, info.mtimeMs)) {
    res.writeHead(304, headers);
    return res.end();
  }
  const body = await readFile(path);
  res.writeHead(status, { ...headers, "Content-Length": body.length });
  res.end(req.method === "HEAD" ? undefined : body);
}

function plain(res, status, text, headers = {}) {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", ...headers });
  res.end(text);
}

const server = createServer(async (req, res) => {
  try {
    if (req.method !== "GET" && req.method !== "HEAD") {
      return plain(res, 405, "Method not allowed\n", { Allow: "GET, HEAD" });
    }
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return plain(res, 400, "Bad request\n");
    }
    if (pathname.includes("\0")) return plain(res, 400, "Bad request\n");

    // "/exec-social-playbook" without the slash: redirect, like GitHub Pages does for a directory.
    const bare = options.mounts.find((m) => m.prefix !== "/" && pathname === m.prefix.slice(0, -1));
    if (bare) return plain(res, 301, "Moved\n", { Location: bare.prefix + url.search });

    const mount = options.mounts.find((m) => pathname.startsWith(m.prefix));
    const relative = pathname.slice(mount.prefix.length);
    const target = resolve(mount.dir, `.${sep}${relative}`);
    if (target !== mount.dir && !target.startsWith(mount.dir + sep)) {
      return plain(res, 403, "Forbidden\n");
    }

    const info = await fileAt(target);
    if (info?.isFile()) return send(req, res, 200, target, info);
    if (info?.isDirectory()) {
      if (!pathname.endsWith("/")) {
        return plain(res, 301, "Moved\n", { Location: `${url.pathname}/${url.search}` });
      }
      const index = join(target, "index.html");
      const indexInfo = await fileAt(index);
      if (indexInfo?.isFile()) return send(req, res, 200, index, indexInfo);
    }
    const notFound = join(mount.dir, "404.html");
    const notFoundInfo = await fileAt(notFound);
    if (notFoundInfo?.isFile()) return send(req, res, 404, notFound, notFoundInfo);
    return plain(res, 404, "Not found\n");
  } catch (error) {
    console.error(error);
    if (!res.headersSent) plain(res, 500, "Internal error\n");
    else res.end();
  }
});

server.listen(options.port, options.host, () => {
  const mounts = options.mounts.map((m) => `${m.prefix} -> ${m.dir}`).join(", ");
  console.log(`serve-static: http://${options.host}:${options.port}/ (${mounts})`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
