-- A manual KPI's evidence file (the survey export, the audit sheet), checked by content like dispute
-- attachments and kept with its SHA-256.
alter table scorecard_kpi add column evidence_file_name text;
alter table scorecard_kpi add column evidence_media_type text
    check (evidence_media_type in ('application/pdf', 'image/png', 'image/jpeg'));
alter table scorecard_kpi add column evidence_sha256 char(64);
alter table scorecard_kpi add column evidence_content bytea;
