// What connect() asks before serving: are the indexes this adapter needs there and ONLINE?
// Other applications' indexes (even FAILED ones) are not its business.
SHOW INDEXES
YIELD name, type, state, populationPercent
WHERE name IN $names
RETURN name, type, state, populationPercent
