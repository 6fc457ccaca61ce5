-- Lists page in byte order (SQLite's BINARY collation: code, then id). A project's houses
-- already come in that order from UNIQUE (project_id, code); the company-wide list (HQ) and
-- the vehicle and parking lists get theirs here, as on PostgreSQL.
CREATE INDEX houses_company_order ON houses (company_id, code, id);
CREATE INDEX vehicles_project_order ON vehicles (company_id, project_id, plate, id);
CREATE INDEX parking_spaces_project_order ON parking_spaces (company_id, project_id, code, id);
