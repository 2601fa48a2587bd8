-- Students whose month shows high risk (5 or more critical anomalies) or an average below the pass mark.
SELECT * FROM user_profiles WHERE risk_level = 'high' OR performance_tier = 'needs_improvement' ORDER BY user_id
