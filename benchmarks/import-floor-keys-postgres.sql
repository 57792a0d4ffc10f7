-- ctip's schema made over the floor's bare tables (one per bundle file, named after it), with ctip's
-- memory settings for the import: the primary keys, secondary indexes and foreign keys of cases,
-- victims, suspects, charges, trials and support events, and the case-link tables victim_cases and
-- suspect_cases made from the files' case_ids columns, with their keys, indexes and foreign keys.
-- benchmarks/import.sh runs this after the floor's \copy, in the same transaction: PostgreSQL's own work
-- for the rows and structures ctip's import leaves behind, whatever the client, so a lower bound for
-- ctip's import (which also validates every value and reference first).
SET LOCAL maintenance_work_mem = '256MB';
SET LOCAL work_mem = '64MB';
ALTER TABLE cases ADD PRIMARY KEY (case_id);
CREATE INDEX ON cases (cleared_on);
ALTER TABLE victims ADD PRIMARY KEY (victim_id);
CREATE INDEX ON victims (protected_on);
CREATE TABLE victim_cases AS
  SELECT victim_id, unnest(string_to_array(case_ids, ';')) AS case_id FROM victims WHERE case_ids <> '';
ALTER TABLE victim_cases ADD PRIMARY KEY (victim_id, case_id);
CREATE INDEX ON victim_cases (case_id);
ALTER TABLE victim_cases ADD FOREIGN KEY (victim_id) REFERENCES victims (victim_id);
ALTER TABLE victim_cases ADD FOREIGN KEY (case_id) REFERENCES cases (case_id);
ALTER TABLE suspects ADD PRIMARY KEY (suspect_id);
CREATE INDEX ON suspects (arrested_on);
CREATE INDEX ON suspects (deportation_ordered_on) WHERE deportation_ordered_on IS NOT NULL;
CREATE TABLE suspect_cases AS
  SELECT suspect_id, unnest(string_to_array(case_ids, ';')) AS case_id FROM suspects WHERE case_ids <> '';
ALTER TABLE suspect_cases ADD PRIMARY KEY (suspect_id, case_id);
CREATE INDEX ON suspect_cases (case_id);
ALTER TABLE suspect_cases ADD FOREIGN KEY (suspect_id) REFERENCES suspects (suspect_id);
ALTER TABLE suspect_cases ADD FOREIGN KEY (case_id) REFERENCES cases (case_id);
ALTER TABLE charges ADD PRIMARY KEY (suspect_id, position);
ALTER TABLE charges ADD FOREIGN KEY (suspect_id) REFERENCES suspects (suspect_id);
ALTER TABLE trials ADD PRIMARY KEY (suspect_id);
CREATE INDEX ON trials (decided_on, suspect_id);
ALTER TABLE trials ADD FOREIGN KEY (suspect_id) REFERENCES suspects (suspect_id);
ALTER TABLE support ADD PRIMARY KEY (victim_id, event, "on");
CREATE INDEX ON support ("on");
ALTER TABLE support ADD FOREIGN KEY (victim_id) REFERENCES victims (victim_id);
