-- Students per risk level in the month; a level nobody is at has no row.
SELECT risk_level, count(*) AS user_count, report_month
FROM user_profiles
GROUP BY risk_level, report_month
ORDER BY risk_level
