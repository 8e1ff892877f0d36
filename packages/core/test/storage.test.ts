import { describe, expect, it } from "vitest";
import { contentDisposition, deleteObject, getObject, presignDownload, presignUpload, putObject } from "../src/storage/files";
import { handleLocalFileRequest } from "../src/storage/local";

const bytes = (text: string) => new TextEncoder().encode(text);
const key = () => `test/${crypto.randomUUID()}/file.pdf`;

async function put(url: string, body: Uint8Array, contentType: string) {
  const response = await handleLocalFileRequest(new Request(url, { method: "PUT", body, headers: { "Content-Type": contentType } }));
  if (!response) throw new Error("not a file URL");
  return response;
}

async function get(url: string) {
  const response = await handleLocalFileRequest(new Request(url));
  if (!response) throw new Error("not a file URL");
  return response;
}

describe("local file store (S3 stand-in)", () => {
  it("accepts an upload of exactly the signed type and size and serves it back", async () => {
    const k = key();
    const body = bytes("%PDF-1.4 hello");
    const upload = await presignUpload(k, { contentType: "application/pdf", size: body.byteLength });
    expect(upload).toMatchObject({ method: "PUT", headers: { "Content-Type": "application/pdf" }, key: k });
    expect((await put(upload.url, body, "application/pdf")).status).toBe(200);

    const stored = await getObject(k);
    expect(new TextDecoder().decode(stored!.body)).toBe("%PDF-1.4 hello");
    expect(stored!.contentType).toBe("application/pdf");

    const download = await get(await presignDownload(k, { filename: "Übersicht „März“.pdf" }));
    expect(download.status).toBe(200);
    expect(await download.text()).toBe("%PDF-1.4 hello");
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toContain("filename*=UTF-8''%C3%9Cbersicht%20%E2%80%9EM%C3%A4rz%E2%80%9C.pdf");
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("refuses another type, another size, an altered or an expired upload link, and stores nothing", async () => {
    const k = key();
    const body = bytes("abc");
    const upload = await presignUpload(k, { contentType: "image/png", size: 3 });

    const otherType = await put(upload.url, body, "text/html");
    expect(otherType.status).toBe(403);
    expect(await otherType.json()).toMatchObject({ error: { code: "content_type_mismatch" } });

    expect((await put(upload.url, bytes("abcd"), "image/png")).status).toBe(400);

    const bigger = upload.url.replace("len=3", "len=3000000");
    expect((await put(bigger, bytes("abc"), "image/png")).status).toBe(403);

    const expired = await presignUpload(k, { contentType: "image/png", size: 3, expiresInSeconds: -1 });
    const refused = await put(expired.url, body, "image/png");
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "expired" } });

    expect(await getObject(k)).toBeUndefined();
  });

  it("download links expire, cannot be altered to another file or name, and stop working once the file is deleted", async () => {
    const k = key();
    const other = key();
    await putObject(k, bytes("mine"), "text/plain");
    await putObject(other, bytes("secret"), "text/plain");

    const expired = await get(await presignDownload(k, { filename: "a.txt", expiresInSeconds: -1 }));
    expect(expired.status).toBe(403);

    const url = await presignDownload(k, { filename: "a.txt" });
    expect((await get(url.replace(k, other))).status).toBe(403);
    expect((await get(url.replace("fn=a.txt", "fn=b.html"))).status).toBe(403);
    expect((await get(url)).status).toBe(200);

    await deleteObject(k);
    await deleteObject(k); // deleting again is fine (retries after a crash)
    expect((await get(url)).status).toBe(404);
    expect(await getObject(k)).toBeUndefined();
  });

  it("keeps keys inside the store", async () => {
    await expect(putObject("../outside.txt", bytes("x"), "text/plain")).rejects.toThrow(/Invalid storage key/);
    await expect(presignUpload("/etc/passwd", { contentType: "text/plain", size: 1 })).rejects.toThrow(/Invalid storage key/);
    // URL parsing already folds "/a/%2E%2E/b" to "/b"; what survives decoding is checked again.
    const response = await get("http://localhost:3000/files/download/a/%3Cscript%3E?exp=9999999999&sig=x");
    expect(response.status).toBe(400);
    expect(await handleLocalFileRequest(new Request("http://localhost:3000/api/health"))).toBeUndefined();
  });

  it("refuses an upload size that is not a positive whole number", async () => {
    await expect(presignUpload(key(), { contentType: "image/png", size: 0 })).rejects.toMatchObject({ code: "invalid_size" });
    await expect(presignUpload(key(), { contentType: "image/png", size: 1.5 })).rejects.toMatchObject({ code: "invalid_size" });
  });

  it("names downloads safely in both the ASCII fallback and the UTF-8 form", () => {
    expect(contentDisposition('Bericht "2026"\r\n.pdf')).toBe(`attachment; filename="Bericht _2026___.pdf"; filename*=UTF-8''Bericht%20%222026%22%0D%0A.pdf`);
    expect(contentDisposition("Foto (1).jpg", true)).toBe(`inline; filename="Foto (1).jpg"; filename*=UTF-8''Foto%20%281%29.jpg`);
    expect(contentDisposition("Übung.pdf")).toMatch(/^attachment; filename="Ubung.pdf"/);
  });
});
