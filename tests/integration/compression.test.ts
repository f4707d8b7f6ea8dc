import fs from "node:fs";
import http from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// Compression over real HTTP: the raw bytes on the wire, as a phone's browser receives them.
// (fetch() decompresses silently, so these requests use node:http.)

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
});
afterAll(async () => {
  await app?.stop();
});

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(path: string, acceptEncoding?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding ? { "accept-encoding": acceptEncoding } : {};
    http
      .get(`${app.url}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

function decoded(r: Raw): string {
  const enc = r.headers["content-encoding"];
  if (enc === "br") return brotliDecompressSync(r.body).toString("utf8");
  if (enc === "gzip") return gunzipSync(r.body).toString("utf8");
  return r.body.toString("utf8");
}

/** The largest shared chunk (React): small chunks under 1 KB are rightly sent as they are. */
function largestScriptUrl(): string {
  const dir = "public/build/_shared";
  const [largest] = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".js"))
    .sort((a, b) => fs.statSync(`${dir}/${b}`).size - fs.statSync(`${dir}/${a}`).size);
  return `/build/_shared/${largest}`;
}

describe("compression", () => {
  const kinds: Array<[string, string, RegExp]> = [
    ["HTML", "/danh-gia/X1", /^text\/html/],
    ["JSON", "/api/v1/surveys", /^application\/json/],
    ["CSS", "/styles/app.css", /^text\/css/],
  ];

  for (const [kind, path, type] of kinds) {
    it(`sends ${kind} as brotli or gzip, as asked, and the same text as uncompressed`, async () => {
      const plain = await get(path, "identity");
      expect(plain.status).toBe(200);
      expect(plain.headers["content-type"]).toMatch(type);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      const br = await get(path, "gzip, deflate, br");
      expect(br.headers["content-encoding"]).toBe("br");
      expect(br.headers.vary).toMatch(/accept-encoding/i);
      const gz = await get(path, "gzip");
      expect(gz.headers["content-encoding"]).toBe("gzip");
      expect(decoded(br)).toBe(decoded(plain));
      expect(decoded(gz)).toBe(decoded(plain));
      expect(br.body.length).toBeLessThan(plain.body.length / 2);
    });
  }

  it("compresses the built JavaScript and keeps its immutable one-year caching", async () => {
    const url = largestScriptUrl();
    const plain = await get(url, "identity");
    const br = await get(url, "br");
    expect(br.status).toBe(200);
    expect(br.headers["content-type"]).toMatch(/javascript/);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(decoded(br)).toBe(decoded(plain));
  });
});
