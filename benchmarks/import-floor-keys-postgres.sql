-- The part of ctip's schema that the floor's bare tables (one per bundle file, named after it) can carry:
-- the primary keys, secondary indexes and foreign keys of cases, victims, suspects, charges, trials and
-- support events, with ctip's memory settings for the import. Not here: the case-link tables
-- victim_cases and suspect_cases (two million rows, two keys, two indexes and four foreign keys in ctip).
-- benchmarks/import.sh runs this after the floor's \copy, in the same transaction: PostgreSQL's own work
-- for the keys, less than ctip's import asks of it, so a lower bound for any client.
SET LOCAL maintenance_work_mem = '256MB';
SET LOCAL work_mem = '64MB';
ALTER TABLE cases ADD PRIMARY KEY (case_id);
CREATE INDEX ON cases (cleared_on);
ALTER TABLE victims ADD PRIMARY KEY (victim_id);
CREATE INDEX ON victims (protected_on);
ALTER TABLE suspects ADD PRIMARY KEY (suspect_id);
CREATE INDEX ON suspects (arrested_on);
CREATE INDEX ON suspects (deportation_ordered_on) WHERE deportation_ordered_on IS NOT NULL;
ALTER TABLE charges ADD PRIMARY KEY (suspect_id, position);
ALTER TABLE charges ADD FOREIGN KEY (suspect_id) REFERENCES suspects (suspect_id);
ALTER TABLE trials ADD PRIMARY KEY (suspect_id);
CREATE INDEX ON trials (decided_on, suspect_id);
ALTER TABLE trials ADD FOREIGN KEY (suspect_id) REFERENCES suspects (suspect_id);
ALTER TABLE support ADD PRIMARY KEY (victim_id, event, "on");
CREATE INDEX ON support ("on");
ALTER TABLE support ADD FOREIGN KEY (victim_id) REFERENCES victims (victim_id);
