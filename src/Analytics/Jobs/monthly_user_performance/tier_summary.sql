-- Students per performance tier in the month; a tier nobody is in has no row.
SELECT performance_tier, count(*) AS user_count, report_month
FROM user_profiles
GROUP BY performance_tier, report_month
ORDER BY performance_tier
