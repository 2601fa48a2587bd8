-- The 100 largest improvements from the month's first exam to its last (ties broken by user_id).
SELECT * FROM user_profiles WHERE improvement_rank <= 100 ORDER BY improvement_rank
