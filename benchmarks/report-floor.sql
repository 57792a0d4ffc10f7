-- The floor of benchmarks/report.sh: the counts and lists of the annual report of data year 2020
-- (trial status as of 2021-03-31), written by hand, portable between sqlite3 and psql. Every statement
-- is one ctip's report needs; the output is discarded.
-- Victims of 2020 and 2019 by sex, nationality, status of residence, exploitation, minor.
SELECT sex, nationality, residence_status, exploitation, CASE WHEN age IS NULL THEN -1 WHEN age < 18 THEN 1 ELSE 0 END, COUNT(*)
  FROM victims WHERE protected_on >= '2020-01-01' AND protected_on < '2021-01-01' GROUP BY 1, 2, 3, 4, 5;
SELECT sex, nationality, residence_status, exploitation, CASE WHEN age IS NULL THEN -1 WHEN age < 18 THEN 1 ELSE 0 END, COUNT(*)
  FROM victims WHERE protected_on >= '2019-01-01' AND protected_on < '2020-01-01' GROUP BY 1, 2, 3, 4, 5;
-- Suspects of 2020 and 2019 with prosecution and verdict as of the cut-off (each trial looked up by its key).
SELECT s.sex, s.nationality, s.broker, s.organized_crime,
       CASE WHEN s.disposition_on <= '2021-03-31' THEN s.disposition END,
       CASE WHEN s.disposition_on <= '2021-03-31' THEN s.not_prosecuted_reason END,
       COALESCE((SELECT t.verdict FROM trials t WHERE t.suspect_id = s.suspect_id AND t.decided_on <= '2021-03-31'), 'pending'), COUNT(*)
  FROM suspects s
 WHERE s.arrested_on >= '2020-01-01' AND s.arrested_on < '2021-01-01' GROUP BY 1, 2, 3, 4, 5, 6, 7;
SELECT s.sex, s.nationality, s.broker, s.organized_crime,
       CASE WHEN s.disposition_on <= '2020-03-31' THEN s.disposition END,
       CASE WHEN s.disposition_on <= '2020-03-31' THEN s.not_prosecuted_reason END,
       COALESCE((SELECT t.verdict FROM trials t WHERE t.suspect_id = s.suspect_id AND t.decided_on <= '2020-03-31'), 'pending'), COUNT(*)
  FROM suspects s
 WHERE s.arrested_on >= '2019-01-01' AND s.arrested_on < '2020-01-01' GROUP BY 1, 2, 3, 4, 5, 6, 7;
-- Cases, deportation orders, support events, protection by the Immigration Services Agency.
SELECT COUNT(*) FROM cases WHERE cleared_on >= '2020-01-01' AND cleared_on < '2021-01-01';
SELECT COUNT(*) FROM cases WHERE cleared_on >= '2019-01-01' AND cleared_on < '2020-01-01';
SELECT COUNT(*) FROM suspects WHERE deportation_ordered_on >= '2020-01-01' AND deportation_ordered_on < '2021-01-01';
SELECT COUNT(*) FROM suspects WHERE deportation_ordered_on >= '2019-01-01' AND deportation_ordered_on < '2020-01-01';
SELECT event, COUNT(DISTINCT victim_id) FROM support_events WHERE on_date >= '2020-01-01' AND on_date < '2021-01-01' GROUP BY event;
SELECT event, COUNT(DISTINCT victim_id) FROM support_events WHERE on_date >= '2019-01-01' AND on_date < '2020-01-01' GROUP BY event;
SELECT v.residence_status, CASE WHEN EXISTS (SELECT 1 FROM support_events c WHERE c.victim_id = v.victim_id
       AND c.event = 'residence_status_change_permitted' AND c.on_date <= '2021-03-31') THEN 1 ELSE 0 END
  FROM (SELECT DISTINCT victim_id FROM support_events WHERE event = 'isa_protection'
       AND on_date >= '2020-01-01' AND on_date < '2021-01-01') AS protected CROSS JOIN victims v WHERE v.victim_id = protected.victim_id;
SELECT v.residence_status, CASE WHEN EXISTS (SELECT 1 FROM support_events c WHERE c.victim_id = v.victim_id
       AND c.event = 'residence_status_change_permitted' AND c.on_date <= '2020-03-31') THEN 1 ELSE 0 END
  FROM (SELECT DISTINCT victim_id FROM support_events WHERE event = 'isa_protection'
       AND on_date >= '2019-01-01' AND on_date < '2020-01-01') AS protected CROSS JOIN victims v WHERE v.victim_id = protected.victim_id;
-- Table 2: the prosecuted persons of 2020 with their trials and charges, a row per charge (in no order:
-- ctip orders the persons itself).
SELECT s.suspect_id, s.arrested_on, s.disposition_on, t.verdict, t.decided_on, t.imprisonment_months, t.suspension_months, t.fine_yen, c.position, c.offense, c.detail
  FROM suspects s LEFT JOIN trials t ON t.suspect_id = s.suspect_id LEFT JOIN charges c ON c.suspect_id = s.suspect_id
 WHERE s.arrested_on >= '2020-01-01' AND s.arrested_on < '2021-01-01'
   AND s.disposition IN ('prosecuted', 'family_court') AND s.disposition_on <= '2021-03-31';
-- Carry-over: persons arrested before 2020 whose trial was undecided at the previous report's cut-off
-- (every prosecuted suspect has a trial row, pending until decided: SQLite finds them by the index
-- trials_undecided, one range for each side of the OR; CROSS JOIN makes it start there), with their trials
-- as of this cut-off and charges. Whether each was prosecuted by their arrest year's cut-off is checked on
-- the rows, by ctip as by whoever reads this list.
SELECT s.suspect_id, s.arrested_on, s.disposition_on, t.verdict, t.decided_on, t.imprisonment_months, t.suspension_months, t.fine_yen, c.position, c.offense, c.detail
  FROM trials t CROSS JOIN suspects s LEFT JOIN charges c ON c.suspect_id = s.suspect_id
 WHERE s.suspect_id = t.suspect_id AND (t.decided_on > '2020-03-31' OR t.decided_on IS NULL)
   AND s.arrested_on < '2020-01-01' AND s.disposition IN ('prosecuted', 'family_court');
-- Figures 3 and 6: every year's counts (a range count per year on each date index), and the history rows.
WITH RECURSIVE years(y) AS (SELECT CAST(substr(MIN(protected_on), 1, 4) AS INTEGER) FROM victims
  UNION ALL SELECT y + 1 FROM years WHERE y < (SELECT CAST(substr(MAX(protected_on), 1, 4) AS INTEGER) FROM victims))
SELECT y, (SELECT COUNT(*) FROM victims WHERE protected_on >= CAST(y AS TEXT) || '-01-01' AND protected_on < CAST(y + 1 AS TEXT) || '-01-01') FROM years;
WITH RECURSIVE years(y) AS (SELECT CAST(substr(MIN(cleared_on), 1, 4) AS INTEGER) FROM cases
  UNION ALL SELECT y + 1 FROM years WHERE y < (SELECT CAST(substr(MAX(cleared_on), 1, 4) AS INTEGER) FROM cases))
SELECT y, (SELECT COUNT(*) FROM cases WHERE cleared_on >= CAST(y AS TEXT) || '-01-01' AND cleared_on < CAST(y + 1 AS TEXT) || '-01-01') FROM years;
WITH RECURSIVE years(y) AS (SELECT CAST(substr(MIN(arrested_on), 1, 4) AS INTEGER) FROM suspects
  UNION ALL SELECT y + 1 FROM years WHERE y < (SELECT CAST(substr(MAX(arrested_on), 1, 4) AS INTEGER) FROM suspects))
SELECT y, (SELECT COUNT(*) FROM suspects WHERE arrested_on >= CAST(y AS TEXT) || '-01-01' AND arrested_on < CAST(y + 1 AS TEXT) || '-01-01') FROM years;
SELECT year, victims, cleared_cases, cleared_suspects FROM history ORDER BY year;
SELECT code, label_en, label_ja, law FROM offenses;
