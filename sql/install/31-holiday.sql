-- Public holidays per country, and the reply deadline of a request: the
-- last day on which the country's answer is in time under the route valid
-- on the day it was presented (working days skip the country's holidays).

CREATE TABLE @extschema@.holiday (
	country @extschema@.country NOT NULL,
	day pg_catalog.date NOT NULL,
	name pg_catalog.text NOT NULL,
	CONSTRAINT holiday_pkey PRIMARY KEY (country, day),
	CONSTRAINT holiday_day_in_range CHECK (@extschema@.year_in_range(day)),
	CONSTRAINT holiday_name_not_empty CHECK (pg_catalog.btrim(name) <> '')
);
COMMENT ON TABLE @extschema@.holiday IS
	'public holidays of the countries of origin, one row per country and day: the working days of reply deadlines skip them';
COMMENT ON COLUMN @extschema@.holiday.country IS 'the country whose public holiday it is';
COMMENT ON COLUMN @extschema@.holiday.day IS 'the day of the holiday (in a year migchain counts, 1950 to 2199)';
COMMENT ON COLUMN @extschema@.holiday.name IS 'name of the holiday';

-- Users fill the table; the install script adds no rows, so the dump holds
-- every row once.
SELECT pg_catalog.pg_extension_config_dump('@extschema@.holiday', '');

-- STABLE: reads country_route and holiday (once per statement and process,
-- see src/reply_deadline.c), with the caller's rights.
CREATE FUNCTION @extschema@.reply_deadline(country @extschema@.country,
										   kind @extschema@.request_kind,
										   presented_on pg_catalog.date)
	RETURNS pg_catalog.date
	AS 'MODULE_PATHNAME', 'reply_deadline'
	LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.reply_deadline(@extschema@.country, @extschema@.request_kind, pg_catalog.date) IS
	'the last day on which an answer to a request presented on presented_on is in time under the route valid that day: presented_on + n calendar days, or the n-th working day after presented_on (not counting presented_on; Saturdays, Sundays and the country''s holidays skipped); NULL when no route with a deadline applies (STABLE: reads country_route and holiday)';
