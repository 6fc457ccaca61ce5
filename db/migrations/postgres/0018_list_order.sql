-- Lists page in byte order (property_internal.h ByteOrder: code COLLATE "C", then id). Without
-- an index in that order PostgreSQL read and sorted a whole project for every page of 20:
-- 5–12 ms with 1,848 houses in the project, 0.9 ms with these (docs/PERFORMANCE.md). One per
-- shape of the WHERE clause: a project's houses (staff of projects) and the company's (HQ).
CREATE INDEX houses_project_order ON houses (company_id, project_id, (code COLLATE "C"), id);
CREATE INDEX houses_company_order ON houses (company_id, (code COLLATE "C"), id);
CREATE INDEX vehicles_project_order ON vehicles (company_id, project_id, (plate COLLATE "C"), id);
CREATE INDEX parking_spaces_project_order ON parking_spaces (company_id, project_id, (code COLLATE "C"), id);
