import { Hono, type Context } from "hono";
import { sValidator } from "@hono/standard-validator";
import * as v from "valibot";
import * as Documents from "@vernetzt/core/info/documents";
import type { Reader } from "@vernetzt/core/info/pages";
import { DocumentEditInput, FolderInput, UploadRequestInput } from "@vernetzt/core/info/schema";
import { EmptyInput } from "@vernetzt/core/user/schema";
import type { AppEnv } from "../env";
import { requireStaff } from "../middleware";
import { invalidInput } from "../validate";

const FolderParam = v.object({ folderId: v.pipe(v.string(), v.regex(/^fld_[0-9a-z]{26}$/, "invalid_id")) });
const DocumentParam = v.object({ documentId: v.pipe(v.string(), v.regex(/^doc_[0-9a-z]{26}$/, "invalid_id")) });

const readerOf = (c: Context<AppEnv>): Reader => c.get("user");

export const documentRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json({ folders: await Documents.listDocuments(readerOf(c)) }))
  .get("/:documentId/download", sValidator("param", DocumentParam, invalidInput), async (c) => {
    // A signed URL that expires in minutes: a forwarded link stops working soon.
    return c.redirect(await Documents.downloadUrl(readerOf(c), c.req.valid("param").documentId), 302);
  })
  .post("/folders", requireStaff, sValidator("json", FolderInput, invalidInput), async (c) =>
    c.json({ folder: await Documents.saveFolder(readerOf(c), undefined, c.req.valid("json")) }, 201),
  )
  .put("/folders/:folderId", requireStaff, sValidator("param", FolderParam, invalidInput), sValidator("json", FolderInput, invalidInput), async (c) =>
    c.json({ folder: await Documents.saveFolder(readerOf(c), c.req.valid("param").folderId, c.req.valid("json")) }),
  )
  .post("/folders/:folderId/delete", requireStaff, sValidator("param", FolderParam, invalidInput), sValidator("json", EmptyInput, invalidInput), async (c) => {
    await Documents.deleteFolder(readerOf(c), c.req.valid("param").folderId);
    return c.json({ status: "deleted" as const });
  })
  .post("/uploads", requireStaff, sValidator("json", UploadRequestInput, invalidInput), async (c) =>
    c.json(await Documents.requestUpload(readerOf(c), c.req.valid("json")), 201),
  )
  .post("/:documentId/finalize", requireStaff, sValidator("param", DocumentParam, invalidInput), sValidator("json", EmptyInput, invalidInput), async (c) =>
    c.json({ document: await Documents.finalizeUpload(readerOf(c), c.req.valid("param").documentId) }),
  )
  .put("/:documentId", requireStaff, sValidator("param", DocumentParam, invalidInput), sValidator("json", DocumentEditInput, invalidInput), async (c) =>
    c.json({ document: await Documents.updateDocument(readerOf(c), c.req.valid("param").documentId, c.req.valid("json")) }),
  )
  .post("/:documentId/delete", requireStaff, sValidator("param", DocumentParam, invalidInput), sValidator("json", EmptyInput, invalidInput), async (c) => {
    await Documents.deleteDocument(readerOf(c), c.req.valid("param").documentId);
    return c.json({ status: "deleted" as const });
  });
