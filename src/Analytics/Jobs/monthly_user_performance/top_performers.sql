-- The 100 best average scores of the month (user_profiles rows, ties broken by user_id).
SELECT * FROM user_profiles WHERE score_rank <= 100 ORDER BY score_rank
