-- Uploaded files (photos, signatures): src/modules/files/. The bytes live on disk under
-- <data_dir>/files/<company_id>/<first 2 hex of storage_name>/<storage_name>, outside the
-- web root, never under the client's file name; this table holds what was checked about
-- them. A file is its uploader's until another module attaches it (owner_kind, owner_id),
-- e.g. to a work order; from then on that module's access rule decides who may read it.
CREATE TABLE files (
  id INTEGER PRIMARY KEY,
  company_id INTEGER NOT NULL REFERENCES companies(id),
  uploader_id INTEGER NOT NULL REFERENCES users(id),
  content_type TEXT NOT NULL,           -- image/jpeg | image/png | image/webp (magic bytes)
  size_bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,                 -- lower-case hex of the bytes
  storage_name TEXT NOT NULL UNIQUE,    -- 32 random hex digits
  owner_kind TEXT NOT NULL DEFAULT '',  -- '' while unattached; 'work_order', …
  owner_id INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
-- The upload rate limit counts a user's recent uploads.
CREATE INDEX files_uploader ON files(uploader_id, created_at);
CREATE INDEX files_owner ON files(company_id, owner_kind, owner_id);
