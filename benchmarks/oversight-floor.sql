-- The floor of benchmarks/oversight.sh: the counts of `ctip oversight stats --fiscal-year 2024`
-- (April 1, 2024 to March 31, 2025; shared/spec/oversight.md) written by hand, portable between
-- sqlite3 and psql, over the tables ctip's import fills. Every row it prints is `key|value` pairs
-- (several on a line where one pass over the rows counts several keys), with the keys of ctip's JSON;
-- the script checks that ctip's values are these.
--
-- Each count reads the rows of the period from an index: inspections by (inspector, inspected_on,
-- org_id), actions by (kind, on_date, org_id), an organisation by its key; the licences in force look
-- up each supervising organisation's licence-ending actions by (org_id, on_date). Nothing reads a row
-- per accredited training plan: plans are not rows, only their revocations (`accreditation_revoked`).

-- Supervising organisations licensed on March 31, 2025: licensed by then, no licence-ending action by then.
SELECT 'supervising_licensed', COUNT(*) FROM organisations o
 WHERE o.kind = 'supervising' AND o.licensed_on <= '2025-03-31'
   AND NOT EXISTS (SELECT 1 FROM oversight_actions a WHERE a.org_id = o.org_id
                   AND a.kind IN ('licence_revoked', 'registration_cancelled', 'licence_expired') AND a.on_date <= '2025-03-31');

-- Organisations inspected by the OTIT, supervising and implementing, in one pass over its inspections.
SELECT 'otit_inspected_supervising', COUNT(DISTINCT CASE WHEN o.kind = 'supervising' THEN i.org_id END),
       'otit_inspected_implementing', COUNT(DISTINCT CASE WHEN o.kind = 'implementing' THEN i.org_id END)
  FROM inspections i JOIN organisations o ON o.org_id = i.org_id
 WHERE i.inspector = 'otit' AND i.inspected_on >= '2024-04-01' AND i.inspected_on <= '2025-03-31';

-- Implementing organisations inspected by labour inspection, and those of them found in violation.
SELECT 'labour_inspected_implementing', COUNT(DISTINCT i.org_id),
       'labour_violations_implementing', COUNT(DISTINCT CASE WHEN i.violation_found = 1 THEN i.org_id END)
  FROM inspections i JOIN organisations o ON o.org_id = i.org_id
 WHERE i.inspector = 'labour_inspection' AND i.inspected_on >= '2024-04-01' AND i.inspected_on <= '2025-03-31'
   AND o.kind = 'implementing';

SELECT 'labour_referred_to_prosecutors', COUNT(*) FROM oversight_actions a
 WHERE a.kind = 'referred_to_prosecutors' AND a.on_date >= '2024-04-01' AND a.on_date <= '2025-03-31' AND a."by" = 'labour_inspection';

SELECT 'joint_inspected_implementing', COUNT(DISTINCT i.org_id)
  FROM inspections i JOIN organisations o ON o.org_id = i.org_id
 WHERE i.inspector = 'joint' AND i.inspected_on >= '2024-04-01' AND i.inspected_on <= '2025-03-31' AND o.kind = 'implementing';

-- Recommendations and correction orders of the period that follow a joint inspection (of any date).
SELECT 'joint_recommendations', COUNT(CASE WHEN a.kind = 'recommendation' THEN 1 END),
       'joint_correction_orders', COUNT(CASE WHEN a.kind = 'correction_order' THEN 1 END)
  FROM oversight_actions a JOIN inspections i ON i.inspection_id = a.inspection_id
 WHERE a.kind IN ('recommendation', 'correction_order') AND a.on_date >= '2024-04-01' AND a.on_date <= '2025-03-31'
   AND i.inspector = 'joint';

-- Organisations of a kind with an action of a kind in the period, each counted once.
SELECT 'supervising_licences_revoked', COUNT(DISTINCT a.org_id) FROM oversight_actions a JOIN organisations o ON o.org_id = a.org_id
 WHERE a.kind = 'licence_revoked' AND a.on_date >= '2024-04-01' AND a.on_date <= '2025-03-31' AND o.kind = 'supervising';
SELECT 'implementing_accreditations_revoked', COUNT(DISTINCT a.org_id) FROM oversight_actions a JOIN organisations o ON o.org_id = a.org_id
 WHERE a.kind = 'accreditation_revoked' AND a.on_date >= '2024-04-01' AND a.on_date <= '2025-03-31' AND o.kind = 'implementing';
SELECT 'sending_reported', COUNT(DISTINCT a.org_id) FROM oversight_actions a JOIN organisations o ON o.org_id = a.org_id
 WHERE a.kind = 'reported_to_government' AND a.on_date >= '2024-04-01' AND a.on_date <= '2025-03-31' AND o.kind = 'sending';
SELECT 'sending_acceptance_suspended', COUNT(DISTINCT a.org_id) FROM oversight_actions a JOIN organisations o ON o.org_id = a.org_id
 WHERE a.kind = 'acceptance_suspended' AND a.on_date >= '2024-04-01' AND a.on_date <= '2025-03-31' AND o.kind = 'sending';
SELECT 'support_registrations_cancelled', COUNT(DISTINCT a.org_id) FROM oversight_actions a JOIN organisations o ON o.org_id = a.org_id
 WHERE a.kind = 'registration_cancelled' AND a.on_date >= '2024-04-01' AND a.on_date <= '2025-03-31' AND o.kind = 'registered_support';

SELECT 'ssw_improvement_orders', COUNT(*) FROM oversight_actions a
 WHERE a.kind = 'improvement_order' AND a.on_date >= '2024-04-01' AND a.on_date <= '2025-03-31';

-- Countries with an agreement of each scheme in force on March 31, 2025.
SELECT 'moc_countries_titp', COUNT(DISTINCT CASE WHEN scheme = 'titp' THEN country END),
       'moc_countries_ssw', COUNT(DISTINCT CASE WHEN scheme = 'ssw' THEN country END),
       'moc_countries_esd', COUNT(DISTINCT CASE WHEN scheme = 'esd' THEN country END)
  FROM agreements WHERE signed_on <= '2025-03-31' AND (ended_on IS NULL OR ended_on > '2025-03-31');
